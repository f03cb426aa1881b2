import type { FeatureReads, NodeRiskHistory } from '../../reads/types.ts';
import { storyNow } from '../../test-support.ts';

const minute = 60_000;
const hour = 60 * minute;

/** Predictions every 5 min over the last 6 h, through `level(t)` (t in minutes before now). */
function series(level: (minutesAgo: number) => [number, 'healthy' | 'caution' | 'at-risk']) {
  const points: NodeRiskHistory['points'] = [];
  for (let ago = 6 * 60; ago > 0; ago -= 5) {
    const [probability, lvl] = level(ago);
    points.push({ at: storyNow - ago * minute, probability, level: lvl });
  }
  return points;
}

/**
 * node-02 is raised to at-risk 40 min before a memory incident (warned); node-03 goes NotReady
 * unannounced; node-01 stays healthy; node-05's only incident ended before the period began.
 */
export function storyTimeline(): NodeRiskHistory[] {
  return [
    { node: 'node-01', points: series(() => [0.02, 'healthy']), incidents: [] },
    {
      node: 'node-02',
      points: series((ago) =>
        ago > 100
          ? [0.05, 'healthy']
          : ago > 80
            ? [0.3, 'caution']
            : ago > 30
              ? [0.8, 'at-risk']
              : [0.1, 'healthy'],
      ),
      incidents: [
        {
          startMs: storyNow - 40 * minute,
          lastMs: storyNow - 32 * minute,
          kind: 'resource-exhaustion',
          what: 'MemoryPressure=True; 2 OOM kills',
        },
      ],
    },
    {
      node: 'node-03',
      points: series(() => [0.04, 'healthy']),
      incidents: [
        {
          startMs: storyNow - 2 * hour,
          lastMs: storyNow - 90 * minute,
          kind: 'node-down',
          what: 'Ready=False',
        },
      ],
    },
    {
      node: 'node-05',
      points: [],
      incidents: [
        { startMs: storyNow - 30 * hour, lastMs: storyNow - 29 * hour, kind: 'network', what: 'NIC errors' },
      ],
    },
  ];
}

export function storyTimelineReads(): FeatureReads['timeline'] {
  return { ok: true, value: { since: storyNow - 24 * hour, nodes: storyTimeline(), nodesLeftOut: 0 } };
}
