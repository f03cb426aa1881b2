import type { PlacementAnswerInfo } from '../../../contract/placement.ts';
import type { FeatureReads } from '../../reads/types.ts';

type Placed = PlacementAnswerInfo['nodes'][number];

const node = (name: string, rank: number | null, foresight: number, kube: number): Placed => ({
  name,
  feasible: rank !== null,
  reasons: rank === null ? ['Insufficient cpu'] : [],
  scores: {},
  explanations: {},
  kubeSchedulerTotal: kube,
  foresightTotal: foresight,
  rank,
});

const plugins: PlacementAnswerInfo['plugins'] = [
  { name: 'NodeResourcesFit', weight: 1, source: 'kube-scheduler', active: true },
];

/** web-1 goes elsewhere than kube-scheduler would; batch-7 fits nowhere; api-3 was scheduled meanwhile. */
export function storyPlacementReads(): FeatureReads['placement'] {
  const web: PlacementAnswerInfo = {
    pod: 'shop/web-1',
    nodes: [
      node('node-02', 2, 71, 88),
      node('node-05', 1, 83, 80),
      node('node-06', 3, 60, 70),
      node('node-03', null, 0, 0),
    ],
    kubeSchedulerChoice: { node: 'node-02', total: 88, tiedWith: [] },
    advice: {
      node: 'node-05',
      total: 83,
      confidence: 0.64,
      reasons: ['node-02 is at risk of pod failures (82%)'],
    },
    plugins,
  };
  const batch: PlacementAnswerInfo = {
    pod: 'jobs/batch-7',
    nodes: [node('node-01', null, 0, 0), node('node-02', null, 0, 0)],
    kubeSchedulerChoice: null,
    advice: null,
    plugins,
    unschedulable: {
      message: '0/2 nodes are available: 2 Insufficient memory.',
      changes: ['ask for 2Gi less memory'],
    },
  };
  return {
    ok: true,
    value: {
      pending: 4,
      advice: {
        pending: 4,
        advised: [
          { namespace: 'shop', name: 'web-1', answer: web },
          { namespace: 'jobs', name: 'batch-7', answer: batch },
          {
            namespace: 'shop',
            name: 'api-3',
            answer: 'There is no pod shop/api-3 (it may have been scheduled or deleted).',
          },
        ],
      },
    },
  };
}
