import { z } from 'zod';
import {
  appStatusSchema,
  lifecycleEventSchema,
  nodeSamplePointSchema,
  nodesSnapshotSchema,
} from './model.ts';
import { contextRefSchema, contextsListSchema } from './contexts.ts';
import { riskMethods } from './risk.ts';
import { settingsMethods } from './settings.ts';
import { placementMethods } from './placement.ts';
import { actionsMethods } from './actions.ts';
import { scalingMethods } from './scaling.ts';
import { nodesMethods } from './nodes.ts';
import { reportsBuildParamsSchema, reportsBuildResultSchema, reportsCatalogResultSchema } from './reports.ts';

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
  /** What happened to a node and its pods: restarts, OOMKills, evictions, condition changes. */
  'history.nodeEvents': {
    params: z
      .object({
        node: z.string().min(1).max(253),
        /** Epoch ms; defaults to seven days ago. */
        since: z.number().int().nonnegative().optional(),
        limit: z.number().int().positive().max(10_000).optional(),
      })
      .strict(),
    result: z.object({ node: z.string(), events: z.array(lifecycleEventSchema) }),
  },
  /** The contexts of the merged kubeconfig and the demo, and which one is connected. */
  'contexts.list': {
    params: z.object({}).strict(),
    result: contextsListSchema,
  },
  /** Connects to another context (or the demo) without a restart; the choice is remembered. */
  'contexts.select': {
    params: contextRefSchema,
    result: contextsListSchema,
  },
  /** Which report sections exist and which are available yet. */
  'reports.catalog': {
    params: z.object({}).strict(),
    result: reportsCatalogResultSchema,
  },
  /** Builds a report file; progress arrives as `reportProgress` events. */
  'reports.build': {
    params: reportsBuildParamsSchema,
    result: reportsBuildResultSchema,
  },
  ...settingsMethods,
  ...riskMethods,
  ...placementMethods,
  ...actionsMethods,
  ...scalingMethods,
  ...nodesMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.infer<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.infer<Methods[M]['result']>;

/**
 * Methods that may legitimately take longer than a hop's usual deadline: a report over days of
 * history of a large cluster reads and draws a lot. Every hop (the renderer's transports, the
 * worker bridge) asks here, so a slow method is declared once.
 */
const slowMethodTimeoutMs: Partial<Record<MethodName, number>> = {
  'reports.build': 180_000,
  // Training a challenger on a week of a large cluster's history.
  'risk.train': 300_000,
};

/** How long to wait for a reply to `method`, given the hop's usual deadline. */
export function methodTimeoutMs(method: string, usualMs: number): number {
  const slow = isMethodName(method) ? slowMethodTimeoutMs[method] : undefined;
  return slow === undefined ? usualMs : Math.max(slow, usualMs);
}

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
