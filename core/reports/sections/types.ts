import type { ReportSectionId } from '../../contract/reports.ts';
import type { ReportRange } from '../model.ts';
import type { PdfWriter } from '../pdf-writer.ts';
import type { FeatureRead } from '../reads/types.ts';
import type { ReportSource } from '../source.ts';
import type { AnyReportTable } from '../table.ts';

export type SectionAvailability = { available: true } | { available: false; reason: string };

/** What every section renderer may know about the report around it. */
export interface ReportContext {
  range: ReportRange;
  generatedAt: number;
}

/**
 * One report section: how to tell whether it can be built, how to gather its data from the
 * source, and how to write that data in each format. A feature adds its section by adding one
 * of these to the registry (and its data schema to model.ts).
 */
export interface ReportSectionPlugin<Data> {
  id: ReportSectionId;
  title: string;
  description: string;
  /** What it reads from Foresight's features besides history and the snapshot. */
  needs?: readonly FeatureRead[];
  availability(source: ReportSource): SectionAvailability;
  collect(source: ReportSource, context: ReportContext): Data;
  /** Tables, each a CSV file and a table in HTML/PDF. */
  tables(data: Data, context: ReportContext): AnyReportTable[];
  html(data: Data, context: ReportContext): string;
  pdf(writer: PdfWriter, data: Data, context: ReportContext): void;
}

/** A section whose feature has not landed: listed, never built. */
export interface PlannedSection {
  id: ReportSectionId;
  title: string;
  description: string;
  /** Named in "available when <feature> lands". */
  feature: string;
}
