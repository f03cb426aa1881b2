/**
 * Reads a watch response line by line, for tests: collects events until the stream ends, a
 * predicate is satisfied, or the time runs out (then it aborts the request). Not a test itself.
 */
export interface WatchEvent {
  type: string;
  object: Record<string, unknown> & { metadata?: Record<string, unknown> };
}

export interface WatchResult {
  status: number;
  events: WatchEvent[];
  /** How the stream stopped: the server ended it, the test had enough, or it broke. */
  ended: 'server' | 'enough' | 'timeout' | 'error';
}

export async function readWatch(
  url: string,
  token: string,
  options: {
    until?: (events: WatchEvent[]) => boolean;
    timeoutMs?: number;
    accept?: string;
    onOpen?: () => void;
  } = {},
): Promise<WatchResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 5000);
  const events: WatchEvent[] = [];
  let ended: WatchResult['ended'] = 'server';
  let status = 0;
  try {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, ...(options.accept ? { accept: options.accept } : {}) },
      signal: controller.signal,
    });
    status = res.status;
    options.onOpen?.();
    if (!res.body) return { status, events, ended };
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.trim()) events.push(JSON.parse(line) as WatchEvent);
      }
      if (options.until?.(events)) {
        ended = 'enough';
        controller.abort();
        break;
      }
    }
  } catch (error) {
    ended = controller.signal.aborted ? (ended === 'enough' ? 'enough' : 'timeout') : 'error';
    if (ended === 'error' && !(error instanceof Error)) throw error;
  } finally {
    clearTimeout(timer);
  }
  return { status, events, ended };
}

export const names = (events: readonly WatchEvent[]) =>
  events.map((e) => `${e.type} ${String(e.object.metadata?.name ?? '')}`);
