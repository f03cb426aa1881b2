import type { StatusCause } from '../status.ts';

/**
 * Field errors as k8s.io/apimachinery/pkg/util/validation/field words them, collected into the
 * causes of a 422 Invalid Status (`spec.taints[0].effect: Unsupported value: "Bogus": ...`).
 */
export class FieldErrors {
  readonly causes: StatusCause[] = [];

  required(field: string, detail = ''): void {
    this.add('FieldValueRequired', field, `Required value${detail ? `: ${detail}` : ''}`);
  }

  invalid(field: string, value: unknown, detail: string): void {
    this.add('FieldValueInvalid', field, `Invalid value: ${goValue(value)}${detail ? `: ${detail}` : ''}`);
  }

  unsupported(field: string, value: unknown, supported: readonly string[]): void {
    const list = supported.map((s) => JSON.stringify(s)).join(', ');
    this.add(
      'FieldValueNotSupported',
      field,
      `Unsupported value: ${goValue(value)}: supported values: ${list}`,
    );
  }

  duplicate(field: string, value: unknown): void {
    this.add('FieldValueDuplicate', field, `Duplicate value: ${goValue(value)}`);
  }

  forbidden(field: string, detail: string): void {
    this.add('FieldValueForbidden', field, `Forbidden: ${detail}`);
  }

  tooLong(field: string, max: number): void {
    this.add('FieldValueTooLong', field, `Too long: may not be more than ${max} bytes`);
  }

  get empty(): boolean {
    return this.causes.length === 0;
  }

  private add(reason: string, field: string, message: string): void {
    this.causes.push({ reason, message, field });
  }
}

/** Values printed roughly as Go's %#v does: strings quoted, numbers bare, objects as JSON. */
function goValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return 'null';
  return JSON.stringify(value);
}
