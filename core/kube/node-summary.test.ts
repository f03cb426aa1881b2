import { describe, expect, it } from 'vitest';
import { memoryLimitsOf, summaryFacts, SummaryFormatError, type MemoryLimitOf } from './node-summary.ts';
import { reducePod } from './pod-facts.ts';

const GI = 1024 ** 3;
const MI = 1024 ** 2;

const noLimits: MemoryLimitOf = () => undefined;
const knownLimits: Record<string, number> = { 'shop/web-1/app': 512 * MI, 'shop/db-0/postgres': 2 * GI };
const limits: MemoryLimitOf = (namespace, pod, container) => knownLimits[`${namespace}/${pod}/${container}`];

const container = (name: string, workingSetBytes: unknown, availableBytes?: number) => ({
  name,
  memory: { workingSetBytes, ...(availableBytes === undefined ? {} : { availableBytes }) },
});
const pod = (namespace: string, name: string, containers: unknown[]) => ({
  podRef: { namespace, name, uid: `${name}-uid` },
  containers,
});
const summary = (fs: unknown, pods: unknown[] = []) => ({ node: { nodeName: 'node-1', fs }, pods });

describe('summaryFacts', () => {
  it.each([
    [
      'disk used and capacity',
      summary({ usedBytes: 40 * GI, capacityBytes: 100 * GI, availableBytes: 60 * GI }),
      noLimits,
      { diskBytes: 40 * GI, diskCapacityBytes: 100 * GI, podMemoryPeak: null },
    ],
    ['no fs reported', summary(undefined), noLimits, { diskBytes: null, diskCapacityBytes: null }],
    [
      'fs with garbage numbers',
      summary({ usedBytes: -1, capacityBytes: 'lots' }),
      noLimits,
      { diskBytes: null, diskCapacityBytes: null },
    ],
    ['a zero capacity', summary({ usedBytes: 0, capacityBytes: 0 }), noLimits, { diskCapacityBytes: null }],
    [
      'the fullest container against its limit from the pod spec',
      summary({}, [
        pod('shop', 'web-1', [container('app', 384 * MI), container('sidecar', 900 * MI)]),
        pod('shop', 'db-0', [container('postgres', 1 * GI)]),
      ]),
      limits,
      { podMemoryPeak: 0.75 },
    ],
    [
      'the limit the kubelet implies (working set + available) when the spec is not known',
      summary({}, [pod('shop', 'cache-1', [container('redis', 300 * MI, 100 * MI)])]),
      noLimits,
      { podMemoryPeak: 0.75 },
    ],
    [
      'containers without limits only',
      summary({}, [pod('shop', 'batch-1', [container('job', 5 * GI)])]),
      limits,
      { podMemoryPeak: null },
    ],
    [
      'broken pod and container entries, skipped',
      summary({}, [
        null,
        { podRef: 'x' },
        pod('shop', 'web-1', [null, container('app', 'big'), container('app', 256 * MI)]),
      ]),
      limits,
      { podMemoryPeak: 0.5 },
    ],
    ['no pods field at all', { node: { nodeName: 'node-1' } }, limits, { podMemoryPeak: null }],
  ])('%s', (_what, input, limitOf, expected) => {
    expect(summaryFacts(input, limitOf)).toMatchObject({ nodeName: 'node-1', ...expected });
  });

  it.each([
    ['null', null],
    ['a string', 'stats'],
    ['a Status', { kind: 'Status', code: 503 }],
    ['a node without its name', { node: { fs: {} } }],
    ['pods that are not a list', { node: { nodeName: 'node-1' }, pods: {} }],
  ])('rejects %s with a SummaryFormatError that says what it expected', (_what, input) => {
    expect(() => summaryFacts(input, noLimits)).toThrow(SummaryFormatError);
    expect(() => summaryFacts(input, noLimits)).toThrow(/kubelet stats summary/);
  });
});

describe('memoryLimitsOf', () => {
  const facts = reducePod({
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: {
      nodeName: 'node-1',
      containers: [
        { name: 'app', resources: { limits: { memory: '512Mi', cpu: '1' } } },
        { name: 'sidecar', resources: { requests: { memory: '64Mi' } } },
        { name: 'odd', resources: { limits: { memory: '0' } } },
      ],
    },
    status: { phase: 'Running' },
  });
  const limitOf = memoryLimitsOf(new Map([['shop/web-1', facts]]));

  it.each([
    ['a container with a limit', 'web-1', 'app', 512 * MI],
    ['a container with a request only', 'web-1', 'sidecar', undefined],
    ['a zero limit (none)', 'web-1', 'odd', undefined],
    ['an unknown container', 'web-1', 'nope', undefined],
    ['an unknown pod', 'web-2', 'app', undefined],
  ])('%s', (_what, podName, containerName, expected) => {
    expect(limitOf('shop', podName, containerName)).toBe(expected);
  });
});
