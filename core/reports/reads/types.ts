import type { AuditRecord } from '../../contract/actions.ts';
import type { NodeRisk, RiskIncident, RiskLevel, RiskModelInfo } from '../../contract/risk.ts';
import type { PlacementAnswerInfo } from '../../contract/placement.ts';
import type { ScalingAdviceInfo, ScalingWorkloadRef } from '../../contract/scaling.ts';

/** What the worker answered a question with: the value, or why there is none, in words. */
export type Answer<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface WorkloadAdvice {
  workload: ScalingWorkloadRef;
  /** The Scaling page's advice, or why there is none yet (too little usage recorded). */
  advice: Answer<ScalingAdviceInfo>;
}

/** One node's predictions and incidents since the period began (the node page's risk chart). */
export interface NodeRiskHistory {
  node: string;
  points: Array<{ at: number; probability: number; level: RiskLevel }>;
  incidents: RiskIncident[];
}

/** Each pending pod's ranking as the Placement page gives it (never recorded), or why it has none. */
export interface PendingPlacement {
  /** Pending pods in the cluster; more than `advised` when over the limit. */
  pending: number;
  advised: Array<{ namespace: string; name: string; answer: PlacementAnswerInfo | string }>;
}

/**
 * What Foresight's features know, read through the contract methods their pages call (so a
 * report shows what the app shows). Each is read only when a section needs it; undefined means
 * it was not asked, an Answer with ok: false that the feature could not say.
 */
export interface FeatureReads {
  /** The most recent actions, newest first (the audit log the Actions page reads). */
  audit?: Answer<{ records: AuditRecord[]; limit: number }>;
  /** The latest risk of every node (the Nodes page's risk column). */
  risk?: Answer<{ at: number | null; risks: NodeRisk[] }>;
  /** The model in use and its evaluation (the Model page). */
  model?: Answer<RiskModelInfo>;
  /** Per node, predictions and incidents from the period's start; only when the timeline is built. */
  timeline?: Answer<{ since: number; nodes: NodeRiskHistory[]; nodesLeftOut: number }>;
  /** Pending pods: their count for the catalog; their advice when the placement section is built. */
  placement?: Answer<{ pending: number; advice?: PendingPlacement }>;
  /** Workloads with recorded usage; `advice` only when the scaling section is built. */
  scaling?: Answer<{ workloads: ScalingWorkloadRef[]; advice?: WorkloadAdvice[] }>;
}

export type FeatureRead = keyof FeatureReads;
