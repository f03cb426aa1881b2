import type { NodeRisk } from '../../../contract/risk.ts';
import type { FeatureReads } from '../../reads/types.ts';
import { storyNow } from '../../test-support.ts';

const at = storyNow - 20_000;

/** Risks as the risk domain answers `risk.nodes`: the model's, the rules' and the detector's. */
export function storyRisks(): NodeRisk[] {
  return [
    { node: 'node-01', at, level: 'healthy', probability: 0.03, reasons: [], source: 'model' },
    {
      node: 'node-05',
      at,
      level: 'caution',
      probability: 0.31,
      kind: 'resource-exhaustion',
      leadTimeMinutes: 42,
      reasons: ['Memory grew 2.1 GiB in 30 min', 'Disk 86% full'],
      source: 'model',
    },
    {
      node: 'node-03',
      at,
      level: 'at-risk',
      probability: 0.05,
      kind: 'node-down',
      reasons: ['NotReady for 4 min'],
      source: 'rules',
    },
    {
      node: 'node-02',
      at,
      level: 'at-risk',
      probability: 0.82,
      kind: 'pod-failures',
      leadTimeMinutes: 12.4,
      reasons: ['3 OOM kills in 10 min', 'Restarts rising'],
      source: 'model',
    },
  ];
}

export function storyRiskReads(): FeatureReads['risk'] {
  return { ok: true, value: { at, risks: storyRisks() } };
}
