import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainClassifier, mulberry32, type ClassifierData } from '../../models/risk/classifier.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { RiskFeedbackStore, RiskModelRegistry, type Feedback } from '../../core/history/risk-stores.ts';
import { decideChampion } from '../../core/risk/champion.ts';
import { buildDataset, type RiskDataset } from '../../core/risk/dataset.ts';
import { chooseThreshold, modelScores } from '../../core/risk/evaluation.ts';
import { classLabels } from '../../core/risk/experiment.ts';
import { simulatedClusterHistory } from '../../core/risk/simulated-cluster.ts';
import { FEATURE_NAMES } from '../../core/risk/features.ts';
import { applyFeedback } from '../../core/risk/feedback-labels.ts';

const plan = { nodes: 8, hours: 16, incidentsPerDay: 24, severity: [0.1, 0.9] as [number, number] };
let train: RiskDataset;
let recent: RiskDataset;
let champion: ClassifierData;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'foresight-risk-training-'));
  // Memory leaks: the family whose warning shows in node usage, so a trained model has skill.
  train = buildDataset([1, 2].flatMap((seed) => simulatedClusterHistory(seed, ['memoryLeak'], plan)));
  recent = buildDataset(simulatedClusterHistory(77, ['memoryLeak'], plan));
  champion = await trainClassifier(train.features, classLabels(train), FEATURE_NAMES, {
    epochs: 20,
    seed: 1,
  });
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('risk model training', { timeout: 120_000 }, () => {
  it('does not let a worse challenger replace the champion, and lets a better one', async () => {
    // A challenger that learnt from shuffled labels: the same data, no skill.
    const rng = mulberry32(9);
    const shuffled = classLabels(train);
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] ?? 0, shuffled[i] ?? 0];
    }
    const worse = await trainClassifier(train.features, shuffled, FEATURE_NAMES, { epochs: 5, seed: 2 });
    // Each at the threshold its own training data allows (half a false alarm per node-day).
    const good = {
      classifier: champion,
      threshold: chooseThreshold(train, modelScores(champion, train).probability, 0.5),
    };
    const bad = {
      classifier: worse,
      threshold: chooseThreshold(train, modelScores(worse, train).probability, 0.5),
    };
    const keep = decideChampion(good, bad, recent);
    expect(keep.replace).toBe(false);
    expect(keep.reason).toMatch(/Kept the champion/);
    expect(keep.challengerPrAuc).toBeLessThan(keep.championPrAuc ?? 0);
    // The other way round with alarms off (a threshold no probability reaches): the ranking decides.
    const swap = decideChampion({ ...bad, threshold: 2 }, { ...good, threshold: 2 }, recent);
    expect(swap, swap.reason).toMatchObject({ replace: true });

    // The registry keeps the champion through a rejected challenger.
    const store = HistoryStore.open(join(dir, 'registry.db'));
    const registry = new RiskModelRegistry(store.database);
    const first = registry.register({
      createdAt: 1,
      champion: true,
      prAuc: keep.championPrAuc,
      bundle: '{}',
      decision: 'Replaced: there was no model yet.',
    });
    registry.register({
      createdAt: 2,
      champion: keep.replace,
      prAuc: keep.challengerPrAuc,
      bundle: '{}',
      decision: keep.reason,
    });
    expect(registry.champion()?.id).toBe(first);
    expect(registry.decisions().map((d) => d.replaced)).toEqual([false, true]);
    store.close();
  });

  it('stores feedback, and a retrain with it changes the model where the operator said "false alarm"', async () => {
    const store = HistoryStore.open(join(dir, 'feedback.db'));
    const feedbackStore = new RiskFeedbackStore(store.database);
    // The champion's most confident alarms that no incident followed: an operator calls them false.
    const scores = modelScores(champion, train).probability;
    const falseAlarms = Array.from({ length: train.length }, (_, i) => i)
      .filter((i) => !train.labels[i])
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0))
      .slice(0, 15);
    for (const i of falseAlarms) {
      feedbackStore.add({
        node: train.nodes[train.nodeOf[i] ?? 0] ?? '',
        at: train.times[i] ?? 0,
        verdict: 'false-alarm',
        givenAt: 1,
      });
    }
    expect(feedbackStore.totals()).toEqual({ useful: 0, falseAlarm: 15 });
    const stored: Feedback[] = feedbackStore.since(0);
    store.close();

    const { classes, weights, changed } = applyFeedback(train, stored);
    expect(changed).toBeGreaterThanOrEqual(15);
    const options = { epochs: 20, seed: 1 };
    const without = await trainClassifier(train.features, classLabels(train), FEATURE_NAMES, options);
    const withFeedback = await trainClassifier(train.features, classes, FEATURE_NAMES, {
      ...options,
      sampleWeights: weights,
    });
    const mean = (model: ClassifierData) => {
      const p = modelScores(model, train).probability;
      return falseAlarms.reduce((s, i) => s + (p[i] ?? 0), 0) / falseAlarms.length;
    };
    expect(mean(withFeedback)).toBeLessThan(mean(without));
  });
});
