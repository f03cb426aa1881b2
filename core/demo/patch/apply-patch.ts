import type { KubeObject } from '../../sim/store/kube-object.ts';
import { mediaType, parseJson, parseYaml } from '../rest/body.ts';
import { ApiError, badRequest, unsupportedMediaType } from '../status.ts';
import type { JsonValue } from './json.ts';
import { applyJsonPatch, JsonPatchError } from './json-patch.ts';
import { applyMergePatch } from './merge-patch.ts';
import { schemaForKind } from './patch-meta.ts';
import { applyStrategicMergePatch, StrategicMergeError } from './strategic-merge.ts';

export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;
export type PatchType = (typeof PATCH_TYPES)[number];

/** The patch type of a PATCH request, or 415 UnsupportedMediaType. */
export function patchTypeOf(contentType: string | undefined): PatchType {
  const type = mediaType(contentType);
  if ((PATCH_TYPES as readonly string[]).includes(type)) return type as PatchType;
  throw unsupportedMediaType(type, PATCH_TYPES);
}

/** Parses a patch body in its format (apply patches are YAML, a superset of JSON). */
export function parsePatch(type: PatchType, text: string): JsonValue {
  return (type === 'application/apply-patch+yaml' ? parseYaml(text) : parseJson(text)) as JsonValue;
}

/**
 * The object a patch turns `current` into. Server-side apply is simplified: the applied
 * configuration is merged strategically, without field ownership, so it never conflicts and
 * never removes fields the configuration stopped mentioning.
 */
export function patchObject(current: KubeObject, type: PatchType, patch: JsonValue): KubeObject {
  const original = current as unknown as JsonValue;
  let patched: JsonValue;
  try {
    switch (type) {
      case 'application/json-patch+json':
        patched = applyJsonPatch(original, patch);
        break;
      case 'application/merge-patch+json':
        patched = applyMergePatch(original, patch);
        break;
      case 'application/strategic-merge-patch+json':
      case 'application/apply-patch+yaml':
        patched = applyStrategicMergePatch(original, patch, schemaForKind(current.kind));
        break;
    }
  } catch (error) {
    if (error instanceof JsonPatchError) {
      if (error.malformed) throw badRequest(error.message);
      throw new ApiError(422, 'Invalid', error.message);
    }
    if (error instanceof StrategicMergeError) throw badRequest(error.message);
    throw error;
  }
  if (typeof patched !== 'object' || patched === null || Array.isArray(patched)) {
    throw new ApiError(422, 'Invalid', 'the patch must leave an object');
  }
  const object = patched as unknown as KubeObject;
  if (typeof object.metadata !== 'object' || object.metadata === null) {
    throw new ApiError(422, 'Invalid', 'metadata: Required value');
  }
  return object;
}
