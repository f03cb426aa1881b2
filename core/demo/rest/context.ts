import type { IncomingHttpHeaders } from 'node:http';
import type { ApiResource } from '../../sim/store/api-resources.ts';
import type { ObjectStore } from '../../sim/store/object-store.ts';
import type { Authorizer, UserInfo } from '../auth/authorizer.ts';
import type { ClusterBackend } from '../cluster-backend.ts';
import type { Faults } from '../faults.ts';
import type { Reply } from '../respond.ts';
import type { ResourceRequestInfo, Verb } from './request-info.ts';
import type { WatchCache } from './watch-cache.ts';

/** What every handler shares: the cluster, the watch cache, faults and the authorizer. */
export interface ApiContext {
  readonly backend: ClusterBackend;
  readonly store: ObjectStore;
  readonly watchCache: WatchCache;
  readonly faults: Faults;
  readonly authorizer: Authorizer;
  /** How often a watch that allows bookmarks gets one. */
  readonly bookmarkIntervalMs: number;
  /** How long a watch without timeoutSeconds stays open. */
  readonly defaultWatchTimeoutSeconds: number;
  /** A fresh name suffix for generateName (deterministic in tests). */
  nameSuffix(): string;
  /** A uid for objects the server must name before the store does (Jobs, dry runs). */
  newUid(): string;
}

/** One request to a resource path, after authentication and authorization. */
export interface ApiRequest {
  readonly info: ResourceRequestInfo & { verb: Verb };
  /** The resource the path names (for a subresource, its parent: pods for pods/eviction). */
  readonly resource: ApiResource;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly user: UserInfo;
  readonly path: string;
  /** The request body as text (read once, on first call). */
  body(): Promise<string>;
}

export type ApiHandler = (ctx: ApiContext, req: ApiRequest) => Promise<Reply> | Reply;

/** `dryRun=All` (the only value the API defines): validate and answer, store nothing. */
export function isDryRun(query: URLSearchParams, bodyDryRun?: unknown): boolean {
  const values = query.getAll('dryRun');
  if (values.includes('All')) return true;
  return Array.isArray(bodyDryRun) && bodyDryRun.includes('All');
}
