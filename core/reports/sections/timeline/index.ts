import { blocksHtml, blocksPdf } from '../../blocks.ts';
import type { ReportSource } from '../../source.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin, SectionAvailability } from '../types.ts';
import { collectTimeline } from './collect.ts';
import type { TimelineSection } from './model.ts';
import { timelineBlocks, timelineTables } from './render.ts';

/** The catalog asks only whether the risk engine has run; a build also reads each node's history. */
function availability(source: ReportSource): SectionAvailability {
  const risk = source.reads?.risk;
  const ran = answerAvailability(risk, 'no risk predictions');
  if (!ran.available || !risk?.ok) return ran;
  if (risk.value.risks.length === 0) {
    return {
      available: false,
      reason: 'no risk predictions yet: the risk engine has not run on this cluster',
    };
  }
  const timeline = source.reads?.timeline;
  return timeline === undefined ? { available: true } : answerAvailability(timeline, 'no risk history');
}

export const timelineSection: ReportSectionPlugin<TimelineSection> = {
  id: 'timeline',
  title: 'Timeline',
  description: 'Risk predictions and incidents over the period, per node, side by side.',
  needs: ['risk', 'timeline'],
  availability,
  collect: collectTimeline,
  tables: timelineTables,
  html: (section, context) => blocksHtml(timelineBlocks(section, context)),
  pdf: (writer, section, context) => blocksPdf(writer, timelineBlocks(section, context)),
};
