import type { z } from 'zod';
import { connectionStatusSchema, historyStatusSchema, nodesSnapshotSchema } from './model.ts';
import { reportProgressSchema } from './reports.ts';
import { contextsListSchema } from './contexts.ts';
import { riskEvents } from './risk.ts';
import { placementEvents } from './placement.ts';
import { actionsEvents } from './actions.ts';
import { scalingEvents } from './scaling.ts';

/** Events the backend pushes to the UI without being asked. */
export const events = {
  connection: connectionStatusSchema,
  history: historyStatusSchema,
  nodes: nodesSnapshotSchema,
  reportProgress: reportProgressSchema,
  /** The context list changed: a kubeconfig file changed, or another context was selected. */
  contexts: contextsListSchema,
  ...riskEvents,
  ...placementEvents,
  ...actionsEvents,
  ...scalingEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.infer<Events[E]>;
