import { describe, expect, it } from 'vitest';
import {
  errorsPerMinute,
  memoryLimitsOf,
  NicErrorRates,
  summaryFacts,
  SummaryFormatError,
  type MemoryLimitOf,
} from './node-summary.ts';
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
    [
      'a spec limit, the availableBytes fallback, and containers with neither skipped',
      summary({}, [
        pod('shop', 'web-1', [container('app', 384 * MI), container('sidecar', 900 * MI)]),
        pod('shop', 'cache-1', [container('redis', 300 * MI, 100 * MI)]),
        pod('shop', 'batch-1', [container('job', 5 * GI)]),
      ]),
      limits,
      [
        {
          namespace: 'shop',
          pod: 'web-1',
          container: 'app',
          workingSetBytes: 384 * MI,
          limitBytes: 512 * MI,
        },
        {
          namespace: 'shop',
          pod: 'cache-1',
          container: 'redis',
          workingSetBytes: 300 * MI,
          limitBytes: 400 * MI,
        },
      ],
    ],
    [
      'the spec limit wins over what the kubelet implies',
      summary({}, [pod('shop', 'web-1', [container('app', 128 * MI, 128 * MI)])]),
      limits,
      [
        {
          namespace: 'shop',
          pod: 'web-1',
          container: 'app',
          workingSetBytes: 128 * MI,
          limitBytes: 512 * MI,
        },
      ],
    ],
    [
      'a limit that is not a finite positive number, and a working set that is not a number',
      summary({}, [
        pod('shop', 'odd-1', [container('zero', 1 * MI), container('nan', 1 * MI), container('big', 'x')]),
      ]),
      ((_n, _p, c) => ({ zero: 0, nan: Number.NaN, big: GI })[c]) as MemoryLimitOf,
      [],
    ],
    ['no pods field at all', { node: { nodeName: 'node-1' } }, limits, []],
  ])('containerMemory: %s', (_what, input, limitOf, expected) => {
    expect(summaryFacts(input, limitOf).containerMemory).toEqual(expected);
  });

  it('computes podMemoryPeak from the same containers as containerMemory', () => {
    const facts = summaryFacts(
      summary({}, [
        pod('shop', 'web-1', [container('app', 384 * MI), container('sidecar', 900 * MI)]),
        pod('shop', 'cache-1', [container('redis', 350 * MI, 50 * MI)]),
      ]),
      limits,
    );
    const shares = facts.containerMemory.map((c) => c.workingSetBytes / c.limitBytes);
    expect(shares).toEqual([0.75, 0.875]);
    expect(facts.podMemoryPeak).toBe(Math.max(...shares));
  });

  const withNetwork = (network: unknown) => ({ node: { nodeName: 'node-1', network } });
  it.each([
    ['no network reported', withNetwork(undefined), null],
    [
      'a healthy NIC',
      withNetwork({
        name: 'eth0',
        rxErrors: 0,
        txErrors: 0,
        interfaces: [{ name: 'eth0', rxErrors: 0, txErrors: 0 }],
      }),
      0,
    ],
    [
      'an empty interface list: the inline default interface',
      withNetwork({ rxErrors: 1, interfaces: [] }),
      1,
    ],
    [
      'every interface in the list, rx plus tx',
      withNetwork({
        name: 'eth0',
        rxErrors: 7,
        txErrors: 1,
        interfaces: [
          { name: 'eth0', rxErrors: 7, txErrors: 1 },
          { name: 'eth1', rxErrors: 2, txErrors: 0 },
        ],
      }),
      10,
    ],
    ['only the inline default interface (no list)', withNetwork({ name: 'eth0', rxErrors: 3 }), 3],
    [
      'broken interface entries and counters, skipped',
      withNetwork({
        interfaces: [null, 'eth0', { name: 'eth1', rxErrors: -5, txErrors: 'x' }, { txErrors: 4 }],
      }),
      4,
    ],
    ['interfaces without error counters', withNetwork({ interfaces: [{ name: 'eth0', rxBytes: 10 }] }), null],
    ['a network that is not an object', withNetwork([1, 2]), null],
  ])('NIC errors: %s', (_what, input, nicErrors) => {
    expect(summaryFacts(input, noLimits).nicErrors).toBe(nicErrors);
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

describe('errorsPerMinute', () => {
  const MINUTE = 60_000;
  it.each([
    ['a healthy NIC', { at: 0, count: 5 }, { at: MINUTE, count: 5 }, 0],
    ['errors counted over two minutes', { at: 0, count: 100 }, { at: 2 * MINUTE, count: 300 }, 100],
    [
      'a counter reset (reboot): what was counted since, not negative',
      { at: 0, count: 900 },
      { at: MINUTE, count: 40 },
      40,
    ],
    ['the same reading twice', { at: MINUTE, count: 1 }, { at: MINUTE, count: 9 }, null],
    ['readings out of order', { at: 2 * MINUTE, count: 1 }, { at: MINUTE, count: 9 }, null],
  ])('%s', (_what, previous, next, rate) => {
    expect(errorsPerMinute(previous, next)).toBe(rate);
  });
});

describe('NicErrorRates', () => {
  it('gives each node its rate since its own previous reading, and nothing without one', () => {
    const rates = new NicErrorRates();
    expect(rates.observe('a', 0, 10)).toBeNull();
    expect(rates.observe('b', 0, 0)).toBeNull();
    expect(rates.observe('a', 60_000, 70)).toBe(60);
    expect(rates.observe('b', 120_000, 0)).toBe(0);
    expect(rates.observe('a', 120_000, null)).toBeNull();
    expect(rates.observe('a', 180_000, 75)).toBeNull();
    rates.forget(new Set(['a']));
    expect(rates.observe('b', 240_000, 10)).toBeNull();
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
