import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './respond.ts';
import { badRequest, methodNotAllowed, pathNotFound } from './status.ts';

/** What a handler gets: the decoded path parameters, the query and the headers. */
export interface RequestContext {
  method: string;
  path: string;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export type Handler = (ctx: RequestContext) => Reply;

/** The verbs a route may answer; the demo serves reads only so far. */
export type Method = 'GET';

interface Route {
  segments: readonly string[];
  handlers: Partial<Record<Method, Handler>>;
}

/**
 * Path patterns like `/api/v1/namespaces/:namespace/pods/:name`. A path that matches no pattern
 * is 404; a path that matches with a method the route lacks is 405, as the API server does.
 */
export class Router {
  private readonly routes: Route[] = [];

  add(pattern: string, handlers: Partial<Record<Method, Handler>>): this {
    this.routes.push({ segments: split(pattern), handlers });
    return this;
  }

  handle(method: string, path: string, query: URLSearchParams, headers: IncomingHttpHeaders): Reply {
    let segments: string[];
    try {
      segments = split(path).map((s) => decodeURIComponent(s));
    } catch {
      throw badRequest(`malformed path: ${path}`);
    }
    for (const route of this.routes) {
      const params = match(route.segments, segments);
      if (!params) continue;
      const handler = route.handlers[method as Method];
      if (!handler) throw methodNotAllowed(method, path);
      return handler({ method, path, params, query, headers });
    }
    throw pathNotFound(path);
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function match(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] as string;
    const got = segments[i] as string;
    if (want.startsWith(':')) params[want.slice(1)] = got;
    else if (want !== got) return undefined;
  }
  return params;
}
