export { buildReport, NothingToReportError, type BuildRequest, type BuiltReport } from './build-report.ts';
export { collectReportData } from './collect.ts';
export { reportJsonSchema, reportJsonSchemaText } from './json-schema.ts';
export { reportDataSchema, reportSchemaVersion, type ReportData } from './model.ts';
export { parseDuration, resolvePeriod, DurationError } from './period.ts';
export { renderReport, type ReportFile } from './render.ts';
export { reportCatalog } from './sections/registry.ts';
export { printableServer, type ReportCluster, type ReportHistoryReads, type ReportSource } from './source.ts';
export { featureReadsFor } from './sections/registry.ts';
export {
  gatherReads,
  type Ask,
  type GatherOptions,
  type ReadDepth,
  type WorkerReads,
} from './reads/gather.ts';
export type { Answer, FeatureReads, NodeRiskHistory, PendingPlacement } from './reads/types.ts';
