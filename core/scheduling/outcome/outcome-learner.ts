import type { HistoryStore } from '../../history/store.ts';
import type { PlacementSignals } from '../advisors/signals.ts';
import type { NodeInfo } from '../node-info.ts';
import { nodeFeatures, outcomeDataset } from './outcome-dataset.ts';
import { trainOutcomeModel, type OutcomeModel } from './outcome-model.ts';

const RETRAIN_MS = 3_600_000;

/**
 * Online learning: retrains the outcome model from history at most once an hour (new outcomes
 * resolve a day after each placement), and turns it into a per-node chance for the advice.
 */
export class OutcomeLearner {
  private model: OutcomeModel | string = 'not trained yet';
  private trainedAt = -Infinity;
  private trainedOn: HistoryStore | undefined;

  async signals(
    history: HistoryStore | undefined,
    nodes: readonly NodeInfo[],
    base: PlacementSignals,
    now: number,
  ): Promise<Pick<PlacementSignals, 'outcome' | 'outcomeProblem'>> {
    if (!history) return { outcomeProblem: 'no history database to learn from' };
    if (history !== this.trainedOn || now - this.trainedAt >= RETRAIN_MS) {
      this.trainedOn = history;
      this.trainedAt = now;
      this.model = await trainOutcomeModel(outcomeDataset(history, nodes, now));
    }
    const model = this.model;
    if (typeof model === 'string') return { outcomeProblem: model };
    const outcome = new Map<string, number>();
    for (const node of nodes)
      outcome.set(
        node.name,
        model.predict(nodeFeatures(node, base.usage?.get(node.name), base.disruptions?.get(node.name))),
      );
    return { outcome };
  }
}
