import { z } from 'zod';
import { reportDataSchema, reportSchemaVersion } from './model.ts';

/** Where the schema says it lives; the file in this folder is its published copy. */
export const reportSchemaId = `https://foresight.io/schemas/report-data-v${reportSchemaVersion}.json`;

/**
 * The JSON Schema (draft 2020-12) of the JSON export, generated from the zod model so the two
 * cannot drift; report-data.schema.json is this, written out, and a test keeps it current.
 */
export function reportJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(reportDataSchema, { target: 'draft-2020-12', io: 'output' });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return { $schema, $id: reportSchemaId, ...rest };
}

export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
