import { formatBytes, formatMetricsBytes } from '../kube/quantity.ts';
import { podShape } from '../kube/pods.ts';
import type { Pod } from '../kube/types.ts';
import type { NodeUsageSample, PodUsageSample } from '../load/usage-model.ts';

/**
 * The kubelet's eviction manager (pkg/kubelet/eviction) with the default hard thresholds:
 * memory.available < 100Mi and nodefs.available < 10%. Under pressure it evicts one pod per
 * housekeeping pass, ranked as rankMemoryPressure / rankDiskPressure rank them.
 */

export const MEMORY_AVAILABLE_THRESHOLD_BYTES = 100 * 1024 * 1024;
export const NODEFS_AVAILABLE_THRESHOLD = 0.1;
/** evictionPressureTransitionPeriod: a condition stays True this long after the last observation. */
export const PRESSURE_TRANSITION_MS = 300_000;
/** Pods at or above system-cluster-critical priority are never evicted. */
const CRITICAL_PRIORITY = 2_000_000_000;

export type PressureResource = 'memory' | 'ephemeral-storage';

export interface Pressure {
  resource: PressureResource;
  thresholdText: string;
  availableBytes: number;
}

/** Which thresholds a node crosses in this sample. */
export function observePressure(
  sample: Pick<NodeUsageSample, 'capacity' | 'memoryBytes' | 'diskBytes'>,
): Pressure[] {
  const found: Pressure[] = [];
  const memoryAvailable = sample.capacity.memoryBytes - sample.memoryBytes;
  if (memoryAvailable < MEMORY_AVAILABLE_THRESHOLD_BYTES) {
    found.push({ resource: 'memory', thresholdText: '100Mi', availableBytes: memoryAvailable });
  }
  const diskAvailable = sample.capacity.diskBytes - sample.diskBytes;
  if (diskAvailable < sample.capacity.diskBytes * NODEFS_AVAILABLE_THRESHOLD) {
    found.push({
      resource: 'ephemeral-storage',
      thresholdText: formatBytes(Math.round(sample.capacity.diskBytes * NODEFS_AVAILABLE_THRESHOLD)),
      availableBytes: diskAvailable,
    });
  }
  return found;
}

interface Candidate {
  pod: Pod;
  usage: PodUsageSample;
}

/** The pod to evict first: over its requests, then lower priority, then most above its requests. */
export function rankForEviction(candidates: readonly Candidate[], resource: PressureResource): Candidate[] {
  const over = (c: Candidate) => {
    const requests = podShape(c.pod.spec).requests;
    return resource === 'memory'
      ? c.usage.memoryBytes - requests.memoryBytes
      : c.usage.diskBytes - requests.ephemeralBytes;
  };
  return candidates
    .filter((c) => (c.pod.spec.priority ?? 0) < CRITICAL_PRIORITY)
    .sort((a, b) => {
      const exceeds = Number(over(b) > 0) - Number(over(a) > 0);
      if (exceeds !== 0) return exceeds;
      const priority = (a.pod.spec.priority ?? 0) - (b.pod.spec.priority ?? 0);
      if (priority !== 0) return priority;
      return over(b) - over(a);
    });
}

/** The message the kubelet puts on an evicted pod (eviction/helpers.go evictionMessage). */
export function evictionMessage(pressure: Pressure, candidate: Candidate): string {
  let message = `The node was low on resource: ${pressure.resource}. `;
  message += `Threshold quantity: ${pressure.thresholdText}, available: ${formatMetricsBytes(Math.max(0, pressure.availableBytes))}. `;
  const shape = podShape(candidate.pod.spec);
  candidate.usage.containers.forEach((c, i) => {
    const container = shape.containers[i];
    if (!container) return;
    const used = pressure.resource === 'memory' ? c.memoryBytes : i === 0 ? candidate.usage.diskBytes : 0;
    const request =
      pressure.resource === 'memory' ? container.requestMemoryBytes : container.requestEphemeralBytes;
    if (used > request) {
      message += `Container ${c.name} was using ${formatMetricsBytes(used)}, request is ${formatBytes(request)}, has larger consumption of ${pressure.resource}. `;
    }
  });
  return message;
}
