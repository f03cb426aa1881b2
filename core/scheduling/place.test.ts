import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placementAnswerSchema } from '../contract/placement.ts';
import { placePod } from './place.ts';
import { podFromText } from './pod-spec.ts';
import { snapshotFromText } from './snapshot.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/placement/${name}`, import.meta.url), 'utf8');
const cluster = () => snapshotFromText(fixture('cluster.json'));

describe('placePod against a snapshot', () => {
  it('ranks feasible nodes by score and excludes the rest in kube-scheduler words', () => {
    const answer = placePod(podFromText(fixture('pod.json')), cluster());
    expect(answer.nodes.map((n) => [n.name, n.rank])).toEqual([
      ['node-a', 1],
      ['node-d', 2],
      ['node-e', 3],
      ['node-b', null],
      ['node-c', null],
    ]);
    const byName = Object.fromEntries(answer.nodes.map((n) => [n.name, n]));
    expect(byName['node-b']?.reasons).toEqual(['node(s) had untolerated taint {dedicated: gpu}']);
    expect(byName['node-c']?.reasons).toEqual(['node(s) were unschedulable']);
    // node-a: 4 cpu / 8Gi with 1 cpu / 2Gi requested, plus the pod's 500m / 1Gi:
    // LeastAllocated (62 + 62) / 2 = 62; balanced 37.5% / 37.5% = 100; ssd preferred 100; no taints 100.
    expect(byName['node-a']?.scores).toEqual({
      TaintToleration: 100,
      NodeAffinity: 100,
      NodeResourcesFit: 62,
      NodeResourcesBalancedAllocation: 100,
    });
    expect(byName['node-a']?.kubeSchedulerTotal).toBe(3 * 100 + 2 * 100 + 62 + 100);
    expect(answer.kubeSchedulerChoice).toEqual({ node: 'node-a', total: 662, tiedWith: [] });
  });

  it('without history, Foresight plugins say so, take no part, and the advice is kube-scheduler pick', () => {
    const answer = placePod(podFromText(fixture('pod.json')), cluster());
    expect(answer.plugins.filter((p) => p.source === 'foresight').map((p) => [p.name, p.active])).toEqual([
      ['LoadAware', false],
      ['Stability', false],
      ['NetworkHealth', false],
      ['RiskAware', false],
      ['LearnedOutcome', false],
    ]);
    expect(answer.advice?.node).toBe('node-a');
    expect(answer.advice?.confidence).toBe(0);
    expect(answer.advice?.reasons.join(' ')).toContain('no usage history yet');
    for (const n of answer.nodes) expect(n.foresightTotal).toBe(n.kubeSchedulerTotal);
  });

  it('with usage, disruption, NIC error and risk signals the advice can differ, with reasons in plain words', () => {
    const gi = 2 ** 30;
    const answer = placePod(podFromText(fixture('pod.json')), cluster(), {
      signals: {
        usage: new Map([
          ['node-a', { cpuMillis: 3600, memoryBytes: 7 * gi, memoryGrowthPerHour: 0.2 }],
          ['node-d', { cpuMillis: 500, memoryBytes: 1 * gi }],
          ['node-e', { cpuMillis: 800, memoryBytes: 2 * gi }],
        ]),
        disruptions: new Map([['node-a', { restarts: 4, oomKills: 2, evictions: 1 }]]),
        risks: new Map([
          [
            'node-a',
            {
              probability: 0.81,
              kind: 'resource-exhaustion',
              leadTimeMinutes: 40,
              reasons: ['memory rising'],
            },
          ],
          ['node-d', { probability: 0.05, reasons: [] }],
          ['node-e', { probability: 0.1, reasons: [] }],
        ]),
        nicErrors: new Map([
          ['node-a', 120],
          ['node-d', 0],
          ['node-e', 0],
        ]),
        nicErrorWindowMs: 10 * 60_000,
      },
    });
    expect(answer.kubeSchedulerChoice?.node).toBe('node-a');
    expect(answer.advice?.node).not.toBe('node-a');
    const text = answer.advice?.reasons.join(' ') ?? '';
    expect(text).toContain('node-a looks best on paper');
    expect(text).toContain('risk 0.81');
    expect(text).toContain('OOMKill');
    expect(text).toContain('NIC is counting errors');
    expect(answer.advice?.confidence).toBeGreaterThan(0.5);
    expect(answer.plugins.filter((p) => !p.active).map((p) => p.name)).toEqual(['LearnedOutcome']);
  });

  it('a pod that fits nowhere gets kube-scheduler message and what would have to change', () => {
    const answer = placePod(podFromText(fixture('huge-pod.yaml')), cluster());
    expect(answer.kubeSchedulerChoice).toBeNull();
    expect(answer.advice).toBeNull();
    expect(answer.unschedulable?.message).toBe(
      '0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable, ' +
        '2 Insufficient memory, 3 Insufficient cpu. preemption: 0/5 nodes are available: ' +
        '2 No preemption victims found for incoming pod., 3 Preemption is not helpful for scheduling.',
    );
    const changes = answer.unschedulable?.changes.join('\n') ?? '';
    expect(changes).toContain('node-a is the closest fit: it needs 500m cpu more free');
    expect(changes).toContain('{key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}');
    expect(changes).toContain('cordoned');
  });

  it('leaves the placed pod itself out of the node it is already bound to', () => {
    const snapshot = cluster();
    const bound = snapshot.pods.find((p) => p.metadata?.name === 'api-2');
    const pod = { ...bound, spec: { ...bound?.spec, nodeName: undefined } };
    const answer = placePod(pod, snapshot);
    const nodeE = answer.nodes.find((n) => n.name === 'node-e');
    // Without itself node-e is empty: cpu (4000 − 2500) × 100 / 4000 = 37, memory (8 − 3) × 100 / 8 = 62,
    // (37 + 62) / 2 = 49. Counted twice it would not fit at all.
    expect(nodeE?.feasible).toBe(true);
    expect(nodeE?.scores['NodeResourcesFit']).toBe(49);
  });

  it('advises cordoning a node that keeps failing and uncordoning one whose advice lapsed, in the contract shape', () => {
    const hour = 3_600_000;
    const now = Date.UTC(2026, 0, 10, 12);
    const bare = placePod(podFromText(fixture('pod.json')), cluster());
    expect(bare.nodeAdvice).toEqual([]);
    const answer = placePod(podFromText(fixture('pod.json')), cluster(), {
      signals: {
        observedAt: now,
        nodeFailures: new Map([
          ['node-a', { at: [now - 4 * hour, now - 2 * hour], down: false }],
          // node-c is cordoned in the fixture; its two failures were 10 h ago.
          ['node-c', { at: [now - 11 * hour, now - 10 * hour], down: false }],
          ['node-d', { at: [now - hour], down: false }],
        ]),
      },
    });
    expect(answer.nodeAdvice.map((a) => [a.node, a.action])).toEqual([
      ['node-a', 'cordon'],
      ['node-c', 'uncordon'],
    ]);
    expect(placementAnswerSchema.parse(answer).nodeAdvice).toEqual(answer.nodeAdvice);
  });
});
