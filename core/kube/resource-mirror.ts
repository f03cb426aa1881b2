import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { IncomingMessage } from 'node:http';
import { apiRequest, headersOf, readBody } from './api-request.ts';
import { backoffDelay } from './backoff.ts';
import { describeClusterError, type ClusterProblem } from './cluster-errors.ts';
import { getJson } from './raw-get.ts';

/** A raw object from the API, as much of it as a mirror looks at. */
export interface RawObject {
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  [field: string]: unknown;
}

export interface MirrorOptions<T> {
  kubeConfig: KubeConfig;
  server: string;
  /** A collection path, e.g. /api/v1/pods. */
  path: string;
  /** Mirror only matching objects (e.g. `type=Warning` for events), for the list and the watch. */
  fieldSelector?: string;
  /** What is kept of each object: only the fields the product uses (memory stays bounded). */
  reduce: (raw: RawObject) => T;
  /** Called for each change after the initial list, with the reduced object before and after. */
  onChange?: (type: 'ADDED' | 'MODIFIED' | 'DELETED', after: T, before: T | undefined) => void;
  /** Called once with every object of the initial list: what was already so when the mirror began. */
  onFirstList?: (objects: readonly T[]) => void;
  onState?: (state: MirrorState) => void;
  pageSize?: number;
  /** Server-side watch timeout; the watch is re-opened from the last resourceVersion after it. */
  watchTimeoutSeconds?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
}

export type MirrorPhase = 'syncing' | 'synced' | 'retrying';

export interface MirrorState {
  phase: MirrorPhase;
  /** Why the last attempt failed, while retrying. */
  problem?: ClusterProblem;
  /** Counts since start, for tests, status and the bench. */
  lists: number;
  watches: number;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: RawObject & { code?: number; message?: string };
}

class RelistNeeded extends Error {}

function keyOf(raw: RawObject): string {
  const meta = raw.metadata ?? {};
  return meta.namespace ? `${meta.namespace}/${meta.name ?? ''}` : (meta.name ?? '');
}

