import { rfc3339 } from '../kube/time.ts';
import type { NodeCondition } from '../kube/types.ts';
import { PRESSURE_TRANSITION_MS, type PressureResource } from './eviction.ts';

/**
 * The conditions a kubelet reports on its Node (pkg/kubelet/nodestatus): pressure conditions
 * that hold for the transition period after the last time a threshold was crossed, and Ready.
 */

export interface NodeHealth {
  /** When each threshold was last crossed. */
  lastPressureMs: Partial<Record<PressureResource | 'pid', number>>;
  runtimeDown: boolean;
}

const PRESSURE = {
  memory: {
    type: 'MemoryPressure',
    onReason: 'KubeletHasInsufficientMemory',
    onMessage: 'kubelet has insufficient memory available',
    offReason: 'KubeletHasSufficientMemory',
    offMessage: 'kubelet has sufficient memory available',
  },
  'ephemeral-storage': {
    type: 'DiskPressure',
    onReason: 'KubeletHasDiskPressure',
    onMessage: 'kubelet has disk pressure',
    offReason: 'KubeletHasNoDiskPressure',
    offMessage: 'kubelet has no disk pressure',
  },
  pid: {
    type: 'PIDPressure',
    onReason: 'KubeletHasInsufficientPID',
    onMessage: 'kubelet has insufficient PID available',
    offReason: 'KubeletHasSufficientPID',
    offMessage: 'kubelet has sufficient PID available',
  },
} as const;

/** The event the kubelet records when a condition turns (recordNodeStatusEvent). */
export const CONDITION_EVENTS: Record<string, { on: string; off: string }> = {
  MemoryPressure: { on: 'NodeHasInsufficientMemory', off: 'NodeHasSufficientMemory' },
  DiskPressure: { on: 'NodeHasDiskPressure', off: 'NodeHasNoDiskPressure' },
  PIDPressure: { on: 'NodeHasInsufficientPID', off: 'NodeHasSufficientPID' },
  Ready: { on: 'NodeReady', off: 'NodeNotReady' },
};

export interface DesiredCondition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export function desiredConditions(health: NodeHealth, nowMs: number): DesiredCondition[] {
  const result = (Object.keys(PRESSURE) as (keyof typeof PRESSURE)[]).map((resource): DesiredCondition => {
    const p = PRESSURE[resource];
    const last = health.lastPressureMs[resource];
    const on = last !== undefined && nowMs - last < PRESSURE_TRANSITION_MS;
    return {
      type: p.type,
      status: on ? ('True' as const) : ('False' as const),
      reason: on ? p.onReason : p.offReason,
      message: on ? p.onMessage : p.offMessage,
    };
  });
  result.push(
    health.runtimeDown
      ? { type: 'Ready', status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down' }
      : { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  );
  return result;
}

/** Merges the desired conditions into what the node reports, heartbeating all of them. */
export function nodeConditionsAt(
  current: readonly NodeCondition[] | undefined,
  desired: readonly DesiredCondition[],
  nowMs: number,
): { conditions: NodeCondition[]; changed: { type: string; status: string }[] } {
  const at = rfc3339(nowMs);
  const changed: { type: string; status: string }[] = [];
  const conditions = desired.map((d) => {
    const previous = current?.find((c) => c.type === d.type);
    const flipped = previous?.status !== d.status;
    if (flipped && previous) changed.push({ type: d.type, status: d.status });
    return {
      type: d.type,
      status: d.status,
      lastHeartbeatTime: at,
      lastTransitionTime: flipped || !previous?.lastTransitionTime ? at : previous.lastTransitionTime,
      reason: d.reason,
      message: d.message,
    };
  });
  return { conditions, changed };
}
