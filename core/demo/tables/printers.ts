import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps.ts';
import { horizontalPodAutoscalerPrinter } from './autoscaling.ts';
import { jobPrinter } from './batch.ts';
import { configMapPrinter, defaultPrinter, eventPrinter, namespacePrinter, servicePrinter } from './core.ts';
import { nodePrinter } from './nodes.ts';
import { podPrinter } from './pods.ts';
import { podDisruptionBudgetPrinter } from './policy.ts';
import type { Printer } from './table.ts';

/** Printers by store key (`group/plural`). */
const PRINTERS: Readonly<Record<string, Printer>> = {
  '/nodes': nodePrinter,
  '/pods': podPrinter,
  '/namespaces': namespacePrinter,
  '/events': eventPrinter,
  '/services': servicePrinter,
  '/configmaps': configMapPrinter,
  'apps/deployments': deploymentPrinter,
  'apps/replicasets': replicaSetPrinter,
  'apps/statefulsets': statefulSetPrinter,
  'apps/daemonsets': daemonSetPrinter,
  'batch/jobs': jobPrinter,
  'policy/poddisruptionbudgets': podDisruptionBudgetPrinter,
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerPrinter,
};

export function printerFor(resourceKey: string): Printer {
  return PRINTERS[resourceKey] ?? defaultPrinter;
}
