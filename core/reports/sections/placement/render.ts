import { facts, heading, note, table, type Block } from '../../blocks.ts';
import { formatCount } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import type { PlacementSection } from './model.ts';
import { agreement, placementTable, rankingTable } from './tables.ts';

export function placementTables(section: PlacementSection): AnyReportTable[] {
  return [placementTable(section), rankingTable(section)];
}

export function placementBlocks(section: PlacementSection): Block[] {
  if (section.pending === 0) return [note('No pod was waiting for a node when the report was made.')];
  const [advice, ranking] = placementTables(section);
  const fitsNowhere = section.pods.filter((p) => p.unschedulable).length;
  const differs = section.pods.filter((p) => agreement(p) === 'differs').length;
  const blocks: Block[] = [
    note('Advice for the pods pending when the report was made, ranked as the Placement page ranks them.'),
    facts([
      { label: 'Pending pods', value: formatCount(section.pending) },
      {
        label: 'Fit nowhere',
        value: formatCount(fitsNowhere),
        detail: 'what would have to change is listed',
      },
      {
        label: 'Differs from kube-scheduler',
        value: formatCount(differs),
        detail: 'Foresight would place them elsewhere',
      },
    ]),
  ];
  if (section.leftOut) {
    blocks.push(
      note(`${formatCount(section.leftOut)} more pending pods were left out; see the Placement page.`),
    );
  }
  if (advice) blocks.push(table(advice));
  if (ranking && ranking.rows.length) blocks.push(heading('Best nodes per pod'), table(ranking));
  return blocks;
}
