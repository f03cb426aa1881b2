import { reportSectionIds, type ReportSectionId } from '../contract/reports.ts';
import {
  reportDataSchema,
  reportSchemaVersion,
  type OmittedSection,
  type ReportData,
  type ReportRange,
  type ReportSections,
} from './model.ts';
import {
  buildableSections,
  isBuildable,
  sectionAvailability,
  sectionTitle,
  type BuildableSectionId,
} from './sections/registry.ts';
import type { ReportContext, ReportSectionPlugin } from './sections/types.ts';
import type { ReportSource } from './source.ts';

export interface CollectOptions {
  sections: readonly ReportSectionId[];
  range: ReportRange;
  generatedAt: number;
  /** Called before each section is gathered, with its title. */
  onSection?: (title: string) => void;
}

/**
 * A plugin with its data type erased. The registry's type ties each id to its own model's
 * plugin, but TypeScript cannot follow that through a loop over ids; the model's schema checks
 * every section's data at the end of collection.
 */
function pluginOf(id: BuildableSectionId): ReportSectionPlugin<unknown> {
  return buildableSections[id] as ReportSectionPlugin<unknown>;
}

/**
 * Gathers the report model from the source: each requested section that is available, in report
 * order, and a note for each that is not. Checks the result against the published schema, so a
 * report that would not validate fails here, loudly, rather than in a reader's tooling.
 */
export function collectReportData(source: ReportSource, options: CollectOptions): ReportData {
  const context: ReportContext = { range: options.range, generatedAt: options.generatedAt };
  const requested = new Set(options.sections);
  const sections: ReportSections = {};
  const omitted: OmittedSection[] = [];
  for (const id of reportSectionIds) {
    if (!requested.has(id)) continue;
    const availability = sectionAvailability(id, source);
    if (!availability.available || !isBuildable(id)) {
      omitted.push({
        id,
        title: sectionTitle(id),
        reason: availability.available ? 'not built yet' : availability.reason,
      });
      continue;
    }
    options.onSection?.(sectionTitle(id));
    (sections as Record<BuildableSectionId, unknown>)[id] = pluginOf(id).collect(source, context);
  }
  const data: ReportData = {
    schemaVersion: reportSchemaVersion,
    title: `Cluster report: ${source.cluster.context}`,
    generatedAt: options.generatedAt,
    generator: { name: 'Foresight', version: source.version },
    cluster: source.cluster,
    period: options.range,
    sections,
    omitted,
  };
  return reportDataSchema.parse(data);
}

/** The ids of the sections a report holds, in report order. */
export function includedSections(data: ReportData): ReportSectionId[] {
  return reportSectionIds.filter((id) => isBuildable(id) && data.sections[id] !== undefined);
}

/** Calls `visit` for every section the report holds, with its plugin and its data. */
export function forEachSection(
  data: ReportData,
  visit: <Data>(plugin: ReportSectionPlugin<Data>, section: Data) => void,
): void {
  for (const id of includedSections(data)) {
    if (!isBuildable(id)) continue;
    const section: unknown = data.sections[id];
    if (section !== undefined) visit(pluginOf(id), section);
  }
}
