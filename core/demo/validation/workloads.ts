import type { KubeObject } from '../../sim/store/kube-object.ts';
import { matchesLabels, type LabelRequirement } from '../rest/selectors.ts';
import type { FieldErrors } from './field-errors.ts';
import { validateLabels } from './metadata.ts';
import { validatePodSpec } from './pod-spec.ts';
import { labelValue, qualifiedName } from './names.ts';

/** Deployments, ReplicaSets, StatefulSets, DaemonSets and Jobs: selector, template, replicas. */

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

export function validateWorkload(
  object: KubeObject,
  errors: FieldErrors,
  options: { restartPolicies: readonly string[]; selectorRequired: boolean; replicas: boolean },
): void {
  const spec = isRecord(object.spec) ? object.spec : {};
  if (options.replicas && spec.replicas !== undefined) {
    if (typeof spec.replicas !== 'number' || !Number.isInteger(spec.replicas) || spec.replicas < 0) {
      errors.invalid('spec.replicas', spec.replicas, 'must be greater than or equal to 0');
    }
  }
  const template = isRecord(spec.template) ? spec.template : undefined;
  if (!template) {
    errors.required('spec.template');
    return;
  }
  const templateMeta = isRecord(template.metadata) ? template.metadata : {};
  validateLabels(templateMeta.labels, 'spec.template.metadata.labels', errors);
  validatePodSpec(template.spec, 'spec.template.spec', errors, options.restartPolicies);

  const selector = spec.selector;
  if (selector === undefined || selector === null) {
    if (options.selectorRequired) errors.required('spec.selector');
    return;
  }
  const requirements = selectorRequirements(selector, 'spec.selector', errors);
  if (requirements === undefined) return;
  if (requirements.length === 0) {
    errors.invalid('spec.selector', selector, 'empty selector is invalid for deployment');
    return;
  }
  const labels = isRecord(templateMeta.labels) ? (templateMeta.labels as Record<string, string>) : {};
  if (!matchesLabels(requirements, labels)) {
    errors.invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`');
  }
}

/** apps/v1 selectors cannot change once set. */
export function validateSelectorUpdate(next: KubeObject, current: KubeObject, errors: FieldErrors): void {
  const before = isRecord(current.spec) ? current.spec.selector : undefined;
  const after = isRecord(next.spec) ? next.spec.selector : undefined;
  if (before !== undefined && JSON.stringify(before) !== JSON.stringify(after)) {
    errors.invalid('spec.selector', after ?? null, 'field is immutable');
  }
}

/** A metav1.LabelSelector as requirements, or undefined when it is malformed (errors added). */
export function selectorRequirements(
  selector: unknown,
  path: string,
  errors?: FieldErrors,
): LabelRequirement[] | undefined {
  if (!isRecord(selector)) {
    errors?.invalid(path, selector, 'must be a label selector');
    return undefined;
  }
  const out: LabelRequirement[] = [];
  let ok = true;
  if (isRecord(selector.matchLabels)) {
    for (const [key, value] of Object.entries(selector.matchLabels)) {
      for (const message of qualifiedName(key)) {
        ok = false;
        errors?.invalid(`${path}.matchLabels`, key, message);
      }
      for (const message of labelValue(String(value))) {
        ok = false;
        errors?.invalid(`${path}.matchLabels`, value, message);
      }
      out.push({ key, operator: 'equals', values: [String(value)] });
    }
  }
  if (Array.isArray(selector.matchExpressions)) {
    selector.matchExpressions.forEach((expression: unknown, i) => {
      const where = `${path}.matchExpressions[${i}]`;
      if (!isRecord(expression)) return;
      const operator = String(expression.operator ?? '');
      const values = Array.isArray(expression.values) ? expression.values.map(String) : [];
      const key = String(expression.key ?? '');
      if (!SELECTOR_OPERATORS.includes(operator as never)) {
        ok = false;
        errors?.unsupported(`${where}.operator`, operator, SELECTOR_OPERATORS);
        return;
      }
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
        ok = false;
        errors?.required(`${where}.values`, "must be specified when `operator` is 'In' or 'NotIn'");
      }
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
        ok = false;
        errors?.forbidden(
          `${where}.values`,
          "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
        );
      }
      const mapped = { In: 'in', NotIn: 'notIn', Exists: 'exists', DoesNotExist: 'doesNotExist' } as const;
      out.push({ key, operator: mapped[operator as keyof typeof mapped], values });
    });
  }
  return ok ? out : undefined;
}
