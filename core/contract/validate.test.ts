import { describe, expect, it } from 'vitest';
import { validateRequest } from './validate.ts';

describe('validateRequest', () => {
  it.each([
    { name: 'not an object', raw: 'hello', code: 'BadRequest', id: null },
    { name: 'null', raw: null, code: 'BadRequest', id: null },
    { name: 'missing kind', raw: { id: 1, method: 'app.status' }, code: 'BadRequest', id: 1 },
    { name: 'missing id', raw: { kind: 'request', method: 'app.status' }, code: 'BadRequest', id: null },
    {
      name: 'unknown method',
      raw: { kind: 'request', id: 2, method: 'nodes.delete' },
      code: 'UnknownMethod',
      id: 2,
    },
    {
      name: 'params of the wrong type',
      raw: { kind: 'request', id: 'a', method: 'history.nodeSeries', params: { node: 5 } },
      code: 'BadRequest',
      id: 'a',
    },
    {
      name: 'unexpected params',
      raw: { kind: 'request', id: 3, method: 'nodes.list', params: { everything: true } },
      code: 'BadRequest',
      id: 3,
    },
    {
      name: 'prototype tricks',
      raw: { kind: 'request', id: 4, method: '__proto__' },
      code: 'UnknownMethod',
      id: 4,
    },
  ])('$name → $code', ({ raw, code, id }) => {
    const result = validateRequest(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.id).toBe(id);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts a valid request and fills absent params', () => {
    expect(validateRequest({ kind: 'request', id: 1, method: 'app.status' })).toEqual({
      ok: true,
      request: { id: 1, method: 'app.status', params: {} },
    });
    const series = validateRequest({
      kind: 'request',
      id: 2,
      method: 'history.nodeSeries',
      params: { node: 'n1' },
    });
    expect(series.ok && series.request.params).toEqual({ node: 'n1' });
  });
});
