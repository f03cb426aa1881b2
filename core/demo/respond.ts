import type { ServerResponse } from 'node:http';

/**
 * What a handler returns. Lists are streams of JSON text produced item by item, so a list of
 * 150,000 pods is never one string in memory and a page of 500 converts only those 500.
 */
export type Reply =
  | { type: 'json'; status: number; body: unknown; headers?: Readonly<Record<string, string>> }
  | { type: 'text'; status: number; body: string }
  | { type: 'stream'; status: number; chunks: Iterable<string> }
  | { type: 'watch'; start: (sink: WatchSink) => void };

/**
 * Where a watch writes: one JSON object per line, flushed as it is written, until the watch
 * ends it, the client hangs up, or a fault drops the connection.
 */
export interface WatchSink {
  send(event: unknown): void;
  /** Ends the response cleanly (timeoutSeconds, 410 after its ERROR event). */
  end(): void;
  /** Drops the connection without a proper end, as a dying load balancer would. */
  destroy(): void;
  onClose(listener: () => void): void;
  readonly closed: boolean;
}

export function jsonReply(body: unknown, status = 200, headers?: Readonly<Record<string, string>>): Reply {
  return headers ? { type: 'json', status, body, headers } : { type: 'json', status, body };
}

export function textReply(body: string, status = 200): Reply {
  return { type: 'text', status, body };
}

/** Items serialized per batch: large enough to amortize writes, small enough to stream. */
const BATCH = 200;

/**
 * A list object (`head` plus an array under `arrayField`) as a stream. `head` must not contain
 * `arrayField`; its other fields come first, exactly as JSON.stringify would write them.
 */
export function listReply<T>(
  head: Record<string, unknown>,
  arrayField: string,
  items: readonly T[],
  toJson: (item: T) => unknown,
): Reply {
  function* chunks(): Generator<string> {
    const opening = JSON.stringify(head);
    yield `${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}${JSON.stringify(arrayField)}:[`;
    for (let start = 0; start < items.length; start += BATCH) {
      const parts: string[] = [];
      const end = Math.min(items.length, start + BATCH);
      for (let i = start; i < end; i++) parts.push(JSON.stringify(toJson(items[i] as T)));
      yield (start > 0 ? ',' : '') + parts.join(',');
    }
    yield ']}';
  }
  return { type: 'stream', status: 200, chunks: chunks() };
}

export async function sendReply(res: ServerResponse, reply: Reply): Promise<void> {
  if (reply.type === 'watch') {
    startWatch(res, reply.start);
    return;
  }
  if (reply.type === 'stream') {
    res.writeHead(reply.status, { 'Content-Type': 'application/json' });
    for (const chunk of reply.chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
    return;
  }
  const body = reply.type === 'json' ? JSON.stringify(reply.body) : reply.body;
  res.writeHead(reply.status, {
    ...(reply.type === 'json' ? reply.headers : {}),
    'Content-Type': reply.type === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function startWatch(res: ServerResponse, start: (sink: WatchSink) => void): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
  // Headers out now: clients (kubectl, client-node) treat the watch as established from here.
  res.flushHeaders();
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const listener of listeners.splice(0)) listener();
  };
  res.on('close', close);
  const sink: WatchSink = {
    send(event) {
      if (!closed && !res.destroyed) res.write(`${JSON.stringify(event)}\n`);
    },
    end() {
      if (!closed) res.end();
      close();
    },
    destroy() {
      if (!closed) res.socket?.destroy();
      close();
    },
    onClose(listener) {
      if (closed) listener();
      else listeners.push(listener);
    },
    get closed() {
      return closed;
    },
  };
  start(sink);
}

/** Resolves when the socket can take more, or when it is gone (the client hung up). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
