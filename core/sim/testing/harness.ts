/**
 * A bare simulated control plane for tests: an empty store, the shared cache and recorder, and
 * only the components a test asks for. Not a test file; nothing outside tests uses it.
 */
import { buildControlPlane, type ControlPlane } from '../control-plane.ts';
import { EventRecorder } from '../events/recorder.ts';
import { stableUid } from '../ids.ts';
import type { CoreEvent, Node, Pod, PodSpec } from '../kube/types.ts';
import { IncidentEffects } from '../load/effects.ts';
import { UsageModel } from '../load/usage-model.ts';
import { healthyNodeConditions } from '../objects/node-json.ts';
import { ClusterCache } from '../runtime/cluster-cache.ts';
import { NameGenerator, type Component, type SimContext } from '../runtime/context.ts';
import { keys } from '../store/api-resources.ts';
import type { KubeObject } from '../store/kube-object.ts';
import { ObjectStore } from '../store/object-store.ts';

export const T0 = Date.UTC(2025, 5, 2, 12, 0, 0);

export interface Harness {
  ctx: SimContext;
  store: ObjectStore;
  effects: IncidentEffects;
  /** Runs ticks up to `ms` after the current time. */
  advance(ms: number): void;
  now(): number;
  events(reason?: string): CoreEvent[];
  pods(namespace?: string): Pod[];
}

export function harness(
  build: (ctx: SimContext, effects: IncidentEffects) => Component[],
  seed = 1,
  tickMs = 1000,
): Harness {
  let now = T0;
  let uid = 0;
  const store = new ObjectStore({ now: () => now, newUid: () => stableUid(seed, 'runtime', uid++) });
  const effects = new IncidentEffects();
  const ctx: SimContext = {
    seed,
    store,
    cache: new ClusterCache(store),
    recorder: new EventRecorder(store, () => now),
    usage: new UsageModel(seed, T0, effects),
    names: new NameGenerator(seed),
    now: () => now,
    tickMs,
  };
  let components: Component[] | undefined;
  const ensure = () => {
    if (components) return components;
    ctx.cache.rebuild();
    components = build(ctx, effects);
    store.subscribe((e) => {
      ctx.cache.apply(e);
      for (const c of components ?? []) c.observe?.(e);
    });
    for (const c of components) c.start?.();
    return components;
  };
  return {
    ctx,
    store,
    effects,
    advance(ms) {
      const list = ensure();
      const until = now + ms;
      while (now + tickMs <= until) {
        now += tickMs;
        for (const c of list) c.tick(now);
      }
    },
    now: () => now,
    events: (reason) =>
      (store.list(keys.events) as CoreEvent[]).filter((e) => reason === undefined || e.reason === reason),
    pods: (namespace) => store.list(keys.pods, namespace) as Pod[],
  };
}

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: NonNullable<Node['spec']>['taints'];
  unschedulable?: boolean;
  index?: number;
}

/** A healthy worker node as the simulator materializes one. */
export function nodeJson(name: string, options: NodeOptions = {}): Node {
  const index = options.index ?? 1;
  const capacity = {
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '16Gi',
    pods: String(options.pods ?? 110),
    'ephemeral-storage': '100Gi',
  };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'topology.kubernetes.io/zone': `zone-${index % 3}`,
        ...options.labels,
      },
    },
    spec: {
      podCIDR: `10.64.${index}.0/24`,
      ...(options.taints ? { taints: options.taints } : {}),
      ...(options.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity,
      allocatable: capacity,
      conditions: healthyNodeConditions(T0, T0 - 86_400_000),
      addresses: [{ type: 'InternalIP', address: `10.0.0.${10 + index}` }],
    },
  };
}

export function containers(
  cpu = '100m',
  memory = '64Mi',
  extra: Partial<PodSpec['containers'][number]> = {},
): PodSpec['containers'] {
  return [{ name: 'app', image: 'example/app:1.0', resources: { requests: { cpu, memory } }, ...extra }];
}

export function deploymentJson(
  name: string,
  replicas: number,
  spec: Partial<PodSpec> = {},
  extra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: containers(), ...spec } },
      ...extra,
    },
  };
}

export function podJson(name: string, spec: Partial<PodSpec> = {}, labels: Record<string, string> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', labels },
    spec: { containers: containers(), ...spec },
  };
}

/** The whole control plane (controllers, scheduler, kubelets) over the given nodes. */
export function clusterHarness(
  nodes: readonly Node[],
  seed = 1,
  tickMs = 1000,
): Harness & { plane: ControlPlane } {
  let plane: ControlPlane | undefined;
  const h = harness(
    (ctx, effects) => {
      plane = buildControlPlane(ctx, effects, [], T0);
      return plane.components;
    },
    seed,
    tickMs,
  );
  h.store.load(keys.nodes, nodes);
  h.advance(0);
  return Object.assign(h, {
    get plane(): ControlPlane {
      return plane as ControlPlane;
    },
  });
}
