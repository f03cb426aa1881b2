import { charts, facts, heading, note, table, type Block } from '../../blocks.ts';
import { formatCount } from '../../format.ts';
import type { AnyReportTable } from '../../table.ts';
import type { ReportContext } from '../types.ts';
import { chartedNodeLimit, eventfulNodes, nodeTimelineCharts } from './charts.ts';
import type { TimelineSection } from './model.ts';
import { changesTable, incidentsTable, pointsTable } from './tables.ts';

const withSeconds = (context: ReportContext) => context.range.until - context.range.since < 2 * 3_600_000;

export function timelineTables(section: TimelineSection, context: ReportContext): AnyReportTable[] {
  return [
    incidentsTable(section, withSeconds(context)),
    changesTable(section, withSeconds(context)),
    pointsTable(section),
  ];
}

export function timelineBlocks(section: TimelineSection, context: ReportContext): Block[] {
  const [incidents, changes] = timelineTables(section, context);
  const warned = section.incidents.filter((i) => i.warnedAt !== null).length;
  const raised = section.changes.filter((c) => c.to === 'at-risk').length;
  const eventful = eventfulNodes(section);
  const blocks: Block[] = [
    facts([
      { label: 'Incidents', value: formatCount(section.incidents.length), detail: 'in the period' },
      {
        label: 'Warned of',
        value: formatCount(warned),
        detail: 'at risk within 2 h before they began',
      },
      { label: 'At-risk alarms', value: formatCount(raised), detail: 'rises to at-risk' },
      { label: 'Nodes predicted', value: formatCount(section.nodes.length) },
    ]),
  ];
  if (section.nodesLeftOut) {
    blocks.push(note(`${formatCount(section.nodesLeftOut)} more nodes were left out of the timeline.`));
  }
  if (eventful.length === 0) {
    blocks.push(note('Every node stayed healthy and no incident was recorded in the period.'));
  } else {
    blocks.push(
      heading('Per node'),
      note(
        `Probability of an incident (blue) and incidents (red, along the top)${
          eventful.length > chartedNodeLimit
            ? `, for the ${chartedNodeLimit} most eventful of ${eventful.length} nodes`
            : ''
        }; nodes that stayed healthy are left out.`,
      ),
      charts(nodeTimelineCharts(section, context)),
    );
  }
  if (section.incidents.length && incidents) blocks.push(heading('Incidents'), table(incidents));
  if (section.changes.length && changes) blocks.push(heading('Risk level changes'), table(changes));
  return blocks;
}
