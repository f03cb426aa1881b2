/**
 * HTTP helpers shared by the demo server's tests (not a test file itself). Kept in core/demo
 * because nothing outside it needs them.
 */
import { createSimulation, type Simulation, type SimulationOptions } from '../../sim/simulation.ts';

export interface HttpResult {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export interface HttpOptions {
  token?: string;
  accept?: string;
  method?: string;
  /** Sent as JSON unless it is a string. */
  body?: unknown;
  contentType?: string;
}

export async function httpGet(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.accept !== undefined) headers.accept = options.accept;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] = options.contentType ?? 'application/json';
  }
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, json };
}

/** A simulation whose clock stands still, so responses can be compared with the model. */
export function frozenSimulation(options: SimulationOptions = {}): Simulation {
  const realNow = 1_750_000_000_000;
  return createSimulation({ startMs: Date.UTC(2025, 5, 2, 14, 30, 0), ...options, realNow: () => realNow });
}

/** Narrowing for JSON bodies: fails the test with the body in the message when the shape is wrong. */
export function asRecord(value: unknown, what = 'value'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${what} is not an object: ${JSON.stringify(value)?.slice(0, 300)}`);
  }
  return value as Record<string, unknown>;
}

export function asArray(value: unknown, what = 'value'): unknown[] {
  if (!Array.isArray(value))
    throw new Error(`${what} is not an array: ${JSON.stringify(value)?.slice(0, 300)}`);
  return value;
}

/** `{ items: [...] }` of a list body, each as a record. */
export function itemsOf(body: unknown): Record<string, unknown>[] {
  return asArray(asRecord(body, 'list').items, 'items').map((item, i) => asRecord(item, `items[${i}]`));
}

export function nameOf(object: Record<string, unknown>): string {
  return String(asRecord(object.metadata, 'metadata').name);
}

/** A client bound to one server and token: `api.get(path)`, `api.send('PATCH', path, body, type)`. */
export function apiClient(baseUrl: string, token: string) {
  return {
    get: (path: string, accept?: string) =>
      httpGet(`${baseUrl}${path}`, { token, ...(accept === undefined ? {} : { accept }) }),
    send: (method: string, path: string, body?: unknown, contentType?: string) =>
      httpGet(`${baseUrl}${path}`, {
        token,
        method,
        ...(body === undefined ? {} : { body }),
        ...(contentType === undefined ? {} : { contentType }),
      }),
  };
}
