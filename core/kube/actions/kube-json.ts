import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';

/**
 * A small JSON client for the writes actions make (patch, eviction, scale, access reviews).
 * Authenticates exactly as client-node does (applyToHTTPSOptions: certificates, tokens, exec
 * plugins), but returns the API server's Status as a typed error, so callers can switch on
 * 404/409/429 and name a PodDisruptionBudget from the status causes, as kubectl does.
 */

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** A non-2xx reply, with the API server's own message (kubectl prints it as it is). */
export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly causes: readonly StatusCause[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'KubeStatusError';
  }
}

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeJson {
  readonly server: string;
  get<T = unknown>(path: string, query?: Query): Promise<T>;
  /** POST a JSON body. */
  post<T = unknown>(path: string, body: unknown, query?: Query): Promise<T>;
  /** PATCH with a content type: merge (default), strategic or json patch. */
  patch<T = unknown>(path: string, body: unknown, query?: Query, type?: PatchType): Promise<T>;
  put<T = unknown>(path: string, body: unknown, query?: Query): Promise<T>;
  delete<T = unknown>(path: string, body?: unknown, query?: Query): Promise<T>;
}

export type PatchType = 'merge' | 'strategic' | 'json';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/** How long one request may take before it fails (a hung API server must not hang an action). */
const REQUEST_TIMEOUT_MS = 30_000;

export function kubeJson(kubeConfig: KubeConfig, server?: string): KubeJson {
  const base = (server ?? kubeConfig.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
  if (!base) throw new Error('The kubeconfig context names no cluster server address.');
  const send = async <T>(
    method: string,
    path: string,
    query: Query = {},
    body?: unknown,
    contentType = 'application/json',
  ): Promise<T> => {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    const options: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(options);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const transport = url.protocol === 'https:' ? https : http;
    const { status, text, retryAfter } = await new Promise<{
      status: number;
      text: string;
      retryAfter?: string;
    }>((resolve, reject) => {
      const request = transport.request(
        url,
        {
          ...options,
          method,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            ...options.headers,
            Accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const header = response.headers['retry-after'];
            resolve({
              status: response.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
              ...(typeof header === 'string' ? { retryAfter: header } : {}),
            });
          });
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error(`${method} ${path} got no answer within ${REQUEST_TIMEOUT_MS / 1000}s`)),
      );
      request.on('error', reject);
      request.end(payload);
    });
    if (status >= 200 && status < 300) return (text ? JSON.parse(text) : {}) as T;
    throw statusError(status, text, method, path, retryAfter);
  };
  return {
    server: base,
    get: (path, query) => send('GET', path, query),
    post: (path, body, query) => send('POST', path, query, body),
    patch: (path, body, query, type = 'merge') => send('PATCH', path, query, body, PATCH_CONTENT_TYPES[type]),
    put: (path, body, query) => send('PUT', path, query, body),
    delete: (path, body, query) => send('DELETE', path, query, body),
  };
}

function statusError(
  status: number,
  text: string,
  method: string,
  path: string,
  retryAfter?: string,
): KubeStatusError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = isRecord(parsed) ? parsed : {};
  const details = isRecord(record.details) ? record.details : {};
  const causes = Array.isArray(details.causes) ? details.causes.filter(isRecord).map(toCause) : [];
  const message =
    typeof record.message === 'string' && record.message
      ? record.message
      : `${method} ${path} failed with HTTP ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  const retry =
    typeof details.retryAfterSeconds === 'number'
      ? details.retryAfterSeconds
      : retryAfter !== undefined && Number.isFinite(Number(retryAfter))
        ? Number(retryAfter)
        : undefined;
  return new KubeStatusError(
    status,
    typeof record.reason === 'string' ? record.reason : '',
    message,
    causes,
    retry,
  );
}

function toCause(value: Record<string, unknown>): StatusCause {
  return {
    ...(typeof value.reason === 'string' ? { reason: value.reason } : {}),
    ...(typeof value.message === 'string' ? { message: value.message } : {}),
    ...(typeof value.field === 'string' ? { field: value.field } : {}),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isNotFound = (error: unknown): boolean => error instanceof KubeStatusError && error.code === 404;
export const isConflict = (error: unknown): boolean => error instanceof KubeStatusError && error.code === 409;
export const isTooManyRequests = (error: unknown): boolean =>
  error instanceof KubeStatusError && error.code === 429;
