import { describe, expect, it } from 'vitest';
import { nodeSamplePointSchema } from '../contract/index.ts';
import { samplePoint } from './sample-point.ts';

const base = { node: 'n1', at: 5, cpuMillis: 100, memoryBytes: null, pods: 2 };

describe('samplePoint: a stored sample as the node page reads it', () => {
  it.each([
    ['no Summary reading', {}, {}],
    [
      'unknown readings (null) left out',
      { diskBytes: null, podMemoryPeak: null, nicErrorsPerMinute: null },
      {},
    ],
    [
      'every reading kept, a clean NIC (0) included',
      { diskBytes: 10, podMemoryPeak: 0.5, nicErrorsPerMinute: 0 },
      { diskBytes: 10, podMemoryPeak: 0.5, nicErrorsPerMinute: 0 },
    ],
  ])('%s', (_what, extra, expected) => {
    const point = samplePoint({ ...base, ...extra });
    expect(point).toEqual({ at: 5, cpuMillis: 100, memoryBytes: null, pods: 2, ...expected });
    expect(nodeSamplePointSchema.parse(point)).toEqual(point);
  });
});
