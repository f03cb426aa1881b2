import type { IncomingMessage } from 'node:http';
import { ZodError } from 'zod';
import { forbiddenError, type UserInfo } from './auth/authorizer.ts';
import {
  apiGroupJson,
  apiGroups,
  isServedGroupVersion,
  resourceList,
  servedResource,
  versionInfo,
} from './discovery.ts';
import type { FaultSettings } from './faults.ts';
import { groupVersionDocument, openApiIndex } from './openapi.ts';
import { jsonReply, textReply, type Reply } from './respond.ts';
import { isRecord, parseJson, readBody } from './rest/body.ts';
import type { ApiContext, ApiRequest } from './rest/context.ts';
import { handlerFor } from './rest/dispatch.ts';
import { parseResourcePath } from './rest/request-info.ts';
import {
  ApiError,
  badRequest,
  forbidden,
  internalError,
  methodNotAllowed,
  pathNotFound,
  tooManyRequests,
  unauthorized,
} from './status.ts';

/** Probes answer without a token, as kubelet and load balancers expect. */
const HEALTH_PATHS = new Set(['/healthz', '/livez', '/readyz']);
const FAULTS_PATH = '/__foresight/faults';

/**
 * One HTTP request, end to end: health probes, authentication (401), the local admin endpoint,
 * injected latency, discovery and OpenAPI, then resource requests: route, authorize (403),
 * injected failures (500/429), and the handler. Every failure becomes a Status reply.
 */
export async function handleRequest(
  ctx: ApiContext,
  req: IncomingMessage,
  authenticate: (authorization: string | undefined) => UserInfo | undefined,
): Promise<Reply> {
  try {
    return await route(ctx, req, authenticate);
  } catch (error) {
    return errorReply(error);
  }
}

async function route(
  ctx: ApiContext,
  req: IncomingMessage,
  authenticate: (authorization: string | undefined) => UserInfo | undefined,
): Promise<Reply> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://demo.invalid');
  const path = url.pathname;
  if (HEALTH_PATHS.has(path)) {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, path);
    return textReply('ok');
  }
  const user = authenticate(req.headers.authorization);
  if (!user) throw unauthorized();
  if (path === FAULTS_PATH) return faultsEndpoint(ctx, req, user, method);

  const { latencyMs } = ctx.faults.current;
  if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));

  const discovery = discoveryReply(ctx, path, method, req);
  if (discovery) return discovery;

  const info = parseResourcePath(method, path, url.searchParams);
  if (!info) throw pathNotFound(path);
  if (info.verb === 'unsupported') throw methodNotAllowed(method, path);
  const resource = servedResource(info.group, info.version, info.resource);
  if (!resource) throw pathNotFound(path);
  const verb = info.verb;
  const handler = handlerFor(resource, { ...info, verb }, method, path);

  const attributes = {
    verb,
    group: info.group,
    resource: info.resource,
    subresource: info.subresource,
    // A namespace is its own namespace, for RBAC (RequestInfoFactory reads the path that way).
    namespace: resource.namespaced ? info.namespace : resource.plural === 'namespaces' ? info.name : '',
    name: info.name,
  };
  const decision = ctx.authorizer.authorize(user, attributes);
  if (!decision.allowed) throw forbiddenError(user, attributes, decision.reason);

  const fault = ctx.faults.nextRequest();
  if (fault?.kind === 'error') throw internalError('injected by a Foresight fault');
  if (fault?.kind === 'throttle') {
    const error = tooManyRequests('Too many requests, please try again later.', {
      retryAfterSeconds: fault.retryAfterSeconds,
    });
    return jsonReply(error.toStatus(), 429, { 'Retry-After': String(fault.retryAfterSeconds) });
  }

  let body: Promise<string> | undefined;
  const apiRequest: ApiRequest = {
    info: { ...info, verb },
    resource,
    query: url.searchParams,
    headers: req.headers,
    user,
    path,
    body: () => (body ??= readBody(req)),
  };
  const dryRun = url.searchParams.getAll('dryRun').filter((v) => v !== 'All');
  if (dryRun.length > 0) throw badRequest(`Invalid dryRun: ${JSON.stringify(dryRun)}`);
  return await handler(ctx, apiRequest);
}

/** /version, /api, /apis, /apis/<group>[/<version>], /openapi/v3[/...]; undefined otherwise. */
function discoveryReply(
  ctx: ApiContext,
  path: string,
  method: string,
  req: IncomingMessage,
): Reply | undefined {
  const read = () => {
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed(method, path);
  };
  const version = ctx.backend.kubernetesVersion;
  const parts = path.split('/').filter((p) => p !== '');
  if (path === '/version') {
    read();
    return jsonReply(versionInfo(version));
  }
  if (path === '/api') {
    read();
    return jsonReply({
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: req.headers.host ?? '' }],
    });
  }
  if (path === '/api/v1') {
    read();
    return jsonReply({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'v1',
      resources: resourceList('', 'v1'),
    });
  }
  if (path === '/apis') {
    read();
    return jsonReply({ kind: 'APIGroupList', apiVersion: 'v1', groups: apiGroups().map(apiGroupJson) });
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroups().find((g) => g.name === parts[1]);
    if (!group) throw pathNotFound(path);
    read();
    return jsonReply({ kind: 'APIGroup', apiVersion: 'v1', ...apiGroupJson(group) });
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const [, group = '', groupVersion = ''] = parts;
    if (!isServedGroupVersion(group, groupVersion)) throw pathNotFound(path);
    read();
    return jsonReply({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${group}/${groupVersion}`,
      resources: resourceList(group, groupVersion),
    });
  }
  if (path === '/openapi/v3') {
    read();
    return jsonReply(openApiIndex(version));
  }
  if (path.startsWith('/openapi/v3/')) {
    read();
    const document = groupVersionDocument(path.slice('/openapi/v3/'.length), version);
    if (!document) throw pathNotFound(path);
    return jsonReply(document);
  }
  return undefined;
}

/** GET, POST (merge) and DELETE (reset) of the fault settings: the admin only, from this machine. */
async function faultsEndpoint(
  ctx: ApiContext,
  req: IncomingMessage,
  user: UserInfo,
  method: string,
): Promise<Reply> {
  const remote = req.socket.remoteAddress ?? '';
  const local = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1';
  if (!local || !user.groups.includes('system:masters')) {
    throw forbidden(`User "${user.name}" cannot change faults`, {});
  }
  if (method === 'GET') return jsonReply(ctx.faults.current);
  if (method === 'DELETE') return jsonReply(ctx.faults.reset());
  if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH')
    throw methodNotAllowed(method, FAULTS_PATH);
  const body = parseJson(await readBody(req));
  if (!isRecord(body)) throw badRequest('faults: expected a JSON object');
  try {
    return jsonReply(ctx.faults.set(body as Partial<FaultSettings>));
  } catch (error) {
    if (error instanceof ZodError)
      throw badRequest(`faults: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    throw error;
  }
}

function errorReply(error: unknown): Reply {
  const apiError =
    error instanceof ApiError ? error : internalError(error instanceof Error ? error.message : String(error));
  return jsonReply(apiError.toStatus(), apiError.code);
}
