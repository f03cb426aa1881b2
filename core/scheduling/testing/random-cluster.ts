import type {
  ContainerSpec,
  NodeObject,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodObject,
  ResourceList,
  Taint,
  TaintEffect,
  Toleration,
} from '../kube-objects.ts';

/**
 * A seeded random cluster and random pods for parity tests of the ranking: nodes with every kind
 * of resource (extended, hugepages, ephemeral storage, none at all), labels, taints of every
 * effect and cordons; pods with init containers, sidecars, overhead, missing and zero requests,
 * node selectors, required and preferred affinity with every operator, and tolerations.
 */

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;

const ZONES = ['zone-a', 'zone-b', 'zone-c'];
const DISKS = ['ssd', 'hdd'];
const EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const TAINT_KEYS = ['dedicated', 'example.com/batch', 'gpu', 'node.kubernetes.io/unschedulable'];
const TAINT_VALUES = [undefined, 'gpu', 'batch', 'true'];
const SCALARS = ['nvidia.com/gpu', 'hugepages-2Mi', 'example.com/fpga'];

function nodeAllocatable(random: Random): ResourceList {
  const list: ResourceList = {};
  if (!chance(random, 0.03)) list['cpu'] = pick(random, ['2', '4', '8', '16', '3500m', '0']);
  if (!chance(random, 0.03)) list['memory'] = pick(random, ['4Gi', '8Gi', '16Gi', '32Gi', '6000Mi']);
  if (chance(random, 0.5)) list['ephemeral-storage'] = pick(random, ['20Gi', '100Gi']);
  list['pods'] = chance(random, 0.05) ? '2' : pick(random, ['110', '30', '8']);
  for (const name of SCALARS) if (chance(random, 0.2)) list[name] = pick(random, ['1', '2', '4', '1Gi']);
  return list;
}

function taints(random: Random): Taint[] {
  const out: Taint[] = [];
  const count = chance(random, 0.75) ? 0 : Math.floor(random() * 3) + 1;
  for (let i = 0; i < count; i++) {
    const value = pick(random, TAINT_VALUES);
    out.push({ key: pick(random, TAINT_KEYS), effect: pick(random, EFFECTS), ...(value ? { value } : {}) });
  }
  return out;
}

export function randomNodes(random: Random, count: number): NodeObject[] {
  return Array.from({ length: count }, (_, i) => {
    const labels: Record<string, string> = { 'kubernetes.io/hostname': `node-${i}` };
    if (!chance(random, 0.1)) labels['topology.kubernetes.io/zone'] = pick(random, ZONES);
    if (chance(random, 0.5)) labels['disk'] = pick(random, DISKS);
    if (chance(random, 0.5)) labels['cores'] = String(Math.floor(random() * 64));
    if (chance(random, 0.1)) labels['cores'] = 'many';
    return {
      metadata: { name: `node-${i}`, labels },
      spec: { taints: taints(random), ...(chance(random, 0.05) ? { unschedulable: true } : {}) },
      status: { allocatable: nodeAllocatable(random) },
    };
  });
}

function requests(random: Random): ResourceList | undefined {
  if (chance(random, 0.15)) return undefined;
  const list: ResourceList = {};
  if (!chance(random, 0.2)) list['cpu'] = pick(random, ['0', '50m', '100m', '250m', '1', '1500m']);
  if (!chance(random, 0.2)) list['memory'] = pick(random, ['0', '64Mi', '256Mi', '1Gi', '3Gi']);
  if (chance(random, 0.1)) list['ephemeral-storage'] = pick(random, ['1Gi', '10Gi']);
  if (chance(random, 0.1)) list[pick(random, SCALARS)] = pick(random, ['1', '2']);
  return list;
}

function containers(random: Random, prefix: string, max: number, sidecars: boolean): ContainerSpec[] {
  return Array.from({ length: Math.floor(random() * max) + (prefix === 'app' ? 1 : 0) }, (_, i) => {
    const req = requests(random);
    return {
      name: `${prefix}-${i}`,
      ...(req ? { resources: { requests: req } } : {}),
      ...(sidecars && chance(random, 0.3) ? { restartPolicy: 'Always' } : {}),
    };
  });
}

