import type { ReportSectionPlugin } from '../types.ts';
import { collectClusterSummary } from './collect.ts';
import type { ClusterSummary } from './model.ts';
import { clusterSummaryHtml, clusterSummaryPdf, clusterSummaryTables } from './render.ts';

/**
 * Always available: without history it still has the live snapshot, and without either it says
 * so rather than leaving a blank page.
 */
export const clusterSummarySection: ReportSectionPlugin<ClusterSummary> = {
  id: 'cluster-summary',
  title: 'Cluster summary',
  description: 'Nodes, capacity, usage and health now; CPU and memory over the period; what changed.',
  availability: () => ({ available: true }),
  collect: collectClusterSummary,
  tables: clusterSummaryTables,
  html: clusterSummaryHtml,
  pdf: clusterSummaryPdf,
};
