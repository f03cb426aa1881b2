import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluatePlacement, explainNode, type AdvisoryPlugin } from './evaluate.ts';
import { defaultNormalizeScore, MAX_NODE_SCORE } from './framework.ts';
import { buildNodeInfos } from './node-info.ts';
import type { ScoringStrategy } from './plugins/node-resources-fit.ts';
import { defaultProfile } from './profile.ts';
import { createRng } from '../sim/random.ts';
import { randomBoundPods, randomNodes, randomPod } from './testing/random-cluster.ts';

/**
 * The ranking must not change when it is made faster: every node's filter failures, scores,
 * totals and explanations for many random pods on a random cluster, under each scoring
 * strategy, digested. The digests were taken from the straightforward per-node code before the
 * per-pod precomputation (PreFilter/PreScore) was added; a change to any result changes them.
 */
const STRATEGIES: Record<string, ScoringStrategy | undefined> = {
  default: undefined,
  mostAllocated: {
    type: 'MostAllocated',
    resources: [
      { name: 'cpu', weight: 2 },
      { name: 'memory', weight: 1 },
      { name: 'ephemeral-storage', weight: 1 },
      { name: 'nvidia.com/gpu', weight: 5 },
    ],
  },
  requestedToCapacityRatio: {
    type: 'RequestedToCapacityRatio',
    resources: [
      { name: 'cpu', weight: 1 },
      { name: 'memory', weight: 3 },
      { name: 'hugepages-2Mi', weight: 2 },
      { name: 'example.com/fpga', weight: 1 },
      { name: 'unknown', weight: 1 },
    ],
    shape: [
      { utilization: 0, score: 10 },
      { utilization: 40, score: 6 },
      { utilization: 100, score: 0 },
    ],
  },
};

const EXPECTED: Record<string, string> = {
  default: '68f2024c246b4a45cd7b201985b5272d43eedcd3e6de7797ecdec72f363e55f7',
  mostAllocated: '26b93782c99536316e6d4d35591cad95ee01ed56235b1dc229bfddd73e2029b8',
  requestedToCapacityRatio: 'f30a57b0045ae9f5a3e50ce49a95f3109a851b5bd9fea36fb923bdb7e575efd3',
};

/** A Foresight-like plugin with a raw score from the node's name and the pod's requests. */
const probeAdvisor: AdvisoryPlugin = {
  name: 'Probe',
  weight: 2,
  missingData: () => undefined,
  score(pod, node) {
    let h = pod.nonZeroRequests.milliCpu;
    for (let i = 0; i < node.name.length; i++) h = (h * 31 + node.name.charCodeAt(i)) % 1009;
    return h;
  },
  normalize: (scores) => defaultNormalizeScore(MAX_NODE_SCORE, false, scores),
  explain: (_pod, node, normalized) => `${node.name} probed ${normalized}`,
};

const idleAdvisor: AdvisoryPlugin = { ...probeAdvisor, name: 'Idle', missingData: () => 'no data' };

function rankingDigest(strategyName: string): { digest: string; feasible: number; failed: number } {
  const random = createRng(20261123).next;
  const nodes = randomNodes(random, 300);
  const infos = buildNodeInfos(nodes, randomBoundPods(random, nodes, 600));
  const profile = defaultProfile(STRATEGIES[strategyName]);
  const hash = createHash('sha256');
  let feasible = 0;
  let failed = 0;
  for (let p = 0; p < 60; p++) {
    const pod = randomPod(random, `probe-${p}`, nodes.length);
    const evaluation = evaluatePlacement(pod, infos, profile, [probeAdvisor, idleAdvisor]);
    for (const n of evaluation.feasible) explainNode(evaluation, n);
    feasible += evaluation.feasible.length;
    failed += evaluation.nodes.length - evaluation.feasible.length;
    hash.update(
      JSON.stringify({
        pod: evaluation.pod.requests,
        nonZero: evaluation.pod.nonZeroRequests,
        plugins: evaluation.scorePlugins.map((s) => [s.name, s.weight]),
        idle: evaluation.idleAdvisors.map((i) => [i.plugin.name, i.why]),
        feasible: evaluation.feasible.map((n) => n.info.name),
        nodes: evaluation.nodes.map((n) => [
          n.info.name,
          n.failure ?? null,
          n.allFailures,
          n.scores,
          n.explanations ?? null,
          n.kubeSchedulerTotal,
          n.foresightTotal,
        ]),
      }),
    );
  }
  return { digest: hash.digest('hex'), feasible, failed };
}

describe('ranking parity on a random cluster', () => {
  it.each(Object.keys(STRATEGIES))('%s: every node ranks as before', (strategy) => {
    const { digest, feasible, failed } = rankingDigest(strategy);
    // The random cluster exercises both sides of the filters.
    expect(feasible).toBeGreaterThan(2000);
    expect(failed).toBeGreaterThan(2000);
    expect(digest).toBe(EXPECTED[strategy]);
  });
});
