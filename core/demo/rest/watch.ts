import { apiVersionOf, resourceKey } from '../../sim/store/api-resources.ts';
import type { KubeObject, StoreEvent } from '../../sim/store/kube-object.ts';
import type { Reply, WatchSink } from '../respond.ts';
import { badRequest, expired } from '../status.ts';
import { printerFor } from '../tables/printers.ts';
import { parseIncludeObject, tableRow, wantsTable } from '../tables/table.ts';
import { codecFor } from '../versions/codec.ts';
import type { ApiContext, ApiRequest } from './context.ts';
import { parseObjectFilter, type ObjectFilter } from './object-filter.ts';
import { filteredEventType } from './watch-cache.ts';

/**
 * `?watch=true`: a stream of `{"type":…,"object":…}` lines, as kube-apiserver sends them.
 *
 * - no resourceVersion (or "0"): the current objects as ADDED events first, then changes;
 * - resourceVersion N: the changes after N from the store's log, or, when the log no longer
 *   reaches back that far, one ERROR event with a 410 Expired Status and the end of the stream;
 * - sendInitialEvents=true: the current objects, then a BOOKMARK marked initial-events-end;
 * - allowWatchBookmarks=true: a BOOKMARK with the current resourceVersion every so often;
 * - timeoutSeconds: the stream ends cleanly after that long.
 * Selectors filter as the watch cache does: an object that stops matching is DELETED for the
 * watcher, one that starts matching is ADDED.
 */
export function watchObjects(ctx: ApiContext, req: ApiRequest): Reply {
  const { resource, query } = req;
  const key = resourceKey(resource);
  const selected = parseObjectFilter(query, resource);
  const namespace = resource.namespaced ? req.info.namespace : '';
  const name = req.info.name;
  const filter: ObjectFilter = (object) =>
    (!namespace || object.metadata.namespace === namespace) &&
    (!name || object.metadata.name === name) &&
    (!selected || selected(object));
  const hasFilter = Boolean(namespace || name || selected);

  const since = parseResourceVersion(query.get('resourceVersion'));
  const sendInitialEvents = query.get('sendInitialEvents') === 'true';
  const bookmarks = query.get('allowWatchBookmarks') === 'true';
  // 0, like no value, means the server's own limit (as kube-apiserver reads it).
  const timeoutSeconds = parseTimeout(query.get('timeoutSeconds')) || ctx.defaultWatchTimeoutSeconds;
  const asTable = wantsTable(req.headers.accept);
  const printer = printerFor(key);
  const include = parseIncludeObject(query.get('includeObject'));
  const gone = ctx.faults.takeWatchGone();
  const dropAfter = ctx.faults.current.dropWatchAfterSeconds;

  const view = codecFor(resource).fromStorage;
  const render = (object: KubeObject): unknown => {
    if (!asTable) return view(object);
    return {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { resourceVersion: object.metadata.resourceVersion },
      columnDefinitions: printer.columns,
      rows: [tableRow(printer, object, ctx.backend.now(), include, view)],
    };
  };
  const bookmark = (annotations?: Record<string, string>) => ({
    type: 'BOOKMARK',
    object: {
      kind: resource.kind,
      apiVersion: apiVersionOf(resource),
      metadata: {
        resourceVersion: String(ctx.store.resourceVersion),
        ...(annotations ? { annotations } : {}),
      },
    },
  });

  return {
    type: 'watch',
    start(sink: WatchSink) {
      if (gone) {
        sendGone(sink, since ?? 0, ctx.store.resourceVersion);
        return;
      }
      const deliver = (event: StoreEvent) => {
        let type: string | undefined = event.type;
        if (hasFilter) {
          const before = ctx.watchCache.before(event.resourceVersion);
          const matchedBefore = before === undefined ? undefined : before === null ? false : filter(before);
          type = filteredEventType(event.type, filter(event.object), matchedBefore);
        }
        if (type) sink.send({ type, object: render(event.object) });
      };

      // Everything below runs in one turn of the event loop: no change can fall between the
      // replay (or the initial list) and the subscription.
      if (since === undefined || since === 0 || sendInitialEvents) {
        for (const object of ctx.store.list(key, namespace || undefined)) {
          if (filter(object)) sink.send({ type: 'ADDED', object: render(object) });
        }
        if (sendInitialEvents) sink.send(bookmark({ 'k8s.io/initial-events-end': 'true' }));
      } else {
        const changes = ctx.store.changesSince(since, key);
        if ('expired' in changes) {
          sendGone(sink, since, changes.oldest - 1);
          return;
        }
        for (const event of changes.events) deliver(event);
      }
      const unsubscribe = ctx.store.subscribe((event) => {
        if (event.resource === key) deliver(event);
      });

      const timers: NodeJS.Timeout[] = [setTimeout(() => sink.end(), timeoutSeconds * 1000)];
      if (bookmarks) timers.push(setInterval(() => sink.send(bookmark()), ctx.bookmarkIntervalMs));
      if (dropAfter > 0) timers.push(setTimeout(() => sink.destroy(), dropAfter * 1000));
      sink.onClose(() => {
        unsubscribe();
        for (const timer of timers) clearTimeout(timer);
      });
    },
  };
}

function sendGone(sink: WatchSink, requested: number, oldest: number): void {
  sink.send({
    type: 'ERROR',
    object: expired(`too old resource version: ${requested} (${oldest})`).toStatus(),
  });
  sink.end();
}

function parseResourceVersion(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`invalid resource version: ${value}`);
  return Number(value);
}

function parseTimeout(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw badRequest(`invalid timeoutSeconds: ${value}`);
  return Number(value);
}
