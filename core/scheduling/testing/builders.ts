import type { NodeObject, PodObject, ResourceList, Taint, Toleration } from '../kube-objects.ts';

/**
 * Builders shaped like kube-scheduler's test helpers (pkg/scheduler/testing st.MakeNode /
 * st.MakePod and the plugins' makeNode), so upstream tables port line by line.
 */

/** st.MakeNode().Name(n).Capacity(list): capacity and allocatable both set to `list`. */
export function node(name: string, capacity: ResourceList = {}, extra: Partial<NodeObject> = {}): NodeObject {
  return {
    ...extra,
    metadata: { name, ...extra.metadata },
    spec: { ...extra.spec },
    status: { capacity, allocatable: capacity },
  };
}

/** The plugins' makeNode(name, milliCPU, memory, extended): allocatable in millicores and bytes, 32 pods. */
export function makeNode(
  name: string,
  milliCpu: number,
  memory: number,
  extended: Record<string, number> = {},
): NodeObject {
  const list: ResourceList = { cpu: `${milliCpu}m`, memory: String(memory), pods: '32' };
  for (const [k, v] of Object.entries(extended)) list[k] = String(v);
  return node(name, list);
}

export function withTaints(n: NodeObject, taints: Taint[]): NodeObject {
  return { ...n, spec: { ...n.spec, taints } };
}

export function withLabels(n: NodeObject, labels: Record<string, string>): NodeObject {
  return { ...n, metadata: { ...n.metadata, labels } };
}

/** st.MakePod(): a pod with one container per `Req(...)` call. */
export class PodBuilder {
  private readonly pod: PodObject = {
    metadata: { name: 'pod', namespace: 'default' },
    spec: { containers: [] },
  };

  name(name: string): this {
    this.pod.metadata = { ...this.pod.metadata, name };
    return this;
  }

  node(name: string): this {
    this.pod.spec = { ...this.pod.spec, nodeName: name };
    return this;
  }

  /** A container with these requests. */
  req(requests: ResourceList): this {
    this.spec().containers = [
      ...(this.spec().containers ?? []),
      { name: `c${this.count()}`, resources: { requests } },
    ];
    return this;
  }

  /** A container with no requests at all. */
  container(name = 'container'): this {
    this.spec().containers = [...(this.spec().containers ?? []), { name }];
    return this;
  }

  initReq(requests: ResourceList, restartPolicy?: string): this {
    const init = {
      name: `init${(this.spec().initContainers ?? []).length}`,
      resources: { requests },
      restartPolicy,
    };
    this.spec().initContainers = [...(this.spec().initContainers ?? []), init];
    return this;
  }

  overhead(list: ResourceList): this {
    this.spec().overhead = list;
    return this;
  }

  tolerations(tolerations: Toleration[]): this {
    this.spec().tolerations = tolerations;
    return this;
  }

  nodeSelector(selector: Record<string, string>): this {
    this.spec().nodeSelector = selector;
    return this;
  }

  phase(phase: string): this {
    this.pod.status = { phase };
    return this;
  }

  spec(): NonNullable<PodObject['spec']> {
    this.pod.spec ??= {};
    return this.pod.spec;
  }

  obj(): PodObject {
    return structuredClone(this.pod);
  }

  private count(): number {
    return (this.spec().containers ?? []).length;
  }
}

export function makePod(): PodBuilder {
  return new PodBuilder();
}
