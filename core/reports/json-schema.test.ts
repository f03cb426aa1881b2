import { readFileSync, writeFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reportJsonSchema, reportJsonSchemaText } from './json-schema.ts';

const publishedUrl = new URL('./report-data.schema.json', import.meta.url);

describe('the published JSON Schema of the JSON export', () => {
  it('is the one generated from the model (regenerate: FORESIGHT_UPDATE_SCHEMA=1 npx vitest run core/reports/json-schema.test.ts)', async () => {
    if (process.env.FORESIGHT_UPDATE_SCHEMA === '1') {
      const filepath = fileURLToPath(publishedUrl);
      const options = { ...(await resolveConfig(filepath)), filepath };
      writeFileSync(publishedUrl, await format(reportJsonSchemaText(), options));
    }
    expect(JSON.parse(readFileSync(publishedUrl, 'utf8'))).toEqual(reportJsonSchema());
  });

  it('is a valid draft 2020-12 schema with an id and a version', () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/report-data-v1\.json$/);
    const ajv = new Ajv2020({ strict: false });
    expect(() => ajv.compile(schema)).not.toThrow();
    expect(JSON.stringify(schema)).toContain('"schemaVersion"');
  });
});
