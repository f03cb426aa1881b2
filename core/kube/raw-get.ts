import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import { apiRequest, headersOf, readBody, type Query } from './api-request.ts';

/**
 * GET a Kubernetes API path as plain JSON, without client-node's typed deserialization, which
 * walks every field of every object: for 150,000 pods that costs more than the transfer itself.
 * Errors are client-node's ApiException so callers handle one kind.
 */
export async function getJson(
  kubeConfig: KubeConfig,
  server: string,
  path: string,
  query: Query = {},
  signal?: AbortSignal,
): Promise<unknown> {
  const response = await apiRequest(kubeConfig, server, path, query, signal);
  const body = await readBody(response);
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    throw new ApiException(status, `HTTP ${status} for GET ${path}`, body, headersOf(response));
  }
  return JSON.parse(body) as unknown;
}
