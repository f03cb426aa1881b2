import { parseQuantity } from '../quantity.ts';
import type { FieldErrors } from './field-errors.ts';
import { dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from './names.ts';

/** The parts of ValidatePodSpec that a hand-written manifest gets wrong. */

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;
const TOLERATION_OPERATORS = ['Equal', 'Exists'] as const;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function validatePodSpec(
  spec: unknown,
  path: string,
  errors: FieldErrors,
  restartPolicies: readonly string[] = RESTART_POLICIES,
): void {
  if (!isRecord(spec)) {
    errors.required(path);
    return;
  }
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    errors.required(`${path}.containers`);
  }
  const names = new Set<string>();
  for (const [group, list] of [
    ['initContainers', spec.initContainers],
    ['containers', containers],
  ] as const) {
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, i) => {
      validateContainer(container, `${path}.${group}[${i}]`, names, errors);
    });
  }
  if (spec.restartPolicy !== undefined && !restartPolicies.includes(String(spec.restartPolicy))) {
    errors.unsupported(`${path}.restartPolicy`, spec.restartPolicy, restartPolicies);
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy as never)) {
    errors.unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES);
  }
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') {
    for (const message of dns1123Subdomain(spec.nodeName))
      errors.invalid(`${path}.nodeName`, spec.nodeName, message);
  }
  if (
    spec.terminationGracePeriodSeconds !== undefined &&
    (typeof spec.terminationGracePeriodSeconds !== 'number' || spec.terminationGracePeriodSeconds < 0)
  ) {
    errors.invalid(
      `${path}.terminationGracePeriodSeconds`,
      spec.terminationGracePeriodSeconds,
      'must be greater than or equal to 0',
    );
  }
  if (isRecord(spec.nodeSelector)) {
    for (const [key, value] of Object.entries(spec.nodeSelector)) {
      for (const message of qualifiedName(key)) errors.invalid(`${path}.nodeSelector`, key, message);
      for (const message of labelValue(String(value))) errors.invalid(`${path}.nodeSelector`, value, message);
    }
  }
  if (Array.isArray(spec.tolerations)) {
    spec.tolerations.forEach((toleration: unknown, i) =>
      validateToleration(toleration, `${path}.tolerations[${i}]`, errors),
    );
  }
}

function validateContainer(container: unknown, path: string, names: Set<string>, errors: FieldErrors): void {
  if (!isRecord(container)) {
    errors.required(path);
    return;
  }
  const name = container.name;
  if (typeof name !== 'string' || name === '') errors.required(`${path}.name`);
  else {
    for (const message of dns1123Label(name)) errors.invalid(`${path}.name`, name, message);
    if (names.has(name)) errors.duplicate(`${path}.name`, name);
    names.add(name);
  }
  if (typeof container.image !== 'string' || container.image.trim() === '') errors.required(`${path}.image`);
  if (
    container.imagePullPolicy !== undefined &&
    !PULL_POLICIES.includes(container.imagePullPolicy as never)
  ) {
    errors.unsupported(`${path}.imagePullPolicy`, container.imagePullPolicy, PULL_POLICIES);
  }
  validateResources(container.resources, `${path}.resources`, errors);
  if (Array.isArray(container.ports)) {
    container.ports.forEach((port: unknown, i) => {
      const value = isRecord(port) ? port.containerPort : undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
        errors.invalid(
          `${path}.ports[${i}].containerPort`,
          value ?? 0,
          'must be between 1 and 65535, inclusive',
        );
      }
    });
  }
}

function validateResources(resources: unknown, path: string, errors: FieldErrors): void {
  if (!isRecord(resources)) return;
  const amounts = (key: 'requests' | 'limits'): Map<string, number> => {
    const out = new Map<string, number>();
    const values = resources[key];
    if (!isRecord(values)) return out;
    for (const [name, raw] of Object.entries(values)) {
      const quantity = typeof raw === 'number' ? raw : parseQuantity(String(raw));
      if (quantity === undefined) {
        errors.invalid(
          `${path}.${key}[${name}]`,
          raw,
          "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        );
      } else if (quantity < 0) {
        errors.invalid(`${path}.${key}[${name}]`, raw, 'must be greater than or equal to 0');
      } else {
        out.set(name, quantity);
      }
    }
    return out;
  };
  const requests = amounts('requests');
  const limits = amounts('limits');
  for (const [name, request] of requests) {
    const limit = limits.get(name);
    if (limit !== undefined && request > limit) {
      const raw = (resources.requests as Json)[name];
      const rawLimit = (resources.limits as Json)[name];
      errors.invalid(
        `${path}.requests`,
        raw,
        `must be less than or equal to ${name} limit of ${String(rawLimit)}`,
      );
    }
  }
}

function validateToleration(toleration: unknown, path: string, errors: FieldErrors): void {
  if (!isRecord(toleration)) return;
  const operator = toleration.operator ?? 'Equal';
  if (!TOLERATION_OPERATORS.includes(operator as never)) {
    errors.unsupported(`${path}.operator`, operator, TOLERATION_OPERATORS);
  }
  if (typeof toleration.key === 'string' && toleration.key !== '') {
    for (const message of qualifiedName(toleration.key))
      errors.invalid(`${path}.key`, toleration.key, message);
  } else if (operator !== 'Exists') {
    errors.invalid(
      `${path}.operator`,
      operator,
      'operator must be Exists when `key` is empty, which means "match all values and all keys"',
    );
  }
  if (operator === 'Exists' && typeof toleration.value === 'string' && toleration.value !== '') {
    errors.invalid(`${path}.operator`, toleration.value, "value must be empty when `operator` is 'Exists'");
  }
  if (
    toleration.effect !== undefined &&
    toleration.effect !== '' &&
    !TAINT_EFFECTS.includes(toleration.effect as never)
  ) {
    errors.unsupported(`${path}.effect`, toleration.effect, TAINT_EFFECTS);
  }
}
