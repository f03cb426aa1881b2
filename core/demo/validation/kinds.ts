import type { KubeObject } from '../../sim/store/kube-object.ts';
import type { FieldErrors } from './field-errors.ts';
import { labelValue, qualifiedName } from './names.ts';
import { TAINT_EFFECTS, validatePodSpec } from './pod-spec.ts';
import { selectorRequirements } from './workloads.ts';

/** Nodes, pods, HPAs, PDBs: the kind-specific rules of pkg/apis/<group>/validation. */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function validateNode(node: KubeObject, errors: FieldErrors): void {
  const spec = isRecord(node.spec) ? node.spec : {};
  if (spec.taints === undefined || spec.taints === null) return;
  if (!Array.isArray(spec.taints)) {
    errors.invalid('spec.taints', spec.taints, 'must be a list');
    return;
  }
  const seen = new Set<string>();
  spec.taints.forEach((taint: unknown, i) => {
    const path = `spec.taints[${i}]`;
    if (!isRecord(taint)) {
      errors.invalid(path, taint, 'must be an object');
      return;
    }
    const key = typeof taint.key === 'string' ? taint.key : '';
    if (key === '') errors.required(`${path}.key`);
    else for (const message of qualifiedName(key)) errors.invalid(`${path}.key`, key, message);
    if (taint.value !== undefined && taint.value !== '') {
      for (const message of labelValue(String(taint.value)))
        errors.invalid(`${path}.value`, taint.value, message);
    }
    if (taint.effect === undefined || taint.effect === '') errors.required(`${path}.effect`);
    else if (!TAINT_EFFECTS.includes(taint.effect as never)) {
      errors.unsupported(`${path}.effect`, taint.effect, TAINT_EFFECTS);
    }
    const identity = `${key}:${String(taint.effect)}`;
    if (seen.has(identity)) errors.duplicate(path, taint);
    seen.add(identity);
  });
}

export function validatePod(pod: KubeObject, errors: FieldErrors): void {
  validatePodSpec(pod.spec, 'spec', errors);
}

/** A pod's spec cannot change after creation, apart from a few fields (ValidatePodUpdate). */
export function validatePodUpdate(next: KubeObject, current: KubeObject, errors: FieldErrors): void {
  const strip = (spec: unknown): unknown => {
    if (!isRecord(spec)) return spec;
    const copy: Json = { ...spec };
    const images = (list: unknown) =>
      Array.isArray(list) ? list.map((c: unknown) => (isRecord(c) ? { ...c, image: '' } : c)) : list;
    copy.containers = images(copy.containers);
    copy.initContainers = images(copy.initContainers);
    delete copy.activeDeadlineSeconds;
    delete copy.tolerations;
    delete copy.terminationGracePeriodSeconds;
    return copy;
  };
  if (JSON.stringify(strip(next.spec)) !== JSON.stringify(strip(current.spec))) {
    errors.forbidden(
      'spec',
      'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
  }
}

export function validateHorizontalPodAutoscaler(hpa: KubeObject, errors: FieldErrors): void {
  const spec = isRecord(hpa.spec) ? hpa.spec : {};
  const target = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
  if (!target.kind) errors.required('spec.scaleTargetRef.kind');
  if (!target.name) errors.required('spec.scaleTargetRef.name');
  const max = spec.maxReplicas;
  if (typeof max !== 'number' || max < 1)
    errors.invalid('spec.maxReplicas', max ?? 0, 'must be greater than or equal to 1');
  const min = spec.minReplicas;
  if (min !== undefined) {
    if (typeof min !== 'number' || min < 1)
      errors.invalid('spec.minReplicas', min, 'must be greater than or equal to 1');
    else if (typeof max === 'number' && min > max)
      errors.invalid('spec.minReplicas', min, 'must be less than or equal to maxReplicas');
  }
}

export function validatePodDisruptionBudget(pdb: KubeObject, errors: FieldErrors): void {
  const spec = isRecord(pdb.spec) ? pdb.spec : {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errors.invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set');
  }
  for (const field of ['minAvailable', 'maxUnavailable'] as const) {
    const value = spec[field];
    if (value === undefined) continue;
    if (typeof value === 'number') {
      if (value < 0) errors.invalid(`spec.${field}`, value, 'must be greater than or equal to 0');
    } else if (typeof value !== 'string' || !/^\d+%$/.test(value) || Number(value.slice(0, -1)) > 100) {
      errors.invalid(`spec.${field}`, value, "must be an integer or percentage (e.g '5%')");
    }
  }
  if (spec.selector !== undefined) selectorRequirements(spec.selector, 'spec.selector', errors);
}
