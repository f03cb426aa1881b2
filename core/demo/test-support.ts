/**
 * Helpers shared by the demo server's tests (not a test file itself). Kept here, next to the
 * tests, because nothing outside core/demo needs them.
 */
import { createSimulation, type Simulation, type SimulationOptions } from '../sim/simulation.ts';

export interface HttpResult {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

export async function httpGet(
  url: string,
  options: { token?: string; accept?: string; method?: string } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.accept !== undefined) headers.accept = options.accept;
  const response = await fetch(url, { method: options.method ?? 'GET', headers });
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
