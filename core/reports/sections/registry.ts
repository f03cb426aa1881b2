import type { ReportSectionId, ReportSectionInfo } from '../../contract/reports.ts';
import { reportSectionIds } from '../../contract/reports.ts';
import type { ReportSections } from '../model.ts';
import type { FeatureRead } from '../reads/types.ts';
import type { ReportSource } from '../source.ts';
import { auditLogSection } from './audit-log/index.ts';
import { clusterSummarySection } from './cluster-summary/index.ts';
import { evaluationSection } from './evaluation/index.ts';
import { nodeRiskSection } from './node-risk/index.ts';
import { placementSection } from './placement/index.ts';
import { plannedSections } from './planned.ts';
import { scalingSection } from './scaling/index.ts';
import { timelineSection } from './timeline/index.ts';
import type { ReportSectionPlugin, SectionAvailability } from './types.ts';

/** The sections that can be built, keyed by id; each key's data type is its model's. */
export type BuildableSections = {
  [K in keyof ReportSections]-?: ReportSectionPlugin<NonNullable<ReportSections[K]>>;
};

export const buildableSections: BuildableSections = {
  'cluster-summary': clusterSummarySection,
  'node-risk': nodeRiskSection,
  timeline: timelineSection,
  placement: placementSection,
  scaling: scalingSection,
  evaluation: evaluationSection,
  'audit-log': auditLogSection,
};

export type BuildableSectionId = keyof BuildableSections;

export function isBuildable(id: ReportSectionId): id is BuildableSectionId {
  return Object.prototype.hasOwnProperty.call(buildableSections, id);
}

/** What the given sections read from Foresight's features, each read once. */
export function featureReadsFor(ids: readonly ReportSectionId[]): Set<FeatureRead> {
  return new Set(ids.flatMap((id) => (isBuildable(id) ? (buildableSections[id].needs ?? []) : [])));
}

function planned(id: ReportSectionId) {
  return plannedSections.find((section) => section.id === id);
}

/** Whether a section can go into a report from this source, and if not, why. */
export function sectionAvailability(
  id: ReportSectionId,
  source: ReportSource | undefined,
): SectionAvailability {
  if (isBuildable(id)) {
    return source ? buildableSections[id].availability(source) : { available: true };
  }
  const feature = planned(id)?.feature ?? id;
  return { available: false, reason: `available when ${feature} lands` };
}

export function sectionTitle(id: ReportSectionId): string {
  return isBuildable(id) ? buildableSections[id].title : (planned(id)?.title ?? id);
}

/** Every section in report order, with whether it is available: what the Reports page lists. */
export function reportCatalog(source?: ReportSource): ReportSectionInfo[] {
  return reportSectionIds.map((id) => {
    const availability = sectionAvailability(id, source);
    const description = isBuildable(id)
      ? buildableSections[id].description
      : (planned(id)?.description ?? '');
    return {
      id,
      title: sectionTitle(id),
      description,
      available: availability.available,
      ...(availability.available ? {} : { reason: availability.reason }),
    };
  });
}
