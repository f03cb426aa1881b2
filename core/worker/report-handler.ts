import { randomUUID } from 'node:crypto';
import {
  contractError,
  errorReply,
  reportSectionIds,
  type NodesSnapshot,
  type ReplyEnvelope,
  type ReportProgress,
  type ReportSectionId,
  type ReportsBuildParams,
  type RequestId,
  type ValidRequest,
} from '../contract/index.ts';
import {
  buildReport,
  featureReadsFor,
  gatherReads,
  NothingToReportError,
  printableServer,
  reportCatalog,
  resolvePeriod,
  type Answer,
  type Ask,
  type GatherOptions,
  type PendingPlacement,
  type ReportHistoryReads,
  type ReportSource,
} from '../reports/index.ts';

/** What the collector lends the report builder: read access to its state, nothing to write. */
export interface ReportState {
  version: string;
  cluster(): { name: string; context: string; server: string; demo: boolean };
  snapshot(): NodesSnapshot | null;
  history(): { reads: ReportHistoryReads | undefined; problem: string | undefined };
  /**
   * Answers a contract request as the worker would for a page: how reports read what risk,
   * scaling and actions know without reaching into their stores (only read methods are asked).
   */
  ask(request: ValidRequest): ReplyEnvelope | Promise<ReplyEnvelope>;
  /** Placement advice for the pending pods, as the Placement page ranks them, not recorded. */
  pendingPlacement(limit: number): Promise<PendingPlacement>;
}

/**
 * Answers `reports.catalog` and `reports.build` in the worker, next to the database it reads
 * ("one worker, one writer": reports only read, through the worker's own connection). Pushes a
 * `reportProgress` event per step of a build.
 */
export class ReportHandler {
  private asked = 0;

  constructor(
    private readonly state: ReportState,
    private readonly emitProgress: (progress: ReportProgress) => void,
    private readonly now: () => number,
  ) {}

  private readonly ask: Ask = async (method, params) => {
    const reply = await this.state.ask({ id: `report-read-${++this.asked}`, method, params });
    if (reply.ok) return { ok: true, value: reply.result as never };
    return { ok: false, reason: reply.error.message };
  };

  private async pendingPlacement(limit: number): Promise<Answer<PendingPlacement>> {
    try {
      return { ok: true, value: await this.state.pendingPlacement(limit) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }

  private async source(sections: readonly ReportSectionId[], options: GatherOptions): Promise<ReportSource> {
    const cluster = this.state.cluster();
    const { reads, problem } = this.state.history();
    return {
      cluster: { ...cluster, server: printableServer(cluster.server) },
      snapshot: this.state.snapshot(),
      history: reads,
      ...(problem ? { historyProblem: problem } : {}),
      reads: await gatherReads(
        { ask: this.ask, pendingPlacement: (limit) => this.pendingPlacement(limit) },
        featureReadsFor(sections),
        options,
      ),
      version: this.state.version,
    };
  }

  async catalog(id: RequestId): Promise<ReplyEnvelope> {
    const source = await this.source(reportSectionIds, { depth: 'catalog', since: this.now() });
    return { kind: 'reply', id, ok: true, result: { sections: reportCatalog(source) } };
  }

  async build(id: RequestId, params: ReportsBuildParams): Promise<ReplyEnvelope> {
    const jobId = params.jobId ?? randomUUID();
    const started = performance.now();
    try {
      const now = this.now();
      const request = {
        sections: params.sections,
        format: params.format,
        ...(params.period ? { period: params.period } : {}),
        ...(params.since !== undefined ? { since: params.since } : {}),
        ...(params.until !== undefined ? { until: params.until } : {}),
      };
      const { since } = resolvePeriod(request, now);
      const built = await buildReport(
        await this.source(params.sections, { depth: 'build', since }),
        request,
        { now, onProgress: (progress) => this.emitProgress({ jobId, ...progress }) },
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
