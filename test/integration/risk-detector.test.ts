import { describe, expect, it } from 'vitest';
import { simulateHistory } from '../../core/risk/sim-history.ts';
import { StreamingDetector } from '../../core/risk/streaming-detector.ts';
import type { ScenarioFamily } from '../../core/sim/index.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ALARM = 0.5;
const METRICS = ['memoryBytes', 'cpuMillis'] as const;

interface Trace {
  at: number;
  score: number;
}

function scoreSeries(samples: { at: number; memoryBytes: number | null; cpuMillis: number | null }[]) {
  const traces: Record<(typeof METRICS)[number], Trace[]> = { memoryBytes: [], cpuMillis: [] };
  for (const metric of METRICS) {
    const detector = new StreamingDetector();
    for (const s of samples)
      traces[metric].push({ at: s.at, score: detector.update(s.at / 1000, s[metric] ?? undefined) });
  }
  return traces;
}

/** Alarm episodes: rising edges through the threshold. */
function alarmEpisodes(trace: Trace[], from: number): number {
  let count = 0;
  let previous = 0;
  for (const { at, score } of trace) {
    if (at >= from && score > ALARM && previous <= ALARM) count++;
    previous = score;
  }
  return count;
}

/**
 * Which families show in a node's CPU or memory before their visible effect. The others show in
 * what usage samples cannot see (disk, latency, the kubelet's own logs): for them the detector
 * must at least stay quiet until the onset, and the classifier relies on events.
 */
const FAMILIES: readonly { family: ScenarioFamily; variant?: string; warnsBeforeVisible: boolean }[] = [
  { family: 'memoryLeak', variant: 'pressure', warnsBeforeVisible: true },
  { family: 'noisyNeighbour', warnsBeforeVisible: true },
  { family: 'diskFill', warnsBeforeVisible: false },
  { family: 'networkDegradation', warnsBeforeVisible: false },
  { family: 'kubeletCrashLoop', warnsBeforeVisible: false },
  { family: 'hardwareFailure', warnsBeforeVisible: false },
];

describe('the streaming detector on simulated incidents', () => {
  it.each(FAMILIES)(
    '$family: quiet before the onset; warns before the visible effect: $warnsBeforeVisible',
    ({ family, variant, warnsBeforeVisible }) => {
      const history = simulateHistory({
        seed: 4,
        durationMs: 7 * HOUR,
        preset: 'quiet',
        scenarios: [
          { family, onsetMs: 6 * HOUR, severity: 0.4, precursor: 'strong', ...(variant ? { variant } : {}) },
        ],
      });
      const incident = history.incidents[0];
      const node = history.nodes.find((n) => n.node === incident?.node);
      expect(incident?.visibleMs).toBeDefined();
      if (!incident?.visibleMs || !node) return;
      const traces = scoreSeries(node.samples);
      for (const metric of METRICS) {
        const before = traces[metric].filter(
          (t) => t.at >= history.startMs + HOUR && t.at < incident.onsetMs,
        );
        expect(Math.max(...before.map((t) => t.score))).toBeLessThanOrEqual(ALARM);
      }
      const warned = METRICS.some((metric) =>
        traces[metric].some((t) => t.at >= incident.onsetMs && t.at < incident.visibleMs! && t.score > ALARM),
      );
      expect(warned).toBe(warnsBeforeVisible);
    },
  );

  it('raises no more than one alarm per node-day on a quiet cluster over a simulated week', () => {
    const days = 7;
    const history = simulateHistory({
      seed: 11,
      durationMs: days * 24 * HOUR,
      preset: 'quiet',
      tickMs: 30_000,
    });
    let episodes = 0;
    for (const node of history.nodes) {
      const traces = scoreSeries(node.samples);
      // A node's alarm is any of its metrics alarming; one node-day budget covers both.
      const merged = traces.memoryBytes.map((t, i) => ({
        at: t.at,
        score: Math.max(t.score, traces.cpuMillis[i]?.score ?? 0),
      }));
      episodes += alarmEpisodes(merged, history.startMs);
    }
    const perNodeDay = episodes / (history.nodes.length * days);
    expect(perNodeDay).toBeLessThanOrEqual(1);
  });
});