function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof ApiException) || error.code !== 429) return undefined;
  const header = (error.headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

/**
 * Keeps a reduced copy of one resource's objects in step with the cluster, the way informers
 * do: a paged list, then a watch from the list's resourceVersion, re-opened when the server
 * closes it, relisted on 410 Gone, retried with jittered back-off on errors and after the
 * server's Retry-After on 429. Raw JSON, not client-node's typed objects, so 150,000 pods cost
 * only what `reduce` keeps.
 */
export class ResourceMirror<T> {
  private readonly items = new Map<string, T>();
  private resourceVersion = '';
  private controller = new AbortController();
  private running = false;
  private failures = 0;
  private synced: Promise<void>;
  private markSynced: () => void = () => undefined;
  private currentState: MirrorState = { phase: 'syncing', lists: 0, watches: 0 };

  constructor(private readonly options: MirrorOptions<T>) {
    this.synced = new Promise((resolve) => (this.markSynced = resolve));
  }

  get state(): MirrorState {
    return this.currentState;
  }

  /** The reduced objects, keyed by `namespace/name` (or `name`). */
  get objects(): ReadonlyMap<string, T> {
    return this.items;
  }

  /** Resolves once the first list has been loaded. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.controller = new AbortController();
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.controller.abort();
  }

  private setState(change: Partial<MirrorState>): void {
    this.currentState = { ...this.currentState, ...change };
    if (change.phase !== 'retrying') delete this.currentState.problem;
    this.options.onState?.(this.currentState);
  }

  private async loop(): Promise<void> {
    let needList = true;
    while (this.running) {
      try {
        if (needList) {
          await this.list();
          needList = false;
        }
        await this.watch();
        this.failures = 0;
      } catch (error) {
        if (!this.running) return;
        if (error instanceof RelistNeeded) {
          needList = true;
          continue;
        }
        if (error instanceof ApiException && error.code === 410) {
          needList = true;
          continue;
        }
        this.failures += 1;
        const problem = describeClusterError(error, this.options.server, `watching ${this.options.path}`);
        this.setState({ phase: 'retrying', problem });
        const delay =
          retryAfterMs(error) ??
          backoffDelay(this.failures, {
            baseMs: this.options.baseBackoffMs ?? 500,
            maxMs: this.options.maxBackoffMs ?? 30_000,
          });
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.controller.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private async list(): Promise<void> {
    this.setState({ phase: this.currentState.lists === 0 ? 'syncing' : this.currentState.phase });
    const fresh = new Map<string, T>();
    let cont: string | undefined;
    let listVersion = '';
    do {
      const page = (await getJson(
        this.options.kubeConfig,
        this.options.server,
        this.options.path,
        { limit: this.options.pageSize ?? 500, continue: cont, fieldSelector: this.options.fieldSelector },
        this.controller.signal,
      )) as { items?: RawObject[]; metadata?: { continue?: string; resourceVersion?: string } };
      for (const raw of page.items ?? []) fresh.set(keyOf(raw), this.options.reduce(raw));
      cont = page.metadata?.continue || undefined;
      listVersion = page.metadata?.resourceVersion ?? listVersion;
    } while (cont);
    this.replaceAll(fresh);
    this.resourceVersion = listVersion;
    this.setState({ phase: 'synced', lists: this.currentState.lists + 1 });
    this.markSynced();
  }

  /** A relist reports what changed while the watch was down, as changes. */
  private replaceAll(fresh: Map<string, T>): void {
    if (this.currentState.lists === 0) this.options.onFirstList?.([...fresh.values()]);
    const report = this.currentState.lists > 0 ? this.options.onChange : undefined;
    for (const [key, before] of this.items) {
      if (!fresh.has(key)) report?.('DELETED', before, before);
    }
    for (const [key, after] of fresh) {
      const before = this.items.get(key);
      if (report && JSON.stringify(before) !== JSON.stringify(after))
        report(before ? 'MODIFIED' : 'ADDED', after, before);
    }
    this.items.clear();
    for (const [key, value] of fresh) this.items.set(key, value);
  }

  private async watch(): Promise<void> {
    const response = await apiRequest(
      this.options.kubeConfig,
      this.options.server,
      this.options.path,
      {
        watch: true,
        fieldSelector: this.options.fieldSelector,
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: true,
        timeoutSeconds: this.options.watchTimeoutSeconds ?? 300,
      },
      this.controller.signal,
    );
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      throw new ApiException(
        status,
        `HTTP ${status} for watch ${this.options.path}`,
        await readBody(response),
        headersOf(response),
      );
    }
    this.setState({ phase: 'synced', watches: this.currentState.watches + 1 });
    await this.readEvents(response);
  }

  private async readEvents(response: IncomingMessage): Promise<void> {
    let buffer = '';
    for await (const chunk of response) {
      buffer += (chunk as Buffer).toString('utf8');
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) this.apply(JSON.parse(line) as WatchEvent);
        newline = buffer.indexOf('\n');
      }
    }
  }

  private apply(event: WatchEvent): void {
    const version = event.object.metadata?.resourceVersion;
    if (event.type === 'ERROR') {
      if (event.object.code === 410)
        throw new RelistNeeded(event.object.message ?? 'resourceVersion too old');
      throw new ApiException(
        event.object.code ?? 500,
        event.object.message ?? 'watch error',
        JSON.stringify(event.object),
        {},
      );
    }
    if (version) this.resourceVersion = version;
    if (event.type === 'BOOKMARK') return;
    const key = keyOf(event.object);
    const before = this.items.get(key);
    if (event.type === 'DELETED') {
      this.items.delete(key);
      this.options.onChange?.('DELETED', before ?? this.options.reduce(event.object), before);
      return;
    }
    const after = this.options.reduce(event.object);
    this.items.set(key, after);
    this.options.onChange?.(event.type, after, before);
  }
}
