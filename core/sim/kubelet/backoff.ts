/**
 * The kubelet's container restart back-off (k8s.io/client-go/util/flowcontrol.Backoff as
 * kuberuntime uses it): 10 s after the second crash, doubling to 5 min; an entry not touched for
 * twice the maximum starts over.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

export interface BackoffEntry {
  backoffMs: number;
  lastUpdateMs: number;
}

/** Backoff.IsInBackOffSince: still waiting `backoffMs` after the container finished. */
export function inBackOff(entry: BackoffEntry | undefined, finishedMs: number, nowMs: number): boolean {
  if (!entry) return false;
  if (nowMs - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS) return false;
  return nowMs - finishedMs < entry.backoffMs;
}

/** Backoff.Next, at a restart: start at the initial delay or double it. */
export function nextBackOff(entry: BackoffEntry | undefined, nowMs: number): BackoffEntry {
  if (!entry || nowMs - entry.lastUpdateMs > 2 * BACKOFF_MAX_MS)
    return { backoffMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs };
  return { backoffMs: Math.min(entry.backoffMs * 2, BACKOFF_MAX_MS), lastUpdateMs: nowMs };
}

/** A duration as Go's time.Duration.String prints whole seconds: "10s", "1m20s", "5m0s". */
export function goDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m${seconds % 60}s`;
}
