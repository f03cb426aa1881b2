import { afterEach, describe, expect, it } from 'vitest';
import { collectReportData } from '../../collect.ts';
import { tableCsv } from '../../csv.ts';
import { resolvePeriod } from '../../period.ts';
import { parseCsv, storyNow, storySource, type StorySource } from '../../test-support.ts';
import { reportCatalog } from '../registry.ts';
import { storyPlacementReads } from './fixtures.ts';
import { placementBlocks, placementTables } from './render.ts';

let story: StorySource | undefined;
afterEach(() => story?.close());

function placementReport(placement = storyPlacementReads()) {
  story = storySource({ reads: { placement } });
  const data = collectReportData(story.source, {
    sections: ['placement'],
    range: resolvePeriod({ period: '1h' }, storyNow),
    generatedAt: storyNow,
  });
  const section = data.sections.placement;
  if (!section) throw new Error(`no placement: ${JSON.stringify(data.omitted)}`);
  return section;
}

describe('the placement section', () => {
  it('gives each pending pod Foresight’s pick, kube-scheduler’s, and the best nodes in rank order', () => {
    const section = placementReport();
    expect(section).toMatchObject({ pending: 4, leftOut: 1 });
    const web = section.pods.find((p) => p.name === 'web-1');
    expect(web).toMatchObject({
      advice: { node: 'node-05', confidence: 0.64 },
      kubeScheduler: { node: 'node-02' },
      feasibleNodes: 3,
      nodes: 4,
    });
    expect(web?.best.map((b) => b.node)).toEqual(['node-05', 'node-02', 'node-06']);
  });

  it('writes one row per pod: advice, agreement, what would make an unschedulable pod fit', () => {
    const section = placementReport();
    const [advice, ranking] = placementTables(section).map((t) => parseCsv(tableCsv(t)));
    expect(advice?.[0]?.slice(0, 6)).toEqual([
      'namespace',
      'pod',
      'advised_node',
      'confidence',
      'kube_scheduler_node',
      'agreement',
    ]);
    const byPod = new Map(advice?.slice(1).map((r) => [r[1], r]));
    expect(byPod.get('web-1')?.slice(2, 6)).toEqual(['node-05', '0.64', 'node-02', 'differs']);
    expect(byPod.get('batch-7')?.slice(9, 11)).toEqual([
      '0/2 nodes are available: 2 Insufficient memory.',
      'ask for 2Gi less memory',
    ]);
    expect(byPod.get('api-3')?.[11]).toMatch(/no pod shop\/api-3/);
    expect(ranking).toHaveLength(1 + 3);
  });

  it('shows "fits nowhere" with what would have to change, and counts pods it would place elsewhere', () => {
    const section = placementReport();
    const [advice] = placementTables(section);
    const batch = section.pods.find((p) => p.name === 'batch-7');
    const cells = advice?.columns?.map((c) => c.display(batch as never));
    expect(cells?.[1]).toBe('fits nowhere: 0/2 nodes are available: 2 Insufficient memory.');
    expect(cells?.[5]).toBe('Would fit if: ask for 2Gi less memory');
    const figures = placementBlocks(section).find((b) => b.kind === 'facts');
    expect(figures).toMatchObject({
      facts: [{ value: '4' }, { value: '1' }, { label: 'Differs from kube-scheduler', value: '1' }],
    });
  });

  it('says so when no pod is pending', () => {
    const section = placementReport({ ok: true, value: { pending: 0 } });
    expect(section.pods).toEqual([]);
    expect(placementBlocks(section)).toEqual([
      { kind: 'note', text: 'No pod was waiting for a node when the report was made.' },
    ]);
  });

  it('is unavailable, with the reason, when the cluster’s pods cannot be read', () => {
    story = storySource({
      reads: { placement: { ok: false, reason: 'Could not read the cluster: connection refused' } },
    });
    expect(reportCatalog(story.source).find((s) => s.id === 'placement')).toMatchObject({
      available: false,
      reason: 'no placement advice: Could not read the cluster: connection refused',
    });
  });
});
