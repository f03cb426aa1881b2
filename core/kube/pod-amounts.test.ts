import { describe, expect, it } from 'vitest';
import { nodePod, podAmounts, type PodAmounts } from './pod-amounts.ts';
import { reducePod } from './pod-facts.ts';
import type { RawObject } from './resource-mirror.ts';

type Res = { requests?: Record<string, string>; limits?: Record<string, string> };

function pod(
  containers: Res[],
  initContainers: (Res & { restartPolicy?: string })[] = [],
  overhead?: Record<string, string>,
) {
  return {
    spec: {
      containers: containers.map((resources, i) => ({ name: `c${i}`, resources })),
      initContainers: initContainers.map(({ restartPolicy, ...resources }, i) => ({
        name: `init${i}`,
        resources,
        ...(restartPolicy ? { restartPolicy } : {}),
      })),
      ...(overhead ? { overhead } : {}),
    },
  };
}

const amounts = (cpuReq: number, cpuLim: number, memReq: number, memLim: number): PodAmounts => ({
  cpuRequestMillis: cpuReq,
  cpuLimitMillis: cpuLim,
  memoryRequestBytes: memReq,
  memoryLimitBytes: memLim,
});

const Mi = 2 ** 20;

describe('podAmounts (kubectl describe node: requests and limits per pod)', () => {
  it.each([
    ['no resources at all', pod([{}]), amounts(0, 0, 0, 0)],
    [
      'app containers are summed',
      pod([
        { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
        { requests: { cpu: '0.25', memory: '32Mi' }, limits: { cpu: '1', memory: '64Mi' } },
      ]),
      amounts(350, 1200, 96 * Mi, 192 * Mi),
    ],
    [
      'a larger init container wins over the app sum (max(init) vs sum(app)), for requests and limits',
      pod(
        [{ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } }],
        [{ requests: { cpu: '500m', memory: '16Mi' }, limits: { cpu: '2', memory: '16Mi' } }],
      ),
      amounts(500, 2000, 64 * Mi, 64 * Mi),
    ],
    [
      'a sidecar (init container with restartPolicy Always) adds to the app containers',
      pod(
        [{ requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } }],
        [
          {
            requests: { cpu: '50m', memory: '8Mi' },
            limits: { cpu: '50m', memory: '8Mi' },
            restartPolicy: 'Always',
          },
        ],
      ),
      amounts(150, 150, 72 * Mi, 72 * Mi),
    ],
    [
      'odd quantities: exponent, decimal SI, nano cores, Ki',
      pod([{ requests: { cpu: '1e-1', memory: '1.5G' }, limits: { cpu: '500000000n', memory: '2048Ki' } }]),
      amounts(100, 500, 1_500_000_000, 2 * Mi),
    ],
    [
      'overhead adds to requests, and to limits only where a limit is set',
      pod([{ requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } }], [], {
        cpu: '10m',
        memory: '1Mi',
      }),
      amounts(110, 0, 65 * Mi, 129 * Mi),
    ],
  ])('%s', (_name, input, expected) => {
    expect(podAmounts(input)).toEqual(expected);
  });
});

describe('nodePod', () => {
  const raw = (resources: Res): RawObject => ({
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { nodeName: 'node-1', containers: [{ name: 'app', resources }] },
    status: { phase: 'Running', containerStatuses: [{ restartCount: 2 }, { restartCount: 1 }] },
  });

  it('names the pod, its phase and restarts beside its amounts', () => {
    expect(nodePod(reducePod(raw({ requests: { cpu: '250m' } })))).toEqual({
      namespace: 'shop',
      name: 'web-1',
      phase: 'Running',
      restarts: 3,
      ...amounts(250, 0, 0, 0),
    });
  });

  it('says which quantity does not parse instead of throwing', () => {
    const row = nodePod(reducePod(raw({ requests: { cpu: 'lots' } })));
    expect(row).toMatchObject({ name: 'web-1', ...amounts(0, 0, 0, 0) });
    expect(row.problem).toMatch(/"lots" is not a quantity for cpu/);
  });
});
