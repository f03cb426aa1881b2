import type { PodShape } from '../kube/pods.ts';
import type { NodeAllocation } from '../runtime/cluster-cache.ts';
import type { Allocatable } from '../scheduler/framework.ts';

/**
 * The kubelet's own admission (lifecycle.predicateAdmitHandler): a pod bound to a node that
 * cannot hold it (bound by hand, or the node shrank) fails at once with OutOf<resource>.
 * `used` already counts the pod itself. Returns the resource that ran out, if any.
 */
export function admissionFailure(
  shape: PodShape,
  used: Readonly<NodeAllocation>,
  allocatable: Allocatable,
): string | undefined {
  if (used.pods > allocatable.pods) return 'pods';
  if (shape.requests.cpuMillis > 0 && used.cpuMillis > allocatable.cpuMillis) return 'cpu';
  if (shape.requests.memoryBytes > 0 && used.memoryBytes > allocatable.memoryBytes) return 'memory';
  return undefined;
}
