import type { KubeObject } from '../../sim/store/kube-object.ts';

/**
 * Server-side printing (meta.k8s.io/v1 Table), which `kubectl get` asks for first. Without it
 * kubectl falls back to NAME and AGE only; with it the demo prints like a real cluster. Columns
 * and cell formats follow pkg/printers/internalversion/printers.go. Like kube-apiserver, every
 * row carries the wide (priority 1) cells too; kubectl shows them for `-o wide`.
 */

export interface ColumnDefinition {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number' | 'boolean';
  format: string;
  description: string;
  priority: number;
}

export interface RowCondition {
  type: string;
  status: string;
}

/** How one kind prints: its columns, and the cells of one object at simulated time `now`. */
export interface Printer {
  columns: readonly ColumnDefinition[];
  cells(object: KubeObject, now: number): unknown[];
  /** Row conditions (`Completed` for finished pods), which kubectl uses to grey rows out. */
  conditions?(object: KubeObject): RowCondition[] | undefined;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** kubectl asks for `application/json;as=Table;v=v1;g=meta.k8s.io, application/json`. */
export function wantsTable(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((type) => {
    const params = type.split(';').map((p) => p.trim());
    return (
      params.includes('as=Table') &&
      params.includes('g=meta.k8s.io') &&
      (params.includes('v=v1') || params.includes('v=v1beta1'))
    );
  });
}

export function parseIncludeObject(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}

/** The object a row carries: nothing, its metadata only, or all of it. */
export function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

/** One table row as JSON; `view` is the object as the requested version shows it. */
export function tableRow(
  printer: Printer,
  object: KubeObject,
  now: number,
  include: IncludeObject,
  view: (object: KubeObject) => KubeObject = (o) => o,
): unknown {
  const row: Record<string, unknown> = { cells: printer.cells(object, now) };
  const conditions = printer.conditions?.(object);
  if (conditions) row.conditions = conditions;
  const carried = rowObject(include === 'Object' ? view(object) : object, include);
  if (carried !== undefined) row.object = carried;
  return row;
}

export const AGE_DESCRIPTION =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.';
export const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated.';

export function column(
  name: string,
  description: string,
  options: { priority?: number; type?: ColumnDefinition['type']; format?: string } = {},
): ColumnDefinition {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description,
    priority: options.priority ?? 0,
  };
}

export const nameColumn = (): ColumnDefinition => column('Name', NAME_DESCRIPTION, { format: 'name' });
export const ageColumn = (): ColumnDefinition => column('Age', AGE_DESCRIPTION);

/** kubectl's AGE of an RFC 3339 timestamp at `now`; `<unknown>` when there is none. */
export function since(timestamp: unknown, now: number): string {
  if (typeof timestamp !== 'string' || timestamp === '') return '<unknown>';
  const at = Date.parse(timestamp);
  return Number.isNaN(at) ? '<unknown>' : humanDuration(now - at);
}

export function age(object: KubeObject, now: number): string {
  return since(object.metadata.creationTimestamp, now);
}

/** kubectl's age format (k8s.io/apimachinery/pkg/util/duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.trunc(hours / 24) % 365;
    const years = Math.trunc(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

// ---------------------------------------------------------------- reading plain JSON

/** A nested record field, or an empty record: printers read optional JSON without ceremony. */
export function rec(value: unknown, key?: string): Record<string, unknown> {
  const inner = key === undefined ? value : isRecord(value) ? value[key] : undefined;
  return isRecord(inner) ? inner : {};
}

export function list(value: unknown, key: string): Record<string, unknown>[] {
  const inner = isRecord(value) ? value[key] : undefined;
  return Array.isArray(inner) ? inner.filter(isRecord) : [];
}

export function str(value: unknown, key: string, fallback = ''): string {
  const inner = isRecord(value) ? value[key] : undefined;
  return typeof inner === 'string' ? inner : typeof inner === 'number' ? String(inner) : fallback;
}

export function int(value: unknown, key: string, fallback = 0): number {
  const inner = isRecord(value) ? value[key] : undefined;
  return typeof inner === 'number' && Number.isFinite(inner) ? Math.trunc(inner) : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Containers and images columns of a pod template (layoutContainerCells). */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = list(podSpec, 'containers');
  return [containers.map((c) => str(c, 'name')).join(','), containers.map((c) => str(c, 'image')).join(',')];
}

/** A metav1.LabelSelector as kubectl prints it (`app=web,tier in (a,b)`), `<none>` when empty. */
export function selectorText(selector: unknown): string {
  const parts: string[] = [];
  const labels = rec(selector, 'matchLabels');
  for (const key of Object.keys(labels).sort()) parts.push(`${key}=${String(labels[key])}`);
  for (const expression of list(selector, 'matchExpressions')) {
    const key = str(expression, 'key');
    const values = (Array.isArray(expression.values) ? expression.values.map(String) : []).sort();
    switch (str(expression, 'operator')) {
      case 'In':
        parts.push(`${key} in (${values.join(',')})`);
        break;
      case 'NotIn':
        parts.push(`${key} notin (${values.join(',')})`);
        break;
      case 'Exists':
        parts.push(key);
        break;
      case 'DoesNotExist':
        parts.push(`!${key}`);
        break;
    }
  }
  return parts.length > 0 ? parts.join(',') : '<none>';
}
