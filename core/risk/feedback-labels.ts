import { RISK_CLASSES } from '../../models/risk/classifier.ts';
import type { RiskKind } from '../contract/risk.ts';
import type { Feedback } from '../history/risk-stores.ts';
import type { RiskDataset } from './dataset.ts';

/** How far around an alert a verdict applies: the alert and the minutes that led to it. */
export const FEEDBACK_WINDOW_MS = 15 * 60_000;
/** A point an operator judged weighs this much more than one nobody looked at. */
export const FEEDBACK_WEIGHT = 5;

/**
 * Folds operators' verdicts into training data. Observed outcomes win: a point before a real
 * incident stays positive whatever the verdict. Otherwise a "false alarm" confirms the point as
 * negative and weighs it more; "useful" without an incident (the operator acted in time) makes
 * the point positive, of the kind the alert predicted.
 */
export function applyFeedback(
  dataset: RiskDataset,
  feedback: readonly (Feedback & { kind?: RiskKind })[],
): { classes: Uint8Array; weights: Float32Array; changed: number } {
  const classes = Uint8Array.from(dataset.kinds, (k) => Math.max(0, RISK_CLASSES.indexOf(k)));
  const weights = new Float32Array(dataset.length).fill(1);
  let changed = 0;
  const byNode = new Map<string, (Feedback & { kind?: RiskKind })[]>();
  for (const f of feedback) byNode.set(f.node, [...(byNode.get(f.node) ?? []), f]);
  for (let i = 0; i < dataset.length; i++) {
    const verdicts = byNode.get(dataset.nodes[dataset.nodeOf[i] ?? 0] ?? '');
    if (!verdicts) continue;
    const t = dataset.times[i] ?? 0;
    const verdict = verdicts.find((f) => t <= f.at && f.at - t <= FEEDBACK_WINDOW_MS);
    if (!verdict || dataset.labels[i]) continue;
    weights[i] = FEEDBACK_WEIGHT;
    if (verdict.verdict === 'useful') {
      classes[i] =
        ['resource-exhaustion', 'pod-failures', 'network', 'node-down'].indexOf(
          verdict.kind ?? 'resource-exhaustion',
        ) + 1;
    }
    changed++;
  }
  return { classes, weights, changed };
}
