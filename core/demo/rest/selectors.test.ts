import { describe, expect, it } from 'vitest';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  type LabelRequirement,
} from './selectors.ts';
import { ApiError } from '../status.ts';

describe('parseLabelSelector', () => {
  it.each<[string, LabelRequirement[]]>([
    ['', []],
    ['app=web', [{ key: 'app', operator: 'equals', values: ['web'] }]],
    ['app==web', [{ key: 'app', operator: 'equals', values: ['web'] }]],
    ['app!=web', [{ key: 'app', operator: 'notEquals', values: ['web'] }]],
    ['app', [{ key: 'app', operator: 'exists', values: [] }]],
    ['!app', [{ key: 'app', operator: 'doesNotExist', values: [] }]],
    ['tier=', [{ key: 'tier', operator: 'equals', values: [''] }]],
    ['env in (prod, staging)', [{ key: 'env', operator: 'in', values: ['prod', 'staging'] }]],
    ['env notin (dev)', [{ key: 'env', operator: 'notIn', values: ['dev'] }]],
    ['replicas>2', [{ key: 'replicas', operator: 'gt', values: ['2'] }]],
    ['replicas < 10', [{ key: 'replicas', operator: 'lt', values: ['10'] }]],
    [
      'app.kubernetes.io/name=cart, !canary,env in (a,b),x',
      [
        { key: 'app.kubernetes.io/name', operator: 'equals', values: ['cart'] },
        { key: 'canary', operator: 'doesNotExist', values: [] },
        { key: 'env', operator: 'in', values: ['a', 'b'] },
        { key: 'x', operator: 'exists', values: [] },
      ],
    ],
    // "in" is a keyword only where an operator may stand.
    ['in=notin', [{ key: 'in', operator: 'equals', values: ['notin'] }]],
  ])('parses %j', (text, expected) => {
    expect(parseLabelSelector(text)).toEqual(expected);
  });

  it.each([
    'app=web,',
    '=web',
    'app in web',
    'app in (a b)',
    'app in (a,',
    'app=web app=db',
    'replicas>two',
    'bad key!=x',
    'app=not/valid',
    '-app=x',
    'app=' + 'x'.repeat(64),
  ])('refuses %j with a 400', (text) => {
    let error: unknown;
    try {
      parseLabelSelector(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(400);
    expect((error as ApiError).message).toContain(text);
  });
});

describe('matchesLabels', () => {
  const labels = { app: 'web', env: 'prod', replicas: '3', empty: '' };
  it.each([
    ['', true],
    ['app=web', true],
    ['app=db', false],
    ['app!=db', true],
    ['missing!=x', true],
    ['app!=web', false],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['env in (prod,staging)', true],
    ['env in (dev)', false],
    ['missing in (x)', false],
    ['env notin (dev)', true],
    ['missing notin (x)', true],
    ['env notin (prod)', false],
    ['replicas>2', true],
    ['replicas>3', false],
    ['replicas<4', true],
    ['app>1', false],
    ['empty=', true],
    ['app=web,env=prod', true],
    ['app=web,env=dev', false],
  ])('%j → %s', (text, expected) => {
    expect(matchesLabels(parseLabelSelector(text), labels)).toBe(expected);
  });
});

describe('field selectors', () => {
  const supported = ['metadata.name', 'spec.nodeName', 'status.phase'];
  const fields: Record<string, string> = {
    'metadata.name': 'web-1',
    'spec.nodeName': 'node-01',
    'status.phase': 'Running',
  };
  const valueOf = (field: string) => fields[field] ?? '';

  it.each([
    ['', true],
    ['spec.nodeName=node-01', true],
    ['spec.nodeName==node-01', true],
    ['spec.nodeName=node-02', false],
    ['spec.nodeName!=node-02', true],
    ['status.phase=Running,spec.nodeName=node-01', true],
    ['status.phase=Running,spec.nodeName!=node-01', false],
    ['metadata.name= web-1', false],
  ])('%j → %s', (text, expected) => {
    expect(matchesFields(parseFieldSelector(text, supported), valueOf)).toBe(expected);
  });

  it('unescapes commas and equals signs in values', () => {
    expect(parseFieldSelector('metadata.name=a\\,b\\=c,status.phase=x', supported)).toEqual([
      { field: 'metadata.name', operator: 'equals', value: 'a,b=c' },
      { field: 'status.phase', operator: 'equals', value: 'x' },
    ]);
  });

  it.each([
    ['spec.unknown=x', 'field label not supported: spec.unknown'],
    ['nonsense', "can't understand"],
  ])('refuses %j: %s', (text, message) => {
    expect(() => parseFieldSelector(text, supported)).toThrow(message);
  });
});
