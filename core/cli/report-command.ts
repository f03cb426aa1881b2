import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, type Backend } from '../backend/index.ts';
import {
  methods,
  type EventEnvelope,
  type MethodName,
  type ParamsOf,
  type ReportSectionId,
  type ResultOf,
} from '../contract/index.ts';
import { findKubeconfigs } from '../kube/discovery.ts';
import { defaultDataDir } from './data-dir.ts';
import type { CommandOutput } from './output.ts';
import type { ReportOptions } from './report-options.ts';

export interface ReportCommandOptions extends ReportOptions {
  demo: boolean;
  kubeconfig?: string[];
  context?: string;
  dataDir?: string;
  seed?: number;
  nodes?: number;
  speed?: number;
  /** How long to wait for the cluster's first samples. */
  waitMs?: number;
}

/** Snapshots the demo collects before the report is made: enough for its charts to show a line. */
const demoSnapshots = 4;

class CommandFailure extends Error {}

/** Calls the contract like the UI does, so the CLI and the Reports page share one path. */
async function call<M extends MethodName>(
  backend: Backend,
  method: M,
  params: ParamsOf<M>,
): Promise<ResultOf<M>> {
  const reply = await backend.handle({ kind: 'request', id: method, method, params });
  if (!reply.ok) {
    throw new CommandFailure(`${reply.error.message}${reply.error.hint ? ` ${reply.error.hint}` : ''}`);
  }
  return methods[method].result.parse(reply.result) as ResultOf<M>;
}

/** Resolves once `wanted` snapshots have arrived; rejects with the cluster's last words on timeout. */
function waitForSnapshots(backend: Backend, wanted: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let lastProblem = 'no answer from the cluster yet';
    const timer = setTimeout(() => {
      stop();
      reject(
        new CommandFailure(
          `No data from the cluster within ${Math.round(timeoutMs / 1000)} s: ${lastProblem}`,
        ),
      );
    }, timeoutMs);
    const stop = backend.onEvent((event: EventEnvelope) => {
      if (event.name === 'connection') {
        const status = event.payload as { state: string; message?: string };
        if (status.message && status.state === 'disconnected') lastProblem = status.message;
      }
      if (event.name === 'nodes' && ++seen >= wanted) {
        clearTimeout(timer);
        stop();
        resolve();
      }
    });
  });
}

async function chooseSections(
  backend: Backend,
  asked: ReportSectionId[] | undefined,
): Promise<ReportSectionId[]> {
  const { sections } = await call(backend, 'reports.catalog', {});
  if (!asked) return sections.filter((s) => s.available).map((s) => s.id);
  const unavailable = sections.filter((s) => asked.includes(s.id) && !s.available);
  if (unavailable.length) {
    throw new CommandFailure(
      `Not available yet: ${unavailable.map((s) => `${s.id} (${s.reason ?? 'not available'})`).join(', ')}. ` +
        `Available: ${sections
          .filter((s) => s.available)
          .map((s) => s.id)
          .join(', ')}.`,
    );
  }
  return asked;
}

/**
 * `foresight report`: starts the backend (the demo cluster, or the kubeconfig's cluster), waits
 * for data, asks the contract for the report, writes it and stops everything. With --demo the
 * history lives in a temporary folder, so the report covers the seconds it collected.
 */
export async function runReportCommand(options: ReportCommandOptions, out: CommandOutput): Promise<number> {
  const kubeconfigPath = options.demo
    ? undefined
    : options.kubeconfig?.length
      ? options.kubeconfig
      : findKubeconfigs();
  if (!options.demo && !kubeconfigPath) {
    throw new CommandFailure(
      'No kubeconfig found ($KUBECONFIG, ~/.kube/config). Name one with --kubeconfig, or report on the demo cluster with --demo.',
    );
  }
  const temporary =
    options.demo && !options.dataDir ? mkdtempSync(join(tmpdir(), 'foresight-report-')) : undefined;
  const dataDir = options.dataDir ?? temporary ?? defaultDataDir();
  const started = performance.now();
  out.info(
    options.demo
      ? 'Starting the demo cluster…'
      : `Connecting to ${options.context ?? 'the current context'}…`,
  );
  const backend = await createBackend({
    host: 'cli',
    dataDir,
    ...(kubeconfigPath ? { kubeconfigPath } : {}),
    ...(options.context ? { context: options.context } : {}),
    demo: options.demo
      ? { seed: options.seed ?? 1, nodes: options.nodes ?? 12, speed: options.speed ?? 60 }
      : false,
    collectIntervalMs: options.demo ? 1000 : 5000,
  });
  try {
    await waitForSnapshots(backend, options.demo ? demoSnapshots : 1, options.waitMs ?? 60_000);
    const sections = await chooseSections(backend, options.sections);
    const jobId = `cli-${process.pid}`;
    const stopProgress = backend.onEvent((event) => {
      if (event.name !== 'reportProgress') return;
      const progress = event.payload as { jobId: string; done: number; total: number; stage: string };
      if (progress.jobId === jobId) out.info(`[${progress.done}/${progress.total}] ${progress.stage}`);
    });
    const report = await call(backend, 'reports.build', {
      jobId,
      sections,
      format: options.format,
      since: Math.max(0, Date.now() - options.sinceMs),
    }).finally(stopProgress);
    writeFileSync(options.out, Buffer.from(report.base64, 'base64'));
    const kind = report.mimeType === 'application/zip' ? 'a zip of CSV files' : options.format.toUpperCase();
    out.result(
      `Wrote ${options.out} (${kind}, ${Math.max(1, Math.round(report.bytes / 1024))} KB; ${report.sections.join(', ')}) ` +
        `in ${((performance.now() - started) / 1000).toFixed(1)} s; the report itself took ${report.buildMs} ms.`,
    );
    return 0;
  } finally {
    await backend.stop();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}
