import { describe, expect, it } from 'vitest';
import { methodTimeoutMs } from './methods.ts';
import { validateRequest } from './validate.ts';

const build = (params: unknown) =>
  validateRequest({ kind: 'request', id: 1, method: 'reports.build', params });

describe('reports.build params', () => {
  it.each([
    { name: 'a named period', params: { sections: ['cluster-summary'], format: 'pdf', period: '24h' } },
    { name: 'no period (the default applies)', params: { sections: ['cluster-summary'], format: 'csv' } },
    {
      name: 'explicit bounds',
      params: { sections: ['node-risk'], format: 'json', since: 1000, until: 5000 },
    },
    {
      name: 'since alone',
      params: { sections: ['cluster-summary'], format: 'html', since: 1000, jobId: 'j' },
    },
  ])('accepts $name', ({ params }) => {
    expect(build(params).ok).toBe(true);
  });

  it.each([
    { name: 'no sections', params: { sections: [], format: 'pdf' }, path: 'sections' },
    { name: 'an unknown section', params: { sections: ['gossip'], format: 'pdf' }, path: 'sections.0' },
    {
      name: 'a section twice',
      params: { sections: ['cluster-summary', 'cluster-summary'], format: 'pdf' },
      path: 'sections',
    },
    { name: 'an unknown format', params: { sections: ['cluster-summary'], format: 'docx' }, path: 'format' },
    {
      name: 'an unknown period',
      params: { sections: ['cluster-summary'], format: 'pdf', period: '3w' },
      path: 'period',
    },
    {
      name: 'period and since',
      params: { sections: ['cluster-summary'], format: 'pdf', period: '1h', since: 5 },
      path: 'period',
    },
    {
      name: 'until without since',
      params: { sections: ['cluster-summary'], format: 'pdf', until: 5 },
      path: 'since',
    },
    {
      name: 'until before since',
      params: { sections: ['cluster-summary'], format: 'pdf', since: 9, until: 5 },
      path: 'until',
    },
    {
      name: 'more than 31 days',
      params: { sections: ['cluster-summary'], format: 'pdf', since: 0, until: 32 * 86_400_000 },
      path: 'since',
    },
    {
      name: 'extra fields',
      params: { sections: ['cluster-summary'], format: 'pdf', kubeconfig: 'x' },
      path: '(root)',
    },
  ])('refuses $name with a BadRequest naming $path', ({ params, path }) => {
    const result = build(params);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('BadRequest');
      expect(result.error.message).toContain(`${path}:`);
    }
  });
});

describe('methodTimeoutMs', () => {
  it.each([
    ['nodes.list', 15_000, 15_000],
    ['reports.build', 15_000, 180_000],
    ['reports.build', 500, 180_000],
    ['reports.build', 600_000, 600_000],
    ['no.such.method', 30_000, 30_000],
  ])('%s with a usual %i ms waits %i ms', (method, usual, expected) => {
    expect(methodTimeoutMs(method, usual)).toBe(expected);
  });
});
