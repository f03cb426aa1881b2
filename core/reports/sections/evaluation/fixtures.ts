import type { RiskModelInfo, ScorerEvaluationData } from '../../../contract/risk.ts';
import type { FeatureReads } from '../../reads/types.ts';

/** A scorer's evaluation with a ROC curve of `rocPoints` points along y = x^shape. */
function scorer(shape: number, rocPoints: number, auc: number): ScorerEvaluationData {
  const curve = Array.from({ length: rocPoints }, (_, i) => {
    const x = i / (rocPoints - 1);
    return { x, y: x ** shape, threshold: 1 - x };
  });
  return {
    points: 1000,
    positives: 100,
    roc: { points: curve, auc },
    pr: { points: curve.map((p) => ({ x: p.x, y: 1 - p.x * 0.8, threshold: p.threshold })), auc: auc - 0.2 },
    incidentPr: { points: [], auc: auc - 0.1 },
    confusion: { threshold: 0.5, tp: 60, fp: 20, tn: 880, fn: 40 },
    perClass: [
      { label: 'resource-exhaustion', precision: 0.7, recall: 0.6, f1: 0.646, support: 50 },
      { label: 'node-down', precision: 0.5, recall: 0.4, f1: 0.444, support: 10 },
    ],
    calibration: [],
    alarms: {
      threshold: 0.5,
      incidents: 12,
      warned: 9,
      leadMinutes: [5, 7, 9],
      medianLeadMinutes: 7,
      falseAlarms: 4,
      nodeDays: 8,
      falseAlarmsPerNodeDay: 0.5,
    },
  };
}

export function storyModelInfo(): RiskModelInfo {
  return {
    origin: 'trained',
    trainedAt: Date.UTC(2025, 2, 13, 8),
    trainedOn: '14 days of this cluster’s history',
    threshold: 0.42,
    featureNames: ['cpu_trend', 'memory_trend', 'disk_fill', 'restarts'],
    evaluations: [
      { dataset: 'held-out seeds 101-102', model: scorer(0.3, 500, 0.91), baseline: scorer(1, 3, 0.6) },
    ],
    importance: [
      { feature: 'memory_trend', prAucDrop: 0.02 },
      { feature: 'disk_fill', prAucDrop: 0.11 },
      { feature: 'restarts', prAucDrop: -0.001 },
    ],
    feedback: { useful: 3, falseAlarm: 1 },
    decisions: [{ at: Date.UTC(2025, 2, 13, 8), replaced: true, reason: 'challenger PR-AUC 0.71 > 0.66' }],
  };
}

export function storyModelReads(): FeatureReads['model'] {
  return { ok: true, value: storyModelInfo() };
}
