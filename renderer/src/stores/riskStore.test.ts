import { describe, expect, it } from 'vitest';
import type { NodeRisk, RiskEvent } from '../../../core/contract/index.ts';
import { createRiskStore, feedbackKey } from './riskStore.ts';

function fakeApi(fail: Partial<Record<string, Error>> = {}) {
  const listeners = new Map<string, (payload: unknown) => void>();
  const calls: { method: string; params: unknown }[] = [];
  const api = {
    on: (name: string, listener: (payload: unknown) => void) => {
      listeners.set(name, listener);
      return () => listeners.delete(name);
    },
    call: (method: string, params: unknown) => {
      calls.push({ method, params });
      if (fail[method]) return Promise.reject(fail[method]);
      if (method === 'risk.nodes') return Promise.resolve({ at: null, risks: [] });
      if (method === 'risk.events') return Promise.resolve({ events: [] });
      if (method === 'risk.feedback') return Promise.resolve({ stored: true, useful: 1, falseAlarm: 0 });
      return Promise.resolve({});
    },
  };
  return { api, listeners, calls };
}

const risk: NodeRisk = {
  node: 'n1',
  at: 5,
  level: 'at-risk',
  probability: 0.9,
  reasons: ['memory +20% in 30 min'],
  source: 'model',
};
const event: RiskEvent = { at: 5, node: 'n1', type: 'risk-detected', message: 'n1 is at risk', reasons: [] };

describe('risk store', () => {
  it('follows pushed risks and events', () => {
    const { api, listeners } = fakeApi();
    const store = createRiskStore(api as never);
    listeners.get('nodeRisks')?.({ at: 5, risks: [risk] });
    listeners.get('riskEvent')?.(event);
    expect(store.getState().risks['n1']).toEqual(risk);
    expect(store.getState().events).toEqual([event]);
  });

  it('keeps the stream bounded', () => {
    const { api, listeners } = fakeApi();
    const store = createRiskStore(api as never);
    for (let i = 0; i < 400; i++) listeners.get('riskEvent')?.({ ...event, at: i });
    expect(store.getState().events).toHaveLength(300);
    expect(store.getState().events.at(-1)?.at).toBe(399);
  });

  it('records feedback once given, and says why when it could not be stored', async () => {
    const ok = fakeApi();
    const store = createRiskStore(ok.api as never);
    await store.getState().giveFeedback('n1', 5, 'useful');
    expect(store.getState().feedbackGiven[feedbackKey('n1', 5)]).toBe('useful');
    expect(ok.calls.at(-1)).toEqual({
      method: 'risk.feedback',
      params: { node: 'n1', at: 5, verdict: 'useful' },
    });
    const failing = fakeApi({ 'risk.feedback': new Error('The history database is locked.') });
    const other = createRiskStore(failing.api as never);
    await other.getState().giveFeedback('n1', 5, 'false-alarm');
    expect(other.getState().feedbackError).toMatch(/locked/);
    expect(other.getState().feedbackGiven).toEqual({});
  });

  it('selects the node whose page is open', () => {
    const store = createRiskStore(fakeApi().api as never);
    store.getState().select('n2');
    expect(store.getState().selected).toBe('n2');
  });
});
