import { describe, expect, it } from 'vitest';
import { parseTaint, taintProblems, taintText, withoutTaint, withTaint } from './taint.ts';

describe('taintProblems validates as Kubernetes does', () => {
  it.each([
    [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, []],
    [{ key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' }, []],
    [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }, []],
    [{ key: '', effect: 'NoSchedule' }, ['taint key needs a name']],
    [{ key: 'a/b/c', effect: 'NoSchedule' }, ['at most one "/"']],
    [{ key: 'Example.COM/x', effect: 'NoSchedule' }, ['lowercase DNS subdomain']],
    [{ key: '-bad', effect: 'NoSchedule' }, ['must consist of letters']],
    [{ key: 'k'.repeat(64), effect: 'NoSchedule' }, ['longer than 63']],
    [{ key: 'ok', value: 'has space', effect: 'NoSchedule' }, ['taint value "has space"']],
    [{ key: 'ok', value: 'v'.repeat(64), effect: 'NoSchedule' }, ['value is longer than 63']],
    [{ key: 'ok', effect: 'NoWay' }, ['must be one of NoSchedule, PreferNoSchedule, NoExecute']],
    [{ key: '', value: '!', effect: '' }, ['needs a name', 'taint value "!"', 'must be one of']],
  ])('%j', (taint, expected) => {
    const problems = taintProblems(taint);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((part, i) => expect(problems[i]).toContain(part));
  });
});

describe('parseTaint and taintText', () => {
  it.each(['dedicated=gpu:NoSchedule', 'spot:PreferNoSchedule', 'example.com/x=1:NoExecute'])(
    '%s round-trips',
    (text) => {
      const taint = parseTaint(text);
      expect(taint).not.toBeInstanceOf(Error);
      expect(taintText(taint as Exclude<typeof taint, Error>)).toBe(text);
    },
  );
  it.each(['dedicated=gpu', 'x=y:Never'])('%s is refused with what to write', (text) => {
    expect(parseTaint(text)).toBeInstanceOf(Error);
  });
});

describe('withTaint and withoutTaint', () => {
  const taints = [{ key: 'a', value: '1', effect: 'NoSchedule' }];
  it('adds, refuses a duplicate key and effect, removes, refuses a missing one', () => {
    expect(withTaint(taints, { key: 'b', effect: 'NoExecute' })).toEqual([
      ...taints,
      { key: 'b', effect: 'NoExecute' },
    ]);
    expect(withTaint(taints, { key: 'a', value: '2', effect: 'NoSchedule' })).toBeInstanceOf(Error);
    expect(withoutTaint(taints, 'a', 'NoSchedule')).toEqual([]);
    expect(withoutTaint(taints, 'a', 'NoExecute')).toBeInstanceOf(Error);
  });
});
