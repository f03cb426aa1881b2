import { keys } from '../store/api-resources.ts';
import type { StoreEvent } from '../store/kube-object.ts';
import { nodeMatchesPod } from '../kube/node-affinity.ts';
import { isPodAvailable, isPodReady, objectKey, splitKey } from '../kube/pods.ts';
import { scaledValue } from '../kube/quantity.ts';
import { firstUntoleratedTaint } from '../kube/tolerations.ts';
import type { DaemonSet, Node, Pod } from '../kube/types.ts';
import {
  daemonPodTargetNode,
  daemonSetPodSpec,
  daemonSetRevision,
  daemonTolerations,
} from '../objects/daemon-pod.ts';
import { controllerReference, newPodJson } from '../objects/pod-json.ts';
import type { Component, SimContext } from '../runtime/context.ts';
import { deletePod } from '../runtime/pod-deletion.ts';
import { WorkQueue } from '../runtime/work-queue.ts';
import { ownedPods, ownerKeyOf } from './owned.ts';
import { omitEmpty, writeStatus } from './status.ts';

const SOURCE = { component: 'daemonset-controller' };
const REVISION_LABEL = 'controller-revision-hash';

/**
 * pkg/controller/daemon: one pod on every node the DaemonSet's pods may run on (node selector,
 * required affinity, and taints tolerated including the daemon tolerations), none elsewhere.
 * Pods are pinned by node affinity and bound by the scheduler. Rolling updates replace at most
 * maxUnavailable pods at a time.
 */
export class DaemonSetController implements Component {
  readonly name = 'daemonset-controller';
  private readonly queue = new WorkQueue();
  private readonly nodeSignatures = new Map<string, string>();

  constructor(private readonly ctx: SimContext) {}

  start(): void {
    for (const node of this.ctx.cache.nodes())
      this.nodeSignatures.set(node.metadata.name ?? '', signature(node));
    for (const ds of this.ctx.store.list(keys.daemonsets)) this.queue.add(objectKey(ds));
  }

  observe(event: StoreEvent): void {
    if (event.resource === keys.daemonsets) this.queue.add(objectKey(event.object));
    else if (event.resource === keys.nodes) {
      const name = event.object.metadata.name ?? '';
      const next = event.type === 'DELETED' ? '' : signature(event.object as Node);
      if (this.nodeSignatures.get(name) === next) return;
      this.nodeSignatures.set(name, next);
      for (const ds of this.ctx.store.list(keys.daemonsets)) this.queue.add(objectKey(ds));
    } else {
      const owner = ownerKeyOf(event, 'DaemonSet');
      if (owner) this.queue.add(owner);
    }
  }

  tick(nowMs: number): void {
    for (const key of this.queue.drain()) this.sync(key, nowMs);
  }

  private sync(key: string, nowMs: number): void {
    const [namespace, name] = splitKey(key);
    const ds = this.ctx.store.get(keys.daemonsets, namespace, name) as DaemonSet | undefined;
    if (!ds) return;
    const nodes = this.ctx.cache.nodes();
    const byNode = new Map<string, Pod[]>();
    for (const pod of ownedPods(this.ctx.cache, ds)) {
      const node = daemonPodTargetNode(pod.spec) ?? '';
      let list = byNode.get(node);
      if (!list) byNode.set(node, (list = []));
      list.push(pod);
    }
    if (!ds.metadata.deletionTimestamp) this.manage(ds, nodes, byNode, nowMs);
    this.updateStatus(ds, nodes, nowMs);
  }

