import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AUTOPILOT_CONFIG,
  type ActionPreview,
  type AuditRecord,
  type EventName,
  type PayloadOf,
} from '../../../core/contract/index.ts';
import type { ApiClient } from '../api/client.ts';
import { createActionsStore } from './actionsStore.ts';

const cordon = { kind: 'cordon', node: 'node-1' } as const;

const preview: ActionPreview = {
  action: cordon,
  summary: 'Cordon node node-1',
  permission: { allowed: true, missing: [] },
  changes: [{ field: 'spec.unschedulable', from: 'false', to: 'true' }],
  evict: [],
  skip: [],
  blocking: [],
  kubectl: 'kubectl cordon node-1',
  problems: [],
  undoable: true,
};

const record = (
  id: number,
  status: AuditRecord['status'],
  extra: Partial<AuditRecord> = {},
): AuditRecord => ({
  id,
  cluster: 'https://127.0.0.1',
  user: 'admin',
  origin: 'user',
  action: 'cordon',
  target: 'node/node-1',
  params: cordon,
  summary: 'Cordon node node-1',
  status,
  outcome: status === 'succeeded' ? 'node/node-1 cordoned' : '',
  progress: status === 'succeeded' ? [{ at: 2, message: 'node/node-1 cordoned' }] : [],
  startedAt: 1,
  ...extra,
});

/** A fake api: each method answers from `answers`; the test emits events by hand. */
function fakeApi(answers: Record<string, (params: unknown) => unknown>) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: [string, unknown][] = [];
  const api: Pick<ApiClient, 'call' | 'on'> = {
    call(method, params) {
      calls.push([method, params]);
      const answer = answers[method];
      if (!answer) return Promise.reject(new Error(`unexpected ${method}`));
      return Promise.resolve(answer(params)) as never;
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  const emit = <E extends EventName>(name: E, payload: PayloadOf<E>) =>
    listeners.get(name)?.forEach((listener) => listener(payload));
  return { api, emit, calls };
}

describe('actionsStore', () => {
  it('preview → confirm → progress → done → undo', async () => {
    const { api, emit } = fakeApi({
      'actions.preview': () => preview,
      'actions.execute': () => ({ auditId: 7 }),
      'actions.undo': () => ({ auditId: 8 }),
    });
    const store = createActionsStore(api);
    await store.getState().open(cordon);
    expect(store.getState().dialog).toMatchObject({ phase: 'confirm', preview });
    await store.getState().confirm();
    expect(store.getState().dialog).toMatchObject({ phase: 'running', auditId: 7 });
    emit('actionProgress', { auditId: 7, at: 2, message: 'node/node-1 cordoned' });
    emit('actionProgress', { auditId: 99, at: 2, message: 'someone else' });
    expect(store.getState().dialog?.steps).toEqual(['node/node-1 cordoned']);
    const done = record(7, 'succeeded', { undo: { kind: 'uncordon', node: 'node-1' } });
    emit('actionFinished', done);
    expect(store.getState().dialog).toMatchObject({ phase: 'done', record: done });
    expect(store.getState().audit).toEqual([done]);
    await store.getState().undo(7);
    expect(store.getState().dialog).toMatchObject({
      phase: 'running',
      auditId: 8,
      action: { kind: 'uncordon' },
    });
  });

  it('a final event that beats the reply still finishes the dialog', async () => {
    const { api, emit } = fakeApi({
      'actions.preview': () => preview,
      'actions.execute': () => {
        emit('actionFinished', record(3, 'succeeded'));
        return { auditId: 3 };
      },
    });
    const store = createActionsStore(api);
    await store.getState().open(cordon);
    await store.getState().confirm();
    expect(store.getState().dialog?.phase).toBe('done');
  });

  it('a failed preview says why; a failed run shows its outcome', async () => {
    const failing = fakeApi({ 'actions.preview': () => Promise.reject(new Error('cluster unreachable')) });
    const store = createActionsStore(failing.api);
    await store.getState().open(cordon);
    expect(store.getState().dialog).toMatchObject({
      phase: 'failed',
      error: expect.stringContaining('cluster unreachable'),
    });

    const { api, emit } = fakeApi({
      'actions.preview': () => preview,
      'actions.execute': () => ({ auditId: 4 }),
    });
    const other = createActionsStore(api);
    await other.getState().open(cordon);
    await other.getState().confirm();
    emit('actionFinished', record(4, 'failed', { outcome: 'refused: not allowed' }));
    expect(other.getState().dialog).toMatchObject({ phase: 'failed', error: 'refused: not allowed' });
  });

  it('permission checks are batched and asked once per node', async () => {
    const { api, calls } = fakeApi({
      'actions.check': (params) => ({
        permissions: (params as { actions: unknown[] }).actions.map(() => ({
          allowed: false,
          missing: ['patch nodes'],
          reason: 'no',
        })),
      }),
    });
    const store = createActionsStore(api);
    store.getState().ensurePermissions([cordon, { kind: 'cordon', node: 'node-2' }]);
    store.getState().ensurePermissions([cordon]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(calls).toHaveLength(1);
    expect(store.getState().permissions.get('cordon:node-2')).toMatchObject({
      allowed: false,
      missing: ['patch nodes'],
    });
  });

  it('loads and configures the autopilot, and prepends its decisions as they arrive', async () => {
    const status = {
      config: { ...DEFAULT_AUTOPILOT_CONFIG },
      tainted: [],
      streaks: [],
      decisions: [],
    };
    const { api, emit, calls } = fakeApi({
      'autopilot.status': () => status,
      'autopilot.configure': (params) => ({
        ...status,
        config: { ...status.config, ...(params as { config: object }).config },
      }),
    });
    const store = createActionsStore(api);
    await store.getState().loadAutopilot();
    expect(store.getState().autopilot?.config.enabled).toBe(false);
    await store.getState().configureAutopilot({ enabled: true, dryRun: true });
    expect(calls.at(-1)).toEqual(['autopilot.configure', { config: { enabled: true, dryRun: true } }]);
    expect(store.getState().autopilot?.config).toMatchObject({ enabled: true, dryRun: true });
    emit('autopilotDecision', { at: 1, node: 'w1', decision: 'taint', reason: 'risk 0.9', dryRun: true });
    emit('autopilotDecision', {
      at: 2,
      node: 'w2',
      decision: 'hold',
      reason: 'one node at a time',
      dryRun: true,
    });
    expect(store.getState().autopilot?.decisions.map((d) => d.node)).toEqual(['w2', 'w1']);
  });
});
