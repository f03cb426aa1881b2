import { z } from 'zod';

/**
 * The protocol between the backend and the demo server's worker thread. The schema checks
 * `workerData`, which arrives untyped.
 */

export const demoThreadDataSchema = z.object({
  seed: z.number().int().optional(),
  nodes: z.number().int().positive().optional(),
  podsPerNode: z.number().int().nonnegative().optional(),
  speed: z.number().positive().optional(),
  /** A simulator preset and staged incidents (names are the simulator's to check). */
  preset: z.string().min(1).optional(),
  scenarios: z
    .array(
      z.object({
        family: z.string().min(1),
        onsetMs: z.number().nonnegative(),
        durationMs: z.number().positive().optional(),
        target: z.object({ node: z.string().min(1) }).optional(),
      }),
    )
    .optional(),
  /** Where the thread writes the kubeconfig for the server it started. */
  kubeconfigPath: z.string().min(1),
});
export type DemoThreadData = z.infer<typeof demoThreadDataSchema>;

/** Thread → parent. */
export type DemoThreadEvent =
  { kind: 'ready'; url: string; kubeconfigPath: string } | { kind: 'error'; message: string };

/** Parent → thread. */
export type DemoThreadCommand = { kind: 'stop' };

export function isDemoThreadCommand(value: unknown): value is DemoThreadCommand {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'stop';
}
