import { parseQuantity } from '../kube/quantity.ts';
import type { ContainerSpec, PodObject, ResourceList } from './kube-objects.ts';

/**
 * framework.Resource: cpu in millicores, everything else in base units, extended resources and
 * hugepages by name ("scalar resources"). Integers, as Go's resource.Quantity rounds them.
 */
export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  scalar: Record<string, number>;
}

/** schedutil.DefaultMilliCPURequest and DefaultMemoryRequest: what scoring assumes for "nothing". */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResources(): Resources {
  return { milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

/** A quantity string that does not parse, or a resource name the API would reject. */
export class ResourceSpecError extends Error {
  override readonly name = 'ResourceSpecError';
}

// Rounds away float noise ("0.1" * 1000) before rounding up, as Quantity.MilliValue/Value do.
function ceilClean(value: number): number {
  return Math.ceil(Math.round(value * 1e6) / 1e6);
}

export function quantityValue(name: string, value: string | number, where: string): number {
  const parsed = typeof value === 'number' ? value : parseQuantity(String(value));
  if (!Number.isFinite(parsed)) {
    throw new ResourceSpecError(
      `${where}: "${String(value)}" is not a quantity for ${name}. Write it as Kubernetes does, e.g. 500m, 2, 256Mi, 1Gi.`,
    );
  }
  if (parsed < 0)
    throw new ResourceSpecError(`${where}: ${name} must not be negative (got ${String(value)}).`);
  return name === 'cpu' ? ceilClean(parsed * 1000) : ceilClean(parsed);
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/**
 * v1helper.IsScalarResourceName: extended resources (domain-qualified, outside kubernetes.io),
 * kubernetes.io/-prefixed native resources, hugepages-<size> and attachable-volumes-*.
 */
export function isScalarResourceName(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('attachable-volumes-') || name.includes('/');
}

function isExtendedResourceName(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) return false;
  const domain = name.slice(0, slash);
  return !(domain === 'kubernetes.io' || domain.endsWith('.kubernetes.io'));
}

/** What a container may request (apiserver validation): else the spec is refused, so are we. */
export function checkContainerResourceName(name: string, where: string): void {
  if (STANDARD_CONTAINER_RESOURCES.has(name) || name.startsWith('hugepages-') || isExtendedResourceName(name))
    return;
  throw new ResourceSpecError(
    `${where}: unknown resource name "${name}". Use cpu, memory, ephemeral-storage, hugepages-<size>, ` +
      `or a domain-qualified extended resource such as nvidia.com/gpu.`,
  );
}

function addList(into: Resources, list: ResourceList | undefined, where: string): void {
  if (!list) return;
  for (const [name, value] of Object.entries(list)) addOne(into, name, quantityValue(name, value, where));
}

function addOne(into: Resources, name: string, amount: number): void {
  switch (name) {
    case 'cpu':
      into.milliCpu += amount;
      return;
    case 'memory':
      into.memory += amount;
      return;
    case 'ephemeral-storage':
      into.ephemeralStorage += amount;
      return;
    default:
      if (isScalarResourceName(name)) into.scalar[name] = (into.scalar[name] ?? 0) + amount;
  }
}

export function addResources(into: Resources, other: Resources): void {
  into.milliCpu += other.milliCpu;
  into.memory += other.memory;
  into.ephemeralStorage += other.ephemeralStorage;
  for (const [name, amount] of Object.entries(other.scalar))
    into.scalar[name] = (into.scalar[name] ?? 0) + amount;
}

function maxInto(into: Resources, other: Resources): void {
  into.milliCpu = Math.max(into.milliCpu, other.milliCpu);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  for (const [name, amount] of Object.entries(other.scalar))
    into.scalar[name] = Math.max(into.scalar[name] ?? 0, amount);
}

export function copyResources<R extends Readonly<Resources>>(r: R): R {
  return { ...r, scalar: { ...r.scalar } };
}

function containerRequests(container: ContainerSpec, nonZero: boolean, where: string): Resources {
  const result = emptyResources();
  const requests = container.resources?.requests;
  addList(result, requests, where);
  if (nonZero) {
    // NonMissingContainerRequests: only a request that is absent takes the default; an explicit 0 stays 0.
    if (requests?.['cpu'] === undefined) result.milliCpu = DEFAULT_MILLI_CPU_REQUEST;
    if (requests?.['memory'] === undefined) result.memory = DEFAULT_MEMORY_REQUEST;
  }
  return result;
}

/**
 * resourcehelper.PodRequests: the sum of the app containers, or the largest init container if
 * that is more (a sidecar — an init container with restartPolicy Always — keeps running, so it
 * adds to everything after it), plus the pod's overhead. With `nonZero`, containers that request
 * no cpu or memory count as 100m and 200Mi (what scoring uses; the filter uses the real requests).
 */
export function podRequests(pod: PodObject, nonZero = false): Resources {
  const spec = pod.spec ?? {};
  const total = emptyResources();
  for (const [i, c] of (spec.containers ?? []).entries())
    addResources(total, containerRequests(c, nonZero, `containers[${i}] (${c.name ?? 'unnamed'})`));
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const [i, c] of (spec.initContainers ?? []).entries()) {
    let request = containerRequests(c, nonZero, `initContainers[${i}] (${c.name ?? 'unnamed'})`);
    if (c.restartPolicy === 'Always') {
      addResources(total, request);
      addResources(sidecars, request);
      request = copyResources(sidecars);
    } else {
      addResources(request, sidecars);
    }
    maxInto(initMax, request);
  }
  maxInto(total, initMax);
  addList(total, spec.overhead, 'overhead');
  return total;
}

/** Every resource name and quantity in the pod's spec must be valid: a clear error otherwise. */
export function checkPodResources(pod: PodObject): void {
  const spec = pod.spec ?? {};
  const lists: [ContainerSpec[], string][] = [
    [spec.containers ?? [], 'containers'],
    [spec.initContainers ?? [], 'initContainers'],
  ];
  for (const [containers, field] of lists) {
    for (const [i, c] of containers.entries()) {
      for (const kind of ['requests', 'limits'] as const) {
        const where = `${field}[${i}] (${c.name ?? 'unnamed'}) resources.${kind}`;
        for (const [name, value] of Object.entries(c.resources?.[kind] ?? {})) {
          checkContainerResourceName(name, where);
          quantityValue(name, value, where);
        }
      }
    }
  }
  for (const [name, value] of Object.entries(spec.overhead ?? {})) quantityValue(name, value, 'overhead');
}

/** A node's allocatable as Resources plus its pod slots. */
export function allocatableOf(list: ResourceList | undefined, where: string): Resources & { pods: number } {
  const result = { ...emptyResources(), pods: 0 };
  for (const [name, value] of Object.entries(list ?? {})) {
    if (name === 'pods') result.pods = quantityValue(name, value, where);
    else addOne(result, name, quantityValue(name, value, where));
  }
  return result;
}
