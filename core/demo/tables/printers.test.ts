import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../sim/store/kube-object.ts';
import { formatMetrics } from './autoscaling.ts';
import { nodeRoles, nodeStatus } from './nodes.ts';
import { podSummary } from './pods.ts';
import { printerFor } from './printers.ts';
import { selectorText } from './table.ts';

/** Cells as kubectl's printers compute them, for the cases operators see most. */

const NOW = Date.parse('2025-06-02T14:30:00Z');
const pod = (
  status: object,
  meta: object = {},
  spec: object = { containers: [{ name: 'a' }] },
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', creationTimestamp: '2025-06-02T14:00:00Z', ...meta },
  spec,
  status,
});
const running = (name: string, ready = true, restartCount = 0) => ({
  name,
  ready,
  restartCount,
  state: { running: {} },
});

describe('pods', () => {
  it.each([
    ['running and ready', pod({ phase: 'Running', containerStatuses: [running('a')] }), '1/1', 'Running'],
    ['pending', pod({ phase: 'Pending' }), '0/1', 'Pending'],
    [
      'crash looping',
      pod({
        phase: 'Running',
        containerStatuses: [
          { name: 'a', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      }),
      '0/1',
      'CrashLoopBackOff',
    ],
    [
      'completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [{ name: 'a', state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
      }),
      '0/1',
      'Completed',
    ],
    [
      'killed by a signal',
      pod({
        phase: 'Failed',
        containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137, signal: 9 } } }],
      }),
      '0/1',
      'Signal:9',
    ],
    [
      'being deleted',
      pod(
        { phase: 'Running', containerStatuses: [running('a')] },
        { deletionTimestamp: '2025-06-02T14:31:00Z' },
      ),
      '1/1',
      'Terminating',
    ],
    ['evicted', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted'],
    [
      'initializing',
      pod(
        {
          phase: 'Pending',
          initContainerStatuses: [{ name: 'init', state: { waiting: { reason: 'PodInitializing' } } }],
        },
        {},
        { initContainers: [{ name: 'init' }], containers: [{ name: 'a' }] },
      ),
      '0/1',
      'Init:0/1',
    ],
  ])('%s', (_what, object, ready, status) => {
    const summary = podSummary(object);
    expect(`${summary.ready}/${summary.total}`).toBe(ready);
    expect(summary.reason).toBe(status);
  });

  it('shows restarts with the time of the last one', () => {
    const object = pod({
      phase: 'Running',
      containerStatuses: [
        { ...running('a', true, 3), lastState: { terminated: { finishedAt: '2025-06-02T14:20:00Z' } } },
      ],
    });
    expect(printerFor('/pods').cells(object, NOW).slice(0, 5)).toEqual([
      'p',
      '1/1',
      'Running',
      '3 (10m ago)',
      '30m',
    ]);
  });
});

describe('nodes', () => {
  const node = (
    conditions: object[],
    spec: object = {},
    labels: Record<string, string> = {},
  ): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n', labels },
    spec,
    status: { conditions },
  });
  it.each([
    [[{ type: 'Ready', status: 'True' }], {}, 'Ready'],
    [[{ type: 'Ready', status: 'Unknown' }], {}, 'NotReady'],
    [[], {}, 'Unknown'],
    [[{ type: 'Ready', status: 'False' }], { unschedulable: true }, 'NotReady,SchedulingDisabled'],
  ])('%j %j → %s', (conditions, spec, status) => {
    expect(nodeStatus(node(conditions, spec))).toBe(status);
  });

  it('reads roles from both label conventions', () => {
    expect(
      nodeRoles(node([], {}, { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'etcd' })),
    ).toBe('control-plane,etcd');
    expect(nodeRoles(node([]))).toBe('<none>');
  });
});

describe('HPA targets', () => {
  const cpu = (target: object) => ({ type: 'Resource', resource: { name: 'cpu', target } });
  it.each([
    [
      [cpu({ averageUtilization: 80 })],
      [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45 } } }],
      'cpu: 45%/80%',
    ],
    [[cpu({ averageUtilization: 80 })], [], 'cpu: <unknown>/80%'],
    [
      [cpu({ averageValue: '500m' })],
      [{ type: 'Resource', resource: { name: 'cpu', current: { averageValue: '250m' } } }],
      'cpu: 250m/500m',
    ],
    [[], [], '<none>'],
    [
      [cpu({ averageUtilization: 1 }), cpu({ averageUtilization: 2 }), cpu({ averageUtilization: 3 })],
      [],
      'cpu: <unknown>/1%, cpu: <unknown>/2% + 1 more...',
    ],
  ])('%j', (specs, statuses, text) => {
    expect(formatMetrics(specs, statuses)).toBe(text);
  });
});

describe('selectors', () => {
  it.each([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [
      {
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['b', 'a'] },
          { key: 'x', operator: 'DoesNotExist' },
        ],
      },
      'tier in (a,b),!x',
    ],
    [{}, '<none>'],
  ])('%j → %s', (selector, text) => {
    expect(selectorText(selector)).toBe(text);
  });
});
