import type { IncomingMessage } from 'node:http';
import yaml from 'js-yaml';
import { ApiError, badRequest, unsupportedMediaType } from '../status.ts';

/** kube-apiserver's limit on a request body (3 MiB), so a runaway client cannot exhaust memory. */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      throw new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type of a Content-Type header, without parameters (`application/json`). */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

const OBJECT_TYPES = ['application/json', 'application/yaml'] as const;

/** The body of a create or update: JSON, or YAML as kube-apiserver also accepts. */
export function parseObjectBody(text: string, contentType: string | undefined): unknown {
  const type = mediaType(contentType) || 'application/json';
  if (type === 'application/json') return parseJson(text);
  if (type === 'application/yaml') return parseYaml(text);
  throw unsupportedMediaType(type, OBJECT_TYPES);
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') throw badRequest('the body of the request is empty');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw badRequest(`json parse error: ${(error as Error).message}`);
  }
}

export function parseYaml(text: string): unknown {
  try {
    return yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw badRequest(`yaml parse error: ${(error as Error).message}`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
