import { z } from 'zod';
import { appStatusSchema, nodeSamplePointSchema, nodesSnapshotSchema } from './model.ts';

/**
 * The requests the UI may make: for each method, the schema of its params and of its result.
 * Adding a capability starts here (DESIGN.md, "Contract first").
 */
export const methods = {
  'app.status': {
    params: z.object({}).strict(),
    result: appStatusSchema,
  },
  'nodes.list': {
    params: z.object({}).strict(),
    result: nodesSnapshotSchema,
  },
  'history.nodeSeries': {
    params: z
      .object({
        node: z.string().min(1).max(253),
        /** Epoch ms; defaults to one hour ago. */
        since: z.number().int().nonnegative().optional(),
        /** At most this many points, newest kept. */
        limit: z.number().int().positive().max(100_000).optional(),
      })
      .strict(),
    result: z.object({ node: z.string(), points: z.array(nodeSamplePointSchema) }),
  },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.infer<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.infer<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
