import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeRisk } from '../contract/risk.ts';
import { HistoryStore } from '../history/store.ts';
import { signalsFromHistory } from './history-signals.ts';
import { buildNodeInfos } from './node-info.ts';
import { makeNode } from './testing/builders.ts';

const MINUTE = 60_000;
const gi = 2 ** 30;
const now = Date.UTC(2026, 0, 10, 12);
let dir: string | undefined;

function history(): HistoryStore {
  dir = mkdtempSync(join(tmpdir(), 'foresight-signals-'));
  return HistoryStore.open(join(dir, 'history.db'));
}

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const nodes = buildNodeInfos([makeNode('flaky', 4000, 8 * gi), makeNode('calm', 4000, 8 * gi)], []);

describe('signalsFromHistory', () => {
  it('counts node failures (Ready leaving True) beside pod disruptions, and stamps usage with the last sample', () => {
    const store = history();
    try {
      const samples = [];
      for (let t = now - 50 * MINUTE; t <= now - 2 * MINUTE; t += MINUTE) {
        samples.push({ node: 'flaky', at: t, cpuMillis: 500, memoryBytes: 2 * gi, pods: 3 });
        samples.push({ node: 'calm', at: t, cpuMillis: 900, memoryBytes: 3 * gi, pods: 5 });
      }
      store.insertNodeSamples(samples);
      const at = (m: number) => now - m * MINUTE;
      store.lifecycle.insert([
        // Failed, repaired, failed (False then Unknown is one failure), repaired.
        { at: at(40), kind: 'NodeCondition', node: 'flaky', detail: 'Ready=Unknown' },
        { at: at(39), kind: 'PodEvicted', node: 'flaky', namespace: 'shop', pod: 'a', detail: '' },
        { at: at(30), kind: 'NodeCondition', node: 'flaky', detail: 'Ready=True' },
        { at: at(20), kind: 'NodeCondition', node: 'flaky', detail: 'Ready=False' },
        { at: at(19), kind: 'NodeCondition', node: 'flaky', detail: 'Ready=Unknown' },
        { at: at(10), kind: 'NodeCondition', node: 'flaky', detail: 'Ready=True' },
        { at: at(5), kind: 'PodRestarted', node: 'calm', namespace: 'shop', pod: 'b', detail: '' },
      ]);
      const risks = new Map<string, NodeRisk>([
        [
          'flaky',
          { node: 'flaky', at: now, level: 'caution', probability: 0.9, reasons: [], source: 'model' },
        ],
      ]);
      const signals = signalsFromHistory(store, nodes, risks, now);
      expect(Object.fromEntries(signals.disruptions ?? [])).toEqual({
        flaky: { restarts: 0, oomKills: 0, evictions: 1, nodeFailures: 2 },
        calm: { restarts: 1, oomKills: 0, evictions: 0, nodeFailures: 0 },
      });
      expect(Object.fromEntries(signals.nodeFailures ?? [])).toEqual({
        flaky: { at: [at(40), at(20)], down: false },
      });
      expect(signals.observedAt).toBe(now);
      expect(signals.usage?.get('calm')).toMatchObject({ cpuMillis: 900, sampledAt: now - 2 * MINUTE });
      expect(signals.risks?.get('flaky')).toMatchObject({ probability: 0.9, level: 'caution' });
    } finally {
      store.close();
    }
  });

  it.each([
    [
      'a NIC erring in the last 10 min: its peak rate',
      [
        [12, 400],
        [8, 90],
        [3, 5],
      ],
      { flaky: 90 },
    ],
    [
      'errors older than the window: no signal',
      [
        [30, 400],
        [15, 200],
      ],
      undefined,
    ],
  ])('NIC errors: %s', (_what, rates, expected) => {
    const store = history();
    try {
      store.insertNodeSamples([
        ...rates.map(([minutesAgo, rate]) => ({
          node: 'flaky',
          at: now - (minutesAgo ?? 0) * MINUTE,
          cpuMillis: 1,
          memoryBytes: 1,
          pods: 1,
          nicErrorsPerMinute: rate ?? null,
        })),
        { node: 'calm', at: now - 20 * MINUTE, cpuMillis: 1, memoryBytes: 1, pods: 1, nicErrorsPerMinute: 0 },
      ]);
      const signals = signalsFromHistory(store, nodes, new Map(), now);
      expect(signals.nicErrors && Object.fromEntries(signals.nicErrors)).toEqual(expected);
      expect(signals.nicErrorWindowMs).toBe(expected ? 10 * MINUTE : undefined);
    } finally {
      store.close();
    }
  });

  it('without history has only the risk predictions it was given', () => {
    expect(signalsFromHistory(undefined, nodes, new Map(), now)).toEqual({});
  });
});
