import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LifecycleEvent } from '../../kube/lifecycle.ts';
import { HistoryStore } from '../../history/store.ts';
import { buildNodeInfos } from '../node-info.ts';
import { makeNode } from '../testing/builders.ts';
import { outcomeDataset } from './outcome-dataset.ts';
import { OutcomeLearner } from './outcome-learner.ts';

const HOUR = 3_600_000;
const gi = 2 ** 30;
const now = Date.UTC(2026, 0, 10);
let dir: string | undefined;

function history(): HistoryStore {
  dir = mkdtempSync(join(tmpdir(), 'foresight-outcome-'));
  return HistoryStore.open(join(dir, 'history.db'));
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * Two days of a small cluster: node "full" runs at 90% memory and its pods get OOMKilled within
 * hours; node "calm" runs at 20% and its pods are left alone.
 */
function seed(store: HistoryStore, pods: number): void {
  const samples = [];
  for (let t = now - 3 * 24 * HOUR; t < now; t += 10 * 60_000) {
    samples.push({ node: 'full', at: t, cpuMillis: 2000, memoryBytes: 0.9 * 8 * gi, pods: 20 });
    samples.push({ node: 'calm', at: t, cpuMillis: 800, memoryBytes: 0.2 * 8 * gi, pods: 20 });
  }
  store.insertNodeSamples(samples);
  const events: LifecycleEvent[] = [];
  for (let i = 0; i < pods; i++) {
    const node = i % 2 === 0 ? 'full' : 'calm';
    const at = now - 2 * 24 * HOUR + i * 30 * 60_000;
    events.push({ at, kind: 'PodScheduled', node, namespace: 'shop', pod: `p${i}`, detail: node });
    if (node === 'full')
      events.push({
        at: at + 2 * HOUR,
        kind: 'PodOOMKilled',
        node,
        namespace: 'shop',
        pod: `p${i}`,
        detail: '',
      });
  }
  store.lifecycle.insert(events);
}

const nodes = buildNodeInfos([makeNode('full', 4000, 8 * gi), makeNode('calm', 4000, 8 * gi)], []);

describe('outcomeDataset', () => {
  it('labels each placement whose day has passed by whether the pod was disrupted within it', () => {
    const store = history();
    try {
      seed(store, 40);
      const rows = outcomeDataset(store, nodes, now);
      // 40 placements every 30 min from now − 48 h: the last, at now − 28.5 h, has had its day.
      expect(rows).toHaveLength(40);
      // One placed within the last day has no outcome yet and is left out.
      store.lifecycle.insert([
        {
          at: now - 2 * HOUR,
          kind: 'PodScheduled',
          node: 'calm',
          namespace: 'shop',
          pod: 'late',
          detail: '',
        },
      ]);
      expect(outcomeDataset(store, nodes, now)).toHaveLength(40);
      const full = rows.filter((r) => (r.features[1] ?? 0) > 0.5);
      expect(full.length).toBeGreaterThan(0);
      expect(full.every((r) => r.disrupted)).toBe(true);
      expect(rows.filter((r) => (r.features[1] ?? 0) < 0.5).every((r) => !r.disrupted)).toBe(true);
    } finally {
      store.close();
    }
  });

  it('the learner trains on them and gives the full node the higher chance of disruption', async () => {
    const store = history();
    try {
      seed(store, 96);
      const usage = new Map([
        ['full', { cpuMillis: 2000, memoryBytes: 0.9 * 8 * gi }],
        ['calm', { cpuMillis: 800, memoryBytes: 0.2 * 8 * gi }],
      ]);
      const learned = await new OutcomeLearner().signals(store, nodes, { usage }, now);
      expect(learned.outcomeProblem).toBeUndefined();
      expect(learned.outcome?.get('full')).toBeGreaterThan(0.5);
      expect(learned.outcome?.get('calm')).toBeLessThan(0.5);
    } finally {
      store.close();
    }
  });

  it('with too little history the learner says so', async () => {
    const store = history();
    try {
      seed(store, 10);
      const learned = await new OutcomeLearner().signals(store, nodes, {}, now);
      expect(learned.outcomeProblem).toContain('placements with a known outcome');
    } finally {
      store.close();
    }
  });
});
