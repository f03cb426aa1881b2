import { percentOfAllocatable, type NodeDetails } from '../../../core/contract/index.ts';
import { formatBytes, formatCpu } from '../format/units.ts';

/** kubectl's AGE: the largest unit that fits ("45s", "12m", "5h", "3d"); "—" when unknown. */
export function formatAge(createdAt: string | undefined, now: number): string {
  const at = createdAt ? Date.parse(createdAt) : Number.NaN;
  if (!Number.isFinite(at)) return '—';
  const seconds = Math.max(0, Math.floor((now - at) / 1000));
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** One row of "Allocated resources": requests and limits with their share of allocatable. */
export interface AllocatedRow {
  resource: 'cpu' | 'memory';
  requests: string;
  limits: string;
  allocatable: string;
}

/** As kubectl prints it: "750m (19%)"; limits may pass 100% (overcommitted). */
export function allocatedRows(allocated: NodeDetails['allocated']): AllocatedRow[] {
  const row = (
    resource: AllocatedRow['resource'],
    amounts: NodeDetails['allocated']['cpuMillis'],
    format: (n: number) => string,
  ): AllocatedRow => ({
    resource,
    requests: `${format(amounts.requests)} (${percentOfAllocatable(amounts.requests, amounts.allocatable)}%)`,
    limits: `${format(amounts.limits)} (${percentOfAllocatable(amounts.limits, amounts.allocatable)}%)`,
    allocatable: format(amounts.allocatable),
  });
  return [row('cpu', allocated.cpuMillis, formatCpu), row('memory', allocated.memoryBytes, formatBytes)];
}

/** "key=value:Effect", as kubectl describe prints a taint. */
export function taintText(taint: NodeDetails['taints'][number]): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** A resource map as one line, kubectl's order kept ("cpu: 4, memory: 16Gi, pods: 110"). */
export function resourceListText(list: Record<string, string>): string {
  const entries = Object.entries(list);
  return entries.length > 0 ? entries.map(([name, value]) => `${name}: ${value}`).join(', ') : '—';
}
