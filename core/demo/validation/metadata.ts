import type { KubeObject } from '../../sim/store/kube-object.ts';
import type { FieldErrors } from './field-errors.ts';
import { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from './names.ts';

export type NameRule = (name: string) => string[];

/** Annotations may hold up to 256 KiB in total (TotalAnnotationSizeLimitB). */
const ANNOTATIONS_LIMIT = 256 * 1024;

/** ValidateObjectMeta: name by the kind's rule, namespace, labels and annotations. */
export function validateObjectMeta(
  object: KubeObject,
  namespaced: boolean,
  nameRule: NameRule,
  errors: FieldErrors,
): void {
  const meta = object.metadata;
  if (!meta.name) {
    errors.required('metadata.name', 'name or generateName is required');
  } else {
    for (const message of nameRule(meta.name)) errors.invalid('metadata.name', meta.name, message);
  }
  if (namespaced) {
    if (!meta.namespace) errors.required('metadata.namespace');
    else
      for (const message of dns1123Label(meta.namespace))
        errors.invalid('metadata.namespace', meta.namespace, message);
  } else if (meta.namespace) {
    errors.forbidden('metadata.namespace', 'not allowed on this type');
  }
  validateLabels(meta.labels, 'metadata.labels', errors);
  if (meta.annotations !== undefined) {
    let size = 0;
    for (const [key, value] of Object.entries(meta.annotations)) {
      for (const message of qualifiedName(key.toLowerCase()))
        errors.invalid('metadata.annotations', key, message);
      size += key.length + String(value).length;
    }
    if (size > ANNOTATIONS_LIMIT) errors.tooLong('metadata.annotations', ANNOTATIONS_LIMIT);
  }
}

export function validateLabels(labels: unknown, field: string, errors: FieldErrors): void {
  if (labels === undefined || labels === null) return;
  if (typeof labels !== 'object' || Array.isArray(labels)) {
    errors.invalid(field, labels, 'must be a map of strings');
    return;
  }
  for (const [key, value] of Object.entries(labels as Record<string, unknown>)) {
    for (const message of qualifiedName(key)) errors.invalid(field, key, message);
    if (typeof value !== 'string') errors.invalid(field, value, 'label values must be strings');
    else for (const message of labelValue(value)) errors.invalid(field, value, message);
  }
}

/** The fields of metadata no update may change. */
export function validateMetadataUpdate(next: KubeObject, current: KubeObject, errors: FieldErrors): void {
  if (next.metadata.uid !== undefined && next.metadata.uid !== current.metadata.uid) {
    errors.invalid('metadata.uid', next.metadata.uid, 'field is immutable');
  }
}

export const subdomainName: NameRule = dns1123Subdomain;
export const labelName: NameRule = dns1123Label;
