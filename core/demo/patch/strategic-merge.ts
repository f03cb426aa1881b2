import { isJsonObject, jsonEqual, type JsonObject, type JsonValue } from './json.ts';
import type { FieldMeta, Schema } from './patch-meta.ts';

/**
 * Strategic merge patch (`application/strategic-merge-patch+json`), the format kubectl sends for
 * built-in kinds (k8s.io/apimachinery/pkg/util/strategicpatch). Like a merge patch, except that
 * lists with a merge key merge element by element, and with these directives:
 * - `$patch: replace` / `$patch: delete` in an object: replace it / remove it;
 * - `{ <key>: v, $patch: delete }` in a merging list: remove the element with that key;
 * - `$setElementOrder/<list>`: the order of a merged list;
 * - `$deleteFromPrimitiveList/<list>`: values to take out of a merged list of scalars;
 * - `$retainKeys`: keep only these keys of the object (after merging).
 */

export class StrategicMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrategicMergeError';
  }
}

const PATCH = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

export function applyStrategicMergePatch(original: JsonValue, patch: JsonValue, schema: Schema): JsonValue {
  if (!isJsonObject(patch)) throw new StrategicMergeError('a strategic merge patch must be a JSON object');
  const result = mergeObject(isJsonObject(original) ? original : {}, patch, schema);
  return result ?? {};
}

/** Undefined when the patch deletes the object itself (`$patch: delete`). */
function mergeObject(original: JsonObject, patch: JsonObject, schema: Schema): JsonObject | undefined {
  const directive = patch[PATCH];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return withoutDirectives(patch);
  if (directive !== undefined) throw new StrategicMergeError(`unknown patch type: ${String(directive)}`);

  const result: JsonObject = { ...original };
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete result[key];
      continue;
    }
    const { meta, schema: child } = schema.field(key);
    const current = result[key];
    if (Array.isArray(value)) {
      result[key] = mergeList(Array.isArray(current) ? current : [], value, meta, child);
    } else if (isJsonObject(value)) {
      const merged = mergeObject(isJsonObject(current) ? current : {}, value, child);
      if (merged === undefined) delete result[key];
      else result[key] = merged;
    } else {
      result[key] = value;
    }
  }

  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length);
      const list = result[field];
      if (Array.isArray(list) && Array.isArray(value)) {
        result[field] = list.filter((item) => !value.some((v) => jsonEqual(v, item)));
      }
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER)) {
      const field = key.slice(SET_ORDER.length);
      const list = result[field];
      if (Array.isArray(list) && Array.isArray(value)) {
        const { meta } = schema.field(field);
        result[field] = applyOrder(list, Array.isArray(original[field]) ? original[field] : [], value, meta);
      }
    }
  }
  const retain = patch[RETAIN_KEYS];
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw new StrategicMergeError('$retainKeys must be a list of field names');
    for (const key of Object.keys(result)) if (!retain.includes(key)) delete result[key];
  }
  return result;
}

function withoutDirectives(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) if (!key.startsWith('$')) out[key] = item;
  return out;
}

function mergeList(original: JsonValue[], patch: JsonValue[], meta: FieldMeta, schema: Schema): JsonValue[] {
  if (meta.mergeScalars) {
    const result = [...original];
    for (const item of patch) if (!result.some((existing) => jsonEqual(existing, item))) result.push(item);
    return result;
  }
  const key = meta.mergeKey;
  if (key === undefined) return patch.map((item) => (isJsonObject(item) ? withoutDirectives(item) : item));
  // `[{ $patch: replace }, ...]`: the rest of the patch list is the whole new list.
  if (patch.some((item) => isJsonObject(item) && item[PATCH] === 'replace')) {
    return patch.filter((item) => !(isJsonObject(item) && item[PATCH] === 'replace'));
  }
  const result = [...original];
  for (const item of patch) {
    if (!isJsonObject(item)) throw new StrategicMergeError(`a list merged by "${key}" must hold objects`);
    const index = result.findIndex(
      (existing) => isJsonObject(existing) && jsonEqual(existing[key], item[key]),
    );
    if (item[PATCH] === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) {
      const merged = mergeObject(result[index] as JsonObject, item, schema);
      if (merged === undefined) result.splice(index, 1);
      else result[index] = merged;
    } else {
      result.push(mergeObject({}, item, schema) ?? {});
    }
  }
  return result;
}

/**
 * `$setElementOrder`: the listed elements in the listed order; elements the patch did not list
 * (the server's own) keep their place relative to the element they followed before.
 */
function applyOrder(
  list: JsonValue[],
  original: JsonValue[],
  order: JsonValue[],
  meta: FieldMeta,
): JsonValue[] {
  const identity = (item: JsonValue): JsonValue =>
    meta.mergeKey && isJsonObject(item) ? (item[meta.mergeKey] ?? null) : item;
  const orderKeys = order.map((entry) =>
    meta.mergeKey && isJsonObject(entry) ? (entry[meta.mergeKey] ?? null) : entry,
  );
  const listed: JsonValue[] = [];
  for (const wanted of orderKeys) {
    const found = list.find((item) => jsonEqual(identity(item), wanted));
    if (found !== undefined) listed.push(found);
  }
  const result = [...listed];
  for (const item of list) {
    if (listed.includes(item)) continue;
    // Insert after the nearest element that preceded it in the original list.
    const originalIndex = original.findIndex((o) => jsonEqual(identity(o), identity(item)));
    let at = result.length;
    if (originalIndex >= 0) {
      at = 0;
      for (let i = originalIndex - 1; i >= 0; i--) {
        const before = result.findIndex((r) => jsonEqual(identity(r), identity(original[i] as JsonValue)));
        if (before >= 0) {
          at = before + 1;
          break;
        }
      }
    }
    result.splice(at, 0, item);
  }
  return result;
}
