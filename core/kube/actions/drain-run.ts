import { setMaxListeners } from 'node:events';
import { podKey, type DrainFilterOptions, type PodJson } from './drain-filters.ts';
import { planDrain, refusalLines, warningLine, type KeptPod } from './drain-plan.ts';
import { formatGoDuration } from './go-duration.ts';
import { isNotFound, isTooManyRequests, KubeStatusError, type KubeJson } from './kube-json.ts';
import { cordonNode, readNode, nodeIsReady } from './node-ops.ts';

export type DryRun = 'none' | 'client' | 'server';

export interface DrainOptions extends DrainFilterOptions {
  /** Seconds each pod gets to stop; -1 = the pod's own terminationGracePeriodSeconds. */
  gracePeriodSeconds: number;
  /** Give up after this many seconds; 0 = no limit (kubectl's default). */
  timeoutSeconds: number;
  /** Delete pods instead of evicting them: PodDisruptionBudgets are bypassed. */
  disableEviction: boolean;
  dryRun: DryRun;
}

/** Knobs for tests; the defaults are kubectl's. */
export interface DrainTiming {
  /** Wait after a 429 before asking again (kubectl: 5 s). */
  retryIntervalMs: number;
  /** How often to check whether an evicted pod is gone (kubectl: 1 s). */
  pollIntervalMs: number;
  /** With no --timeout, the most a drain of a NotReady node waits for its pods to go. */
  notReadyWaitSeconds: number;
}

export const KUBECTL_TIMING: DrainTiming = {
  retryIntervalMs: 5000,
  pollIntervalMs: 1000,
  notReadyWaitSeconds: 300,
};

export const DEFAULT_DRAIN_OPTIONS: DrainOptions = {
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  force: false,
  skipWaitForDeleteTimeoutSeconds: 0,
  gracePeriodSeconds: -1,
  timeoutSeconds: 0,
  disableEviction: false,
  dryRun: 'none',
};

/** One step of a drain, for progress bars, CLI lines and the audit log. */
export type DrainProgress =
  | { type: 'cordoned'; node: string; already: boolean }
  | { type: 'warning'; message: string }
  | { type: 'refused'; message: string }
  | { type: 'evicting'; pod: string }
  | { type: 'retrying'; pod: string; message: string; budget?: string }
  | { type: 'waiting'; pod: string }
  | { type: 'evicted'; pod: string; deleted: boolean }
  | { type: 'failed'; pod: string; message: string };

export type DrainOutcome = 'drained' | 'refused' | 'timeout' | 'cancelled' | 'failed';

/** The `-o json` shape of `foresight drain`. */
export interface DrainResult {
  node: string;
  /** The node is (or, in a dry run, would be) cordoned. */
  cordoned: boolean;
  /** Pods evicted (deleted with --disable-eviction); in a dry run, the ones that would be. */
  evict: string[];
  skip: KeptPod[];
  blocking: KeptPod[];
  outcome: DrainOutcome;
}

