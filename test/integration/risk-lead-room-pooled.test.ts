import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../core/risk/dataset.ts';
import { DEFAULT_PLAN } from '../../core/risk/experiment.ts';
import { simulatedCluster } from '../../core/risk/simulated-cluster.ts';
import { episodeCauses } from '../../core/risk/lead-room.ts';

/**
 * Lead room on pooled simulated clusters (what every exam does): each cluster has a node-01 and
 * starts at the same time, so an incident must be matched to a cause on its own cluster's node,
 * never to one on the same-named node of another cluster.
 */
describe('lead room on pooled clusters', () => {
  it('matches every incident to a cause of its own cluster', { timeout: 120_000 }, () => {
    const plan = { ...DEFAULT_PLAN, nodes: 4, hours: 8 };
    const clusters = [7, 8].map((seed) => simulatedCluster(seed, ['memoryLeak', 'diskFill'], plan));
    const data = buildDataset(clusters.flatMap((c) => c.nodes));
    const causes = episodeCauses(
      data,
      clusters.flatMap((c) => c.incidents),
    );
    const clusterOfCause = new Map(clusters.flatMap((c, i) => c.incidents.map((cause) => [cause, i])));
    const clusterOfNode = new Map(clusters.flatMap((c, i) => c.nodes.map((n) => [n.node, i])));
    const matched = data.episodes.flatMap((episode, i) => {
      const cause = causes[i];
      return cause ? [{ episode: clusterOfNode.get(episode.node), cause: clusterOfCause.get(cause) }] : [];
    });
    expect(new Set(matched.map((m) => m.episode))).toEqual(new Set([0, 1]));
    for (const m of matched) expect(m.cause).toBe(m.episode);
  });
});
