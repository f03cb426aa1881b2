import { age, ageColumn, column, int, list, nameColumn, rec, str, type Printer } from './table.ts';

/** `kubectl get hpa`: printHorizontalPodAutoscaler and formatHPAMetrics in printers.go. */
export const horizontalPodAutoscalerPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Reference', 'Reference to the scaled target.'),
    column('Targets', 'Current and target metrics.'),
    column('MinPods', 'Lower limit for the number of pods that can be set by the autoscaler.'),
    column('MaxPods', 'Upper limit for the number of pods that can be set by the autoscaler.', {
      type: 'integer',
    }),
    column('Replicas', 'Current number of replicas of pods managed by this autoscaler.', { type: 'integer' }),
    ageColumn(),
  ],
  cells(hpa, now) {
    const spec = rec(hpa, 'spec');
    const status = rec(hpa, 'status');
    const target = rec(spec, 'scaleTargetRef');
    return [
      hpa.metadata.name ?? '',
      `${str(target, 'kind')}/${str(target, 'name')}`,
      formatMetrics(list(spec, 'metrics'), list(status, 'currentMetrics')),
      typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>',
      int(spec, 'maxReplicas'),
      int(status, 'currentReplicas'),
      age(hpa, now),
    ];
  },
};

/** `cpu: 45%/80%`, at most two shown and `+ N more...` after. */
export function formatMetrics(specs: Record<string, unknown>[], statuses: Record<string, unknown>[]): string {
  if (specs.length === 0) return '<none>';
  const parts: string[] = [];
  specs.forEach((spec, i) => {
    const type = str(spec, 'type');
    const current = statuses[i];
    if (type === 'Resource' || type === 'ContainerResource') {
      const key = type === 'Resource' ? 'resource' : 'containerResource';
      const source = rec(spec, key);
      const targetSpec = rec(source, 'target');
      const now = rec(rec(current, key), 'current');
      if (targetSpec.averageValue !== undefined) {
        const value = now.averageValue !== undefined ? String(now.averageValue) : '<unknown>';
        parts.push(`${str(source, 'name')}: ${value}/${String(targetSpec.averageValue)}`);
      } else {
        const value = typeof now.averageUtilization === 'number' ? `${now.averageUtilization}%` : '<unknown>';
        const goal =
          typeof targetSpec.averageUtilization === 'number' ? `${targetSpec.averageUtilization}%` : '<auto>';
        parts.push(`${str(source, 'name')}: ${value}/${goal}`);
      }
    } else if (type === 'Pods' || type === 'Object' || type === 'External') {
      const key = type.toLowerCase();
      const source = rec(spec, key);
      const targetSpec = rec(source, 'target');
      const now = rec(rec(current, key), 'current');
      const goal = targetSpec.averageValue ?? targetSpec.value;
      const value = now.averageValue ?? now.value;
      parts.push(`${value === undefined ? '<unknown>' : String(value)}/${String(goal ?? '<unset>')}`);
    } else {
      parts.push('<unknown type>');
    }
  });
  if (parts.length > 2) return `${parts.slice(0, 2).join(', ')} + ${parts.length - 2} more...`;
  return parts.join(', ');
}
