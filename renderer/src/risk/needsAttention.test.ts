import { describe, expect, it } from 'vitest';
import type { NodeRisk } from '../../../core/contract/index.ts';
import { attentionCounts, needsAttention, riskHeadline } from './needsAttention.ts';

const risk = (node: string, level: NodeRisk['level'], probability: number): NodeRisk => ({
  node,
  at: 0,
  level,
  probability,
  reasons: [],
  source: 'model',
});

describe('needsAttention', () => {
  it('leaves healthy nodes out and puts at-risk before caution, then the likelier first', () => {
    const order = needsAttention([
      risk('a', 'healthy', 0.2),
      risk('b', 'caution', 0.6),
      risk('c', 'at-risk', 0.5),
      risk('d', 'at-risk', 0.9),
      risk('e', 'caution', 0.3),
    ]).map((r) => r.node);
    expect(order).toEqual(['d', 'c', 'b', 'e']);
  });

  it('breaks ties by name, so equal predictions keep their order between updates', () => {
    const order = needsAttention([risk('z', 'caution', 0.4), risk('m', 'caution', 0.4)]);
    expect(order.map((r) => r.node)).toEqual(['m', 'z']);
  });

  it('counts each level', () => {
    const attention = needsAttention([
      risk('a', 'at-risk', 0.9),
      risk('b', 'caution', 0.5),
      risk('c', 'caution', 0.4),
      risk('d', 'healthy', 0.1),
    ]);
    expect(attentionCounts(attention)).toEqual({ atRisk: 1, caution: 2 });
    expect(attentionCounts([])).toEqual({ atRisk: 0, caution: 0 });
  });
});

describe('riskHeadline', () => {
  it('says there is no prediction yet rather than calling the cluster healthy', () => {
    expect(riskHeadline(null, 0, [])).toMatchObject({ state: 'No prediction yet', tone: '' });
  });

  it('calls a cluster with predictions and no attention healthy', () => {
    expect(riskHeadline(1, 12, [])).toEqual({
      state: 'All healthy',
      tone: 'text-ok',
      detail: '12 nodes predicted, none expected to be in trouble',
    });
    expect(riskHeadline(1, 1, []).detail).toBe('1 node predicted, none expected to be in trouble');
  });

  it('takes its tone from the worst level', () => {
    const caution = needsAttention([risk('a', 'caution', 0.4)]);
    expect(riskHeadline(1, 3, caution)).toEqual({
      state: 'Needs attention',
      tone: 'text-warn',
      detail: '0 at risk · 1 caution',
    });
    const both = needsAttention([risk('a', 'caution', 0.4), risk('b', 'at-risk', 0.8)]);
    expect(riskHeadline(1, 3, both).tone).toBe('text-bad');
  });
});
