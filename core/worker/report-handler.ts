import { randomUUID } from 'node:crypto';
import {
  contractError,
  errorReply,
  type NodesSnapshot,
  type ReplyEnvelope,
  type ReportProgress,
  type ReportsBuildParams,
  type RequestId,
} from '../contract/index.ts';
import {
  buildReport,
  NothingToReportError,
  printableServer,
  reportCatalog,
  type ReportHistoryReads,
  type ReportSource,
} from '../reports/index.ts';

/** What the collector lends the report builder: read access to its state, nothing to write. */
export interface ReportState {
  version: string;
  cluster(): { name: string; context: string; server: string; demo: boolean };
  snapshot(): NodesSnapshot | null;
  history(): { reads: ReportHistoryReads | undefined; problem: string | undefined };
}

/**
 * Answers `reports.catalog` and `reports.build` in the worker, next to the database it reads
 * ("one worker, one writer": reports only read, through the worker's own connection). Pushes a
 * `reportProgress` event per step of a build.
 */
export class ReportHandler {
  constructor(
    private readonly state: ReportState,
    private readonly emitProgress: (progress: ReportProgress) => void,
    private readonly now: () => number,
  ) {}

  private source(): ReportSource {
    const cluster = this.state.cluster();
    const { reads, problem } = this.state.history();
    return {
      cluster: { ...cluster, server: printableServer(cluster.server) },
      snapshot: this.state.snapshot(),
      history: reads,
      ...(problem ? { historyProblem: problem } : {}),
      version: this.state.version,
    };
  }

  catalog(id: RequestId): ReplyEnvelope {
    return { kind: 'reply', id, ok: true, result: { sections: reportCatalog(this.source()) } };
  }

  async build(id: RequestId, params: ReportsBuildParams): Promise<ReplyEnvelope> {
    const jobId = params.jobId ?? randomUUID();
    const started = performance.now();
    try {
      const built = await buildReport(
        this.source(),
        {
          sections: params.sections,
          format: params.format,
          ...(params.period ? { period: params.period } : {}),
          ...(params.since !== undefined ? { since: params.since } : {}),
          ...(params.until !== undefined ? { until: params.until } : {}),
        },
        { now: this.now(), onProgress: (progress) => this.emitProgress({ jobId, ...progress }) },
      );
      return {
        kind: 'reply',
        id,
        ok: true,
        result: {
          fileName: built.file.fileName,
          mimeType: built.file.mimeType,
          base64: Buffer.from(built.file.bytes).toString('base64'),
          bytes: built.file.bytes.length,
          sections: built.sections,
          buildMs: Math.round(performance.now() - started),
        },
      };
    } catch (error) {
      if (error instanceof NothingToReportError) {
        return errorReply(
          id,
          contractError('BadRequest', error.message, 'Pick at least one available section.'),
        );
      }
      return errorReply(id, contractError('Internal', `Building the report failed: ${String(error)}`));
    }
  }
}