  private manage(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>, nowMs: number): void {
    const revision = daemonSetRevision(ds);
    const minReady = ds.spec.minReadySeconds ?? 0;
    const maxUnavailable = Math.max(
      1,
      scaledValue(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, nodes.length, true),
    );
    let unavailable = 0;
    const outdated: Pod[] = [];
    for (const node of nodes) {
      const name = node.metadata.name ?? '';
      const pods = (byNode.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
      const failed = pods.filter((p) => p.status?.phase === 'Failed');
      for (const pod of failed) this.remove(ds, pod, nowMs);
      const running = pods.filter((p) => p.status?.phase !== 'Failed');
      if (!shouldRun(ds, node)) {
        for (const pod of running) this.remove(ds, pod, nowMs);
        continue;
      }
      if (running.length === 0) {
        this.create(ds, name, revision);
        unavailable++;
        continue;
      }
      for (const extra of running.slice(1)) this.remove(ds, extra, nowMs);
      const pod = running[0] as Pod;
      if (!isPodAvailable(pod, minReady, nowMs)) unavailable++;
      if (pod.metadata.labels?.[REVISION_LABEL] !== revision) outdated.push(pod);
    }
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return;
    for (const pod of outdated) {
      const available = isPodAvailable(pod, minReady, nowMs);
      if (available && unavailable >= maxUnavailable) continue;
      this.remove(ds, pod, nowMs);
      if (available) unavailable++;
    }
  }

  private create(ds: DaemonSet, node: string, revision: string): void {
    const namespace = ds.metadata.namespace ?? 'default';
    const prefix = `${ds.metadata.name}-`;
    const name = this.ctx.names.next(
      ds.metadata.uid ?? prefix,
      prefix,
      (n) => this.ctx.store.get(keys.pods, namespace, n) !== undefined,
    );
    const generation = ds.metadata.generation ?? 1;
    this.ctx.store.create(
      keys.pods,
      newPodJson({
        name,
        namespace,
        generateName: prefix,
        labels: {
          ...ds.spec.template.metadata?.labels,
          [REVISION_LABEL]: revision,
          'pod-template-generation': String(generation),
        },
        ownerReferences: [controllerReference(ds)],
        spec: daemonSetPodSpec(ds.spec.template.spec, node),
      }),
    );
    this.ctx.recorder.record(SOURCE, ds, {
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: `Created pod: ${name}`,
    });
  }

  private remove(ds: DaemonSet, pod: Pod, nowMs: number): void {
    deletePod(this.ctx.store, pod, nowMs);
    this.ctx.recorder.record(SOURCE, ds, {
      type: 'Normal',
      reason: 'SuccessfulDelete',
      message: `Deleted pod: ${pod.metadata.name}`,
    });
  }

  private updateStatus(ds: DaemonSet, nodes: readonly Node[], nowMs: number): void {
    const revision = daemonSetRevision(ds);
    const minReady = ds.spec.minReadySeconds ?? 0;
    const byNode = new Map<string, Pod>();
    for (const pod of ownedPods(this.ctx.cache, ds)) {
      if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') continue;
      const node = daemonPodTargetNode(pod.spec);
      if (node && !byNode.has(node)) byNode.set(node, pod);
    }
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of nodes) {
      const pod = byNode.get(node.metadata.name ?? '');
      if (!shouldRun(ds, node)) {
        if (pod?.spec.nodeName) misscheduled++;
        continue;
      }
      desired++;
      if (!pod?.spec.nodeName) continue;
      current++;
      if (isPodReady(pod)) ready++;
      if (isPodAvailable(pod, minReady, nowMs)) available++;
      if (pod.metadata.labels?.[REVISION_LABEL] === revision) updated++;
    }
    writeStatus(this.ctx.store, keys.daemonsets, ds, {
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation,
      ...omitEmpty({
        updatedNumberScheduled: updated,
        numberAvailable: available,
        numberUnavailable: desired - available,
      }),
    });
  }
}

/** NodeShouldRunDaemonPod: the pod's node affinity and the node's NoSchedule/NoExecute taints. */
export function shouldRun(ds: DaemonSet, node: Node): boolean {
  const spec = ds.spec.template.spec;
  if (!nodeMatchesPod(spec, node)) return false;
  return (
    firstUntoleratedTaint(node.spec?.taints, daemonTolerations(spec), ['NoSchedule', 'NoExecute']) ===
    undefined
  );
}

function signature(node: Node): string {
  return JSON.stringify([node.metadata.labels, node.spec?.taints]);
}
