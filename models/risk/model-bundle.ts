import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { modelEvaluationSchema } from '../../core/contract/risk.ts';
import { classifierMembers, type ClassifierData, type ClassifierWeights } from './classifier.ts';

/**
 * A risk model as stored, shipped and registered: the classifier's weights, the alarm threshold
 * chosen with it, what it was trained on and how it did. Validated on load, so a damaged or
 * foreign file is refused with a reason instead of predicting nonsense.
 */
const weightsSchema = z.object({
  hidden: z.array(z.number().int().positive()),
  mean: z.array(z.number()),
  std: z.array(z.number()),
  layers: z
    .array(
      z.object({
        inputs: z.number().int().positive(),
        units: z.number().int().positive(),
        kernel: z.array(z.number()),
        bias: z.array(z.number()),
      }),
    )
    .min(1),
});

const classifierSchema = z.object({
  format: z.literal('foresight-risk-mlp'),
  version: z.literal(1),
  featureNames: z.array(z.string()).min(1),
  classes: z.array(z.string()).min(2),
  ...weightsSchema.shape,
  /** A seed ensemble's other members; absent in single-network bundles. */
  ensemble: z.array(weightsSchema).min(1).optional(),
  calibration: z.object({ slope: z.number(), intercept: z.number() }).optional(),
});

export const modelBundleSchema = z.object({
  classifier: classifierSchema,
  threshold: z.number().min(0).max(1),
  /** Epoch ms; null for the shipped default (so rebuilding it gives the same file). */
  trainedAt: z.number().nullable(),
  trainedOn: z.string(),
  evaluations: z.array(modelEvaluationSchema),
  importance: z.array(z.object({ feature: z.string(), prAucDrop: z.number() })),
});
export type ModelBundle = z.infer<typeof modelBundleSchema> & { classifier: ClassifierData };

/**
 * Checks the weights fit together and every input the model reads is one this version computes
 * (`computable`). A model reads its inputs by name, so one trained before a feature was added
 * keeps working; one that reads a feature this version no longer computes must be retrained.
 */
export function parseModelBundle(json: unknown, computable: readonly string[]): ModelBundle {
  const parsed = modelBundleSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `not a Foresight risk model: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  }
  const bundle = parsed.data as ModelBundle;
  const c = bundle.classifier;
  const unknown = c.featureNames.filter((name) => !computable.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `the risk model was trained on features this Foresight does not compute (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}); retrain it.`,
    );
  }
  for (const [m, member] of classifierMembers(c).entries()) checkNetwork(member, c, m);
  return bundle;
}

/** One network's layers chain from the features to the classes; `m` > 0 names an ensemble member. */
function checkNetwork(network: ClassifierWeights, c: ClassifierData, m: number): void {
  const which = m === 0 ? "the risk model's" : `the risk model's ensemble member ${m + 1}:`;
  let inputs = c.featureNames.length;
  for (const [i, layer] of network.layers.entries()) {
    if (
      layer.inputs !== inputs ||
      layer.kernel.length !== layer.inputs * layer.units ||
      layer.bias.length !== layer.units
    )
      throw new Error(`${which} layer ${i + 1} does not fit its neighbours; the file is damaged.`);
    inputs = layer.units;
  }
  if (
    inputs !== c.classes.length ||
    network.mean.length !== c.featureNames.length ||
    network.std.length !== c.featureNames.length
  )
    throw new Error(`${which} classes or scaling do not match; the file is damaged.`);
}

export async function loadModelBundle(path: string, computable: readonly string[]): Promise<ModelBundle> {
  return parseModelBundle(JSON.parse(await readFile(path, 'utf8')), computable);
}

/** Numbers rounded to 6 significant digits: a smaller file, and the same on every machine. */
export function serializeModelBundle(bundle: ModelBundle): string {
  return JSON.stringify(bundle, (_, value: unknown) =>
    typeof value === 'number' ? (Number.isFinite(value) ? Number(value.toPrecision(6)) : null) : value,
  );
}

export async function saveModelBundle(path: string, bundle: ModelBundle): Promise<void> {
  await writeFile(path, serializeModelBundle(bundle) + '\n');
}
