import type { TaintJson } from './node-ops.ts';

/**
 * Taints as Kubernetes validates them (pkg/apis/core/validation: validateTaints): the key is a
 * qualified name (optional DNS-subdomain prefix, "/", a name of at most 63 characters), the
 * value a label value, the effect one of three. Errors say which part is wrong and what is allowed.
 */

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;
export type TaintEffect = (typeof TAINT_EFFECTS)[number];

export interface Taint {
  key: string;
  value?: string;
  effect: TaintEffect;
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `taint key "${key}" may contain at most one "/"`;
  const name = parts.length === 2 ? (parts[1] ?? '') : key;
  const prefix = parts.length === 2 ? parts[0] : undefined;
  if (prefix !== undefined) {
    if (prefix === '') return `taint key "${key}" has an empty prefix before "/"`;
    if (prefix.length > 253 || !prefix.split('.').every((label) => DNS_LABEL.test(label)))
      return `taint key prefix "${prefix}" must be a lowercase DNS subdomain, e.g. example.com`;
  }
  if (name === '') return 'taint key needs a name, e.g. dedicated or example.com/dedicated';
  if (name.length > 63) return `taint key name "${name}" is longer than 63 characters`;
  if (!NAME.test(name))
    return `taint key name "${name}" must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit`;
  return undefined;
}

/** Every problem with a taint, in words that say what to change; empty when it is valid. */
export function taintProblems(taint: { key: string; value?: string; effect: string }): string[] {
  const problems: string[] = [];
  const keyProblem = qualifiedNameProblem(taint.key);
  if (keyProblem) problems.push(keyProblem);
  const value = taint.value ?? '';
  if (value.length > 63) problems.push(`taint value is longer than 63 characters`);
  else if (value !== '' && !NAME.test(value))
    problems.push(
      `taint value "${value}" must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit`,
    );
  if (!(TAINT_EFFECTS as readonly string[]).includes(taint.effect))
    problems.push(`taint effect "${taint.effect}" must be one of ${TAINT_EFFECTS.join(', ')}`);
  return problems;
}

/** kubectl's spelling: key=value:Effect (or key:Effect without a value). */
export function taintText(taint: { key: string; value?: string; effect: string }): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** Parses "key=value:Effect" as kubectl taint does; an Error says what is wrong. */
export function parseTaint(text: string): Taint | Error {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return new Error(`"${text}" needs an effect: key=value:NoSchedule`);
  const [key = '', value] = text.slice(0, colon).split('=', 2);
  const taint = { key, ...(value ? { value } : {}), effect: text.slice(colon + 1) };
  const problems = taintProblems(taint);
  return problems.length ? new Error(problems.join('; ')) : (taint as Taint);
}

export const sameTaint = (a: { key: string; effect: string }, b: { key: string; effect: string }) =>
  a.key === b.key && a.effect === b.effect;

/** The node's taints with one added; an Error when one with the same key and effect is there. */
export function withTaint(current: readonly TaintJson[], taint: Taint): TaintJson[] | Error {
  if (current.some((t) => sameTaint(t, taint)))
    return new Error(
      `the node already has a taint ${taint.key} with effect ${taint.effect}: remove it first`,
    );
  return [
    ...current,
    { key: taint.key, ...(taint.value ? { value: taint.value } : {}), effect: taint.effect },
  ];
}

export function withoutTaint(
  current: readonly TaintJson[],
  key: string,
  effect: string,
): TaintJson[] | Error {
  const kept = current.filter((t) => !sameTaint(t, { key, effect }));
  if (kept.length === current.length) return new Error(`the node has no taint ${key} with effect ${effect}`);
  return kept;
}
