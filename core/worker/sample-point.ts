import type { NodeSamplePoint } from '../contract/index.ts';
import type { NodeSample } from '../history/node-samples.ts';

const optional = <K extends string>(key: K, value: number | null | undefined) =>
  typeof value === 'number' ? ({ [key]: value } as Record<K, number>) : {};

/** A stored node sample as the node page charts it: unknown Summary API readings are left out. */
export function samplePoint(sample: NodeSample): NodeSamplePoint {
  return {
    at: sample.at,
    cpuMillis: sample.cpuMillis,
    memoryBytes: sample.memoryBytes,
    pods: sample.pods,
    ...optional('diskBytes', sample.diskBytes),
    ...optional('podMemoryPeak', sample.podMemoryPeak),
    ...optional('nicErrorsPerMinute', sample.nicErrorsPerMinute),
    ...optional('containerHoursToLimit', sample.containerHoursToLimit),
  };
}
