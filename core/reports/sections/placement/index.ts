import { blocksHtml, blocksPdf } from '../../blocks.ts';
import { answerAvailability } from '../availability.ts';
import type { ReportSectionPlugin } from '../types.ts';
import { collectPlacement } from './collect.ts';
import type { PlacementSection } from './model.ts';
import { placementBlocks, placementTables } from './render.ts';

/** Available whenever the cluster's pods can be read: no pending pod is a finding too. */
export const placementSection: ReportSectionPlugin<PlacementSection> = {
  id: 'placement',
  title: 'Placement advice',
  description: 'Where each pending pod should go, and why.',
  needs: ['placement'],
  availability: (source) => answerAvailability(source.reads?.placement, 'no placement advice'),
  collect: collectPlacement,
  tables: placementTables,
  html: (section) => blocksHtml(placementBlocks(section)),
  pdf: (writer, section) => blocksPdf(writer, placementBlocks(section)),
};
