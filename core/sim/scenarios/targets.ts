import { keys } from '../store/api-resources.ts';
import { controllerRef, isPodReady } from '../kube/pods.ts';
import type { Deployment, Node, Pod } from '../kube/types.ts';
import type { ScenarioEnv, ScenarioSpec } from './scenario.ts';

/**
 * Choosing what an incident hits, from what exists at its onset, deterministically: candidates
 * in API order, one picked by the incident's own random draw. An explicit target in the spec
 * wins when it exists.
 */

const APP_NAMESPACES = new Set(['shop', 'payments', 'monitoring', 'default']);
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

function pick<T>(items: readonly T[], draw: number): T | undefined {
  return items.length === 0 ? undefined : items[Math.min(items.length - 1, Math.floor(draw * items.length))];
}

function nodeReady(node: Node): boolean {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
}

/** Running, ready application pods of Deployments, optionally filtered. */
export function pickPod(
  env: ScenarioEnv,
  spec: ScenarioSpec,
  accept: (pod: Pod) => boolean = () => true,
  draw = 0,
): Pod | undefined {
  const { store } = env.ctx;
  if (spec.target?.name) {
    const named = store.get(keys.pods, spec.target.namespace ?? 'default', spec.target.name) as
      Pod | undefined;
    if (named) return named;
  }
  const candidates = (store.list(keys.pods) as Pod[]).filter(
    (p) =>
      APP_NAMESPACES.has(p.metadata.namespace ?? '') &&
      controllerRef(p)?.kind === 'ReplicaSet' &&
      p.status?.phase === 'Running' &&
      isPodReady(p) &&
      !p.metadata.deletionTimestamp &&
      (spec.target?.node === undefined || p.spec.nodeName === spec.target.node) &&
      accept(p),
  );
  const free = candidates.filter((p) => !env.busyNodes.has(p.spec.nodeName ?? ''));
  return pick(free.length > 0 ? free : candidates, env.random(draw));
}

/** A ready worker with application pods on it. */
export function pickNode(env: ScenarioEnv, spec: ScenarioSpec, draw = 0): Node | undefined {
  const { store, cache } = env.ctx;
  if (spec.target?.node) {
    const named = store.get(keys.nodes, undefined, spec.target.node) as Node | undefined;
    if (named) return named;
  }
  const candidates = (cache.nodes() as Node[]).filter(
    (n) =>
      n.metadata.labels?.[CONTROL_PLANE_LABEL] === undefined &&
      nodeReady(n) &&
      cache
        .podsOn(n.metadata.name ?? '')
        .some((p) => APP_NAMESPACES.has(p.metadata.namespace ?? '') && p.status?.phase === 'Running'),
  );
  const free = candidates.filter((n) => !env.busyNodes.has(n.metadata.name ?? ''));
  return pick(free.length > 0 ? free : candidates, env.random(draw));
}

/** An application Deployment, preferring ones an HPA scales. */
export function pickDeployment(env: ScenarioEnv, spec: ScenarioSpec, draw = 0): Deployment | undefined {
  const { store } = env.ctx;
  if (spec.target?.name) {
    const named = store.get(keys.deployments, spec.target.namespace ?? 'default', spec.target.name) as
      Deployment | undefined;
    if (named) return named;
  }
  const deployments = (store.list(keys.deployments) as Deployment[]).filter((d) =>
    APP_NAMESPACES.has(d.metadata.namespace ?? ''),
  );
  const scaled = new Set(
    store
      .list(keys.horizontalpodautoscalers)
      .map(
        (h) =>
          `${h.metadata.namespace}/${(h['spec'] as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name ?? ''}`,
      ),
  );
  const withHpa = deployments.filter((d) => scaled.has(`${d.metadata.namespace}/${d.metadata.name}`));
  return pick(withHpa.length > 0 ? withHpa : deployments, env.random(draw));
}

/** Pods on a node that are running, in API order. */
export function runningPodsOn(env: ScenarioEnv, node: string): Pod[] {
  return env.ctx.cache
    .podsOn(node)
    .filter((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp);
}