export interface DrainReport extends DrainResult {
  /** kubectl's error text when the drain did not complete. */
  errors: string[];
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** The PodDisruptionBudget a 429 names ("The disruption budget web-pdb needs 2 healthy pods…"). */
export function blockingBudget(error: KubeStatusError): { name?: string; message: string } {
  const cause = error.causes.find((c) => c.reason === 'DisruptionBudget') ?? error.causes[0];
  const message = cause?.message ?? error.message;
  const name = /disruption budget (\S+)/i.exec(message)?.[1];
  return { ...(name ? { name } : {}), message };
}

const podPath = (pod: PodJson) =>
  `/api/v1/namespaces/${encodeURIComponent(pod.metadata.namespace ?? '')}/pods/${encodeURIComponent(pod.metadata.name ?? '')}`;

/**
 * Drains a node as `kubectl drain` does: cordon by patch, kubectl's filters, then every pod
 * evicted at once through policy/v1 Eviction (429 retried every 5 s, 404 counts as done) and
 * waited for until it is gone or replaced (a new UID). Stops at the timeout or when `signal`
 * aborts, and always reports what happened to each pod.
 */
export async function runDrain(
  api: KubeJson,
  node: string,
  options: DrainOptions,
  onProgress: (step: DrainProgress) => void = () => {},
  signal?: AbortSignal,
  timing: DrainTiming = KUBECTL_TIMING,
): Promise<DrainReport> {
  const report: DrainReport = {
    node,
    cordoned: false,
    evict: [],
    skip: [],
    blocking: [],
    outcome: 'drained',
    errors: [],
  };
  const current = await readNode(api, node);
  const already = current.spec?.unschedulable === true;
  if (!already) await cordonNode(api, node, true, options.dryRun);
  report.cordoned = true;
  onProgress({ type: 'cordoned', node, already });

  let limitSeconds = options.timeoutSeconds;
  let limitReason = `global timeout reached: ${formatGoDuration(limitSeconds)}`;
  if (!nodeIsReady(current) && limitSeconds === 0 && options.dryRun === 'none') {
    limitSeconds = timing.notReadyWaitSeconds;
    limitReason = `node ${node} is NotReady, so its kubelet cannot confirm that pods stopped; gave up after ${formatGoDuration(limitSeconds)} (set --timeout to wait longer)`;
    onProgress({
      type: 'warning',
      message: `node ${node} is NotReady: waiting at most ${formatGoDuration(limitSeconds)} for its pods to go (set --timeout to change)`,
    });
  }

  const plan = await planDrain(api, node, options);
  report.skip = plan.skip;
  const warning = warningLine(plan);
  if (warning) onProgress({ type: 'warning', message: warning });
  if (plan.blocking.length > 0) {
    report.blocking = plan.blocking;
    report.errors = refusalLines(plan);
    report.outcome = 'refused';
    for (const line of report.errors) onProgress({ type: 'refused', message: line });
    return report;
  }
  if (options.disableEviction && plan.evict.length > 0) {
    onProgress({
      type: 'warning',
      message: 'Warning: --disable-eviction deletes pods directly: PodDisruptionBudgets are bypassed',
    });
  }

  const stop = new AbortController();
  // Every pod's retry sleep and wait listens to this one signal; a node holds up to 110 pods.
  setMaxListeners(0, stop.signal);
  const timedOut = { value: false };
  const timer =
    limitSeconds > 0
      ? setTimeout(() => {
          timedOut.value = true;
          stop.abort();
        }, limitSeconds * 1000)
      : undefined;
  const cancel = () => stop.abort();
  signal?.addEventListener('abort', cancel, { once: true });
  if (signal?.aborted) stop.abort();
  try {
    const results = await Promise.all(
      plan.evict.map((pod) => removePod(api, pod, options, onProgress, stop.signal, timing)),
    );
    for (const [i, result] of results.entries()) {
      const key = podKey(plan.evict[i] as PodJson);
      if (result.ok) {
        report.evict.push(key);
        continue;
      }
      const stopped = stop.signal.aborted ? (timedOut.value ? limitReason : 'cancelled') : undefined;
      const error = stopped ? `${result.message}: ${stopped}` : result.message;
      report.errors.push(error);
      report.blocking.push({
        pod: key,
        reason: result.budget ? `${result.budget} (${stopped ?? 'refused'})` : error,
      });
    }
  } finally {
    if (timer) clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
  if (report.blocking.length > 0)
    report.outcome = timedOut.value ? 'timeout' : signal?.aborted ? 'cancelled' : 'failed';
  return report;
}

type RemoveResult = { ok: true } | { ok: false; message: string; budget?: string };

async function removePod(
  api: KubeJson,
  pod: PodJson,
  options: DrainOptions,
  onProgress: (step: DrainProgress) => void,
  stop: AbortSignal,
  timing: DrainTiming,
): Promise<RemoveResult> {
  const key = podKey(pod);
  const deleteOptions = {
    ...(options.gracePeriodSeconds >= 0 ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
    ...(options.dryRun === 'server' ? { dryRun: ['All'] } : {}),
  };
  let budget: string | undefined;
  if (!options.disableEviction) onProgress({ type: 'evicting', pod: key });
  if (options.dryRun === 'client') {
    onProgress({ type: 'evicted', pod: key, deleted: options.disableEviction });
    return { ok: true };
  }
  for (;;) {
    if (stop.aborted) {
      const message = `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}"`;
      return { ok: false, message, ...(budget ? { budget } : {}) };
    }
    try {
      if (options.disableEviction) {
        await api.delete(podPath(pod), { apiVersion: 'v1', kind: 'DeleteOptions', ...deleteOptions });
      } else {
        await api.post(`${podPath(pod)}/eviction`, {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
          deleteOptions,
        });
      }
      break;
    } catch (error) {
      if (isNotFound(error)) {
        onProgress({ type: 'evicted', pod: key, deleted: options.disableEviction });
        return { ok: true };
      }
      if (isTooManyRequests(error) && !options.disableEviction) {
        const blocker = blockingBudget(error as KubeStatusError);
        budget = blocker.name
          ? `PodDisruptionBudget ${pod.metadata.namespace}/${blocker.name}: ${blocker.message}`
          : blocker.message;
        onProgress({
          type: 'retrying',
          pod: key,
          message: `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after ${formatGoDuration(timing.retryIntervalMs / 1000)}): ${(error as Error).message}`,
          ...(blocker.name ? { budget: `${pod.metadata.namespace}/${blocker.name}` } : {}),
        });
        await sleep(timing.retryIntervalMs, stop);
        continue;
      }
      const message = `error when ${options.disableEviction ? 'deleting' : 'evicting'} pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}": ${(error as Error).message}`;
      onProgress({ type: 'failed', pod: key, message });
      return { ok: false, message };
    }
  }
  if (options.dryRun === 'server') {
    onProgress({ type: 'evicted', pod: key, deleted: options.disableEviction });
    return { ok: true };
  }
  onProgress({ type: 'waiting', pod: key });
  const gone = await waitForGone(api, pod, options, stop, timing);
  if (gone === true) {
    onProgress({ type: 'evicted', pod: key, deleted: options.disableEviction });
    return { ok: true };
  }
  const message = `error when waiting for pod "${pod.metadata.name}" in namespace "${pod.metadata.namespace}" to terminate`;
  onProgress({ type: 'failed', pod: key, message: gone === false ? message : `${message}: ${gone}` });
  return { ok: false, message: gone === false ? message : `${message}: ${gone}` };
}

/** True once the pod is gone or replaced (another UID); false when stopped; a message on a read error. */
async function waitForGone(
  api: KubeJson,
  pod: PodJson,
  options: DrainOptions,
  stop: AbortSignal,
  timing: DrainTiming,
): Promise<true | false | string> {
  for (;;) {
    try {
      const now = await api.get<PodJson>(podPath(pod));
      if (now.metadata.uid !== pod.metadata.uid) return true;
      const since = now.metadata.deletionTimestamp;
      if (options.skipWaitForDeleteTimeoutSeconds > 0 && since) {
        if ((Date.now() - Date.parse(since)) / 1000 > options.skipWaitForDeleteTimeoutSeconds) return true;
      }
    } catch (error) {
      if (isNotFound(error)) return true;
      if (!(error instanceof KubeStatusError)) return (error as Error).message;
    }
    if (stop.aborted) return false;
    await sleep(timing.pollIntervalMs, stop);
    if (stop.aborted) return false;
  }
}
