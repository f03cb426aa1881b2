import { isJsonObject, type JsonValue } from './json.ts';

/**
 * JSON Merge Patch (RFC 7386, `application/merge-patch+json`): objects merge key by key, `null`
 * removes a key, and anything else, lists included, replaces what was there.
 */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const result: Record<string, JsonValue> = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
