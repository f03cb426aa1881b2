/**
 * `npm run train:default`: rebuilds the risk model shipped with the app (models/risk/default/)
 * from simulator clusters with randomized incidents. Seeded throughout, so a rerun on the same
 * tfjs backend gives the same file.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdir, writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { serializeModelBundle } from '../models/risk/model-bundle.ts';
import { loadTf } from '../models/tf-backend.ts';
import { evaluationData } from '../core/risk/evaluation-data.ts';
import { DEFAULT_PLAN, runExperiment } from '../core/risk/experiment.ts';
import { formatExperiment } from '../core/risk/evaluation-text.ts';

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'models',
  'risk',
  'default',
  'risk-model.json',
);
const { backend } = await loadTf();
const report = await runExperiment(DEFAULT_PLAN, (line) => process.stderr.write(line + '\n'));
const plan = report.plan;
await mkdir(dirname(out), { recursive: true });
const bundle = serializeModelBundle({
  classifier: report.model,
  threshold: report.threshold,
  trainedAt: null,
  trainedOn:
    `simulator seeds ${plan.trainSeeds.join(',')}, ${plan.nodes} nodes × ${plan.hours} h each, ` +
    `${plan.incidentsPerDay} randomized incidents per day of ${report.trainedFamilies.join(', ')} ` +
    `(tfjs ${backend} backend)`,
  evaluations: [
    evaluationData(`held-out simulator seeds ${plan.testSeeds.join(',')}, every family`, report.heldOut),
    evaluationData(
      `held-out seeds, only ${plan.unseenFamilies.join(', ')} (never seen in training)`,
      report.unseen,
    ),
  ],
  importance: report.importance,
});
// Formatted as the repository's Prettier check expects, so a rebuilt model passes `npm run lint`.
await writeFile(out, await format(bundle, { ...(await resolveConfig(out)), parser: 'json' }));
process.stdout.write(formatExperiment(report) + `\n\nWrote ${out}\n`);
