import { blocksHtml, blocksPdf } from '../../blocks.ts';
import type { ReportSource } from '../../source.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin, SectionAvailability } from '../types.ts';
import { collectScaling } from './collect.ts';
import type { ScalingSection } from './model.ts';
import { scalingBlocks, scalingTables } from './render.ts';

function availability(source: ReportSource): SectionAvailability {
  const scaling = source.reads?.scaling;
  const answer = answerAvailability(scaling, 'no scaling advice');
  if (!answer.available || !scaling?.ok) return answer;
  if (scaling.value.workloads.length === 0) {
    return {
      available: false,
      reason:
        'no workload usage is recorded yet: scaling advice needs per-workload usage from history (keep Foresight connected)',
    };
  }
  return { available: true };
}

/** Available once history holds usage of at least one Deployment or StatefulSet. */
export const scalingSection: ReportSectionPlugin<ScalingSection> = {
  id: 'scaling',
  title: 'Scaling and right-sizing',
  description: 'Replica, HPA and request recommendations, with what they cost or save.',
  needs: ['scaling'],
  availability,
  collect: collectScaling,
  tables: scalingTables,
  html: (section) => blocksHtml(scalingBlocks(section)),
  pdf: (writer, section) => blocksPdf(writer, scalingBlocks(section)),
};
