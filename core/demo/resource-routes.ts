import { parseListQuery, type FieldTable } from './list-query.ts';
import type { KubeObject } from './objects.ts';
import { paginate, type Page } from './pagination.ts';
import { jsonReply, listReply, type Reply } from './respond.ts';
import type { RequestContext } from './router.ts';
import type { Labels } from './selectors.ts';
import { fullRange, lowerBound, prefixRange, type SortedIndex } from './sorted-index.ts';
import { notFound } from './status.ts';
import { parseIncludeObject, rowObject, wantsTable, type ColumnDefinition } from './tables.ts';

/**
 * The list and get behaviour every served resource shares: selectors, pagination, 404s, and
 * Table or plain JSON by the Accept header. A resource supplies how to convert and print itself.
 */
export interface ResourceDefinition<T> {
  /** Plural, as in URLs and NotFound messages. */
  resource: string;
  group: string;
  listKind: string;
  listApiVersion: string;
  index: SortedIndex<T>;
  namespaced: boolean;
  fields: FieldTable<T>;
  labelsOf: (item: T) => Labels;
  toObject: (item: T) => KubeObject;
  /** Server-side printing; resources without it answer tables with plain lists. */
  table?: { columns: readonly ColumnDefinition[]; cells: (item: T) => unknown[] };
  resourceVersion: () => number;
}

export function listHandler<T>(def: ResourceDefinition<T>): (ctx: RequestContext) => Reply {
  return (ctx) => {
    const { page: pageRequest, matches } = parseListQuery(ctx.query, def.fields, def.labelsOf);
    const namespace = ctx.params.namespace;
    const range =
      namespace === undefined ? fullRange(def.index.keys) : prefixRange(def.index.keys, `${namespace}/`);
    const page = paginate(def.index, range, pageRequest, def.resourceVersion(), matches);
    if (def.table && wantsTable(ctx.headers.accept)) return tableReply(def, page, ctx);
    return listReply(
      { kind: def.listKind, apiVersion: def.listApiVersion, metadata: listMeta(page) },
      'items',
      page.items,
      def.toObject,
    );
  };
}

export function getHandler<T>(def: ResourceDefinition<T>): (ctx: RequestContext) => Reply {
  return (ctx) => {
    const name = ctx.params.name as string;
    const key = def.namespaced ? `${ctx.params.namespace}/${name}` : name;
    const position = lowerBound(def.index.keys, key);
    if (def.index.keys[position] !== key) throw notFound(def.resource, name, def.group);
    const item = def.index.items[position] as T;
    if (def.table && wantsTable(ctx.headers.accept)) {
      return tableReply(def, { items: [item], resourceVersion: def.resourceVersion() }, ctx);
    }
    return jsonReply(def.toObject(item));
  };
}

function listMeta(page: Page<unknown>): Record<string, unknown> {
  return {
    resourceVersion: String(page.resourceVersion),
    ...(page.continueToken === undefined ? {} : { continue: page.continueToken }),
    ...(page.remainingItemCount === undefined ? {} : { remainingItemCount: page.remainingItemCount }),
  };
}

function tableReply<T>(def: ResourceDefinition<T>, page: Page<T>, ctx: RequestContext): Reply {
  const table = def.table as NonNullable<ResourceDefinition<T>['table']>;
  const include = parseIncludeObject(ctx.query.get('includeObject'));
  return listReply(
    {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: listMeta(page),
      columnDefinitions: table.columns,
    },
    'rows',
    page.items,
    (item) => {
      const object = rowObject(def.toObject(item), include);
      return object === undefined ? { cells: table.cells(item) } : { cells: table.cells(item), object };
    },
  );
}