function requirement(random: Random): NodeSelectorRequirement {
  const operator = chance(random, 0.5)
    ? 'In'
    : pick(random, ['NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'] as const);
  const key = chance(random, 0.05)
    ? pick(random, ['missing', 'bad key!'])
    : pick(random, ['topology.kubernetes.io/zone', 'disk', 'cores']);
  let values: string[] | undefined;
  if (operator === 'In' || operator === 'NotIn')
    values = chance(random, 0.05) ? [] : [pick(random, [...ZONES, ...DISKS]), pick(random, ZONES)];
  else if (operator === 'Gt' || operator === 'Lt') values = [pick(random, ['8', '32', '-1', 'x'])];
  else if (chance(random, 0.05)) values = ['stray'];
  return { key, operator, ...(values ? { values } : {}) };
}

function term(random: Random, nodeCount: number): NodeSelectorTerm {
  const t: NodeSelectorTerm = {};
  if (!chance(random, 0.1))
    t.matchExpressions = Array.from({ length: Math.floor(random() * 2) + 1 }, () => requirement(random));
  if (chance(random, 0.1))
    t.matchFields = [
      {
        key: 'metadata.name',
        operator: pick(random, ['In', 'NotIn'] as const),
        values: [`node-${Math.floor(random() * nodeCount)}`],
      },
    ];
  return t;
}

function tolerations(random: Random): Toleration[] {
  return Array.from({ length: Math.floor(random() * 3) }, () => {
    const t: Toleration = {};
    if (!chance(random, 0.2)) t.key = pick(random, TAINT_KEYS);
    if (chance(random, 0.5)) t.operator = pick(random, ['Exists', 'Equal'] as const);
    const value = pick(random, TAINT_VALUES);
    if (value && t.operator !== 'Exists') t.value = value;
    if (chance(random, 0.6)) t.effect = pick(random, [...EFFECTS, ''] as const);
    return t;
  });
}

export function randomPod(random: Random, name: string, nodeCount: number): PodObject {
  const spec: PodObject['spec'] = {
    containers: containers(random, 'app', 3, false),
    initContainers: containers(random, 'init', 3, true),
    tolerations: tolerations(random),
  };
  if (chance(random, 0.2)) spec.overhead = { cpu: '50m', memory: '32Mi' };
  if (chance(random, 0.15)) spec.nodeSelector = { disk: pick(random, DISKS) };
  if (chance(random, 0.03)) spec.nodeName = `node-${Math.floor(random() * nodeCount)}`;
  const required = chance(random, 0.25);
  const preferred = chance(random, 0.6);
  if (required || preferred)
    spec.affinity = {
      nodeAffinity: {
        ...(required
          ? {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: Array.from({ length: Math.floor(random() * 2) + 1 }, () =>
                  term(random, nodeCount),
                ),
              },
            }
          : {}),
        ...(preferred
          ? {
              preferredDuringSchedulingIgnoredDuringExecution: Array.from(
                { length: Math.floor(random() * 3) + 1 },
                () => ({ weight: pick(random, [0, 1, 10, 50, 100]), preference: term(random, nodeCount) }),
              ),
            }
          : {}),
      },
    };
  return { metadata: { name, namespace: 'default' }, spec };
}

/** Pods already bound to the nodes, some finished (the scheduler's cache leaves those out). */
export function randomBoundPods(random: Random, nodes: readonly NodeObject[], count: number): PodObject[] {
  return Array.from({ length: count }, (_, i) => {
    const pod = randomPod(random, `bound-${i}`, nodes.length);
    pod.spec = { ...pod.spec, nodeName: pick(random, nodes).metadata?.name ?? '' };
    if (chance(random, 0.05)) pod.status = { phase: pick(random, ['Succeeded', 'Failed', 'Running']) };
    return pod;
  });
}
