import { describe, expect, it } from 'vitest';
import { podShape } from '../kube/pods.ts';
import { admissionFailure } from './admission.ts';

const shape = podShape({
  containers: [{ name: 'c', resources: { requests: { cpu: '500m', memory: '1Gi' } } }],
});
const allocatable = { cpuMillis: 4000, memoryBytes: 16 * 2 ** 30, ephemeralBytes: 0, pods: 10 };
const used = (cpuMillis: number, memoryBytes: number, pods: number) => ({
  cpuMillis,
  memoryBytes,
  ephemeralBytes: 0,
  nonZeroCpuMillis: 0,
  nonZeroMemoryBytes: 0,
  pods,
});

describe('admissionFailure', () => {
  it.each([
    ['fits', used(2000, 2 ** 30, 3), undefined],
    ['too many pods', used(2000, 2 ** 30, 11), 'pods'],
    ['out of cpu', used(4500, 2 ** 30, 3), 'cpu'],
    ['out of memory', used(2000, 17 * 2 ** 30, 3), 'memory'],
  ] as const)('%s', (_name, u, expected) => {
    expect(admissionFailure(shape, u, allocatable)).toBe(expected);
  });
});
