import { describe, expect, it } from 'vitest';
import type { ResourceList } from './kube-objects.ts';
import { makePod } from './testing/builders.ts';
import { checkPodResources, DEFAULT_MEMORY_REQUEST, podRequests, ResourceSpecError } from './resources.ts';

describe('podRequests (resourcehelper.PodRequests)', () => {
  it.each([
    {
      name: 'sums app containers',
      pod: makePod().req({ cpu: '100m', memory: '1Gi' }).req({ cpu: '0.25', memory: '512Mi' }).obj(),
      cpu: 350,
      memory: 1.5 * 2 ** 30,
    },
    {
      name: 'the largest init container wins when it is larger than the app sum',
      pod: makePod().req({ cpu: '100m' }).initReq({ cpu: '500m' }).initReq({ cpu: '200m' }).obj(),
      cpu: 500,
      memory: 0,
    },
    {
      name: 'a sidecar adds to the app and to every init container after it',
      // app 100m + sidecar 50m = 150m; the init after the sidecar needs 200m + 50m = 250m.
      pod: makePod().req({ cpu: '100m' }).initReq({ cpu: '50m' }, 'Always').initReq({ cpu: '200m' }).obj(),
      cpu: 250,
      memory: 0,
    },
    {
      name: 'an init container before the sidecar does not count it',
      pod: makePod().req({ cpu: '100m' }).initReq({ cpu: '120m' }).initReq({ cpu: '50m' }, 'Always').obj(),
      cpu: 150,
      memory: 0,
    },
    {
      name: 'overhead is added on top',
      pod: makePod().req({ cpu: '100m', memory: '10Mi' }).overhead({ cpu: '10m', memory: '1Mi' }).obj(),
      cpu: 110,
      memory: 11 * 2 ** 20,
    },
    {
      name: 'cpu rounds up to a whole millicore, as Quantity.MilliValue does',
      pod: makePod().req({ cpu: '0.0001' }).obj(),
      cpu: 1,
      memory: 0,
    },
  ])('$name', ({ pod, cpu, memory }) => {
    const r = podRequests(pod);
    expect(r.milliCpu).toBe(cpu);
    expect(r.memory).toBe(memory);
  });

  it('non-zero defaults apply only to requests that are missing, per container', () => {
    const pod = makePod().container().req({ cpu: '0', memory: '0' }).req({ cpu: '300m' }).obj();
    const r = podRequests(pod, true);
    expect(r.milliCpu).toBe(100 + 0 + 300);
    expect(r.memory).toBe(DEFAULT_MEMORY_REQUEST + 0 + DEFAULT_MEMORY_REQUEST);
  });
});

describe('checkPodResources (bad input says what to do)', () => {
  it.each<{ name: string; list: ResourceList; message: string }>([
    { name: 'a misspelt resource', list: { cpus: '1' }, message: 'unknown resource name "cpus"' },
    {
      name: 'a kubernetes.io resource',
      list: { 'kubernetes.io/gpu': '1' },
      message: 'unknown resource name',
    },
    {
      name: 'a quantity that does not parse',
      list: { memory: '12 gigs' },
      message: '"12 gigs" is not a quantity for memory',
    },
    { name: 'a negative quantity', list: { cpu: '-1' }, message: 'must not be negative' },
  ])('refuses $name', ({ list, message }) => {
    const pod = makePod().req(list).obj();
    expect(() => checkPodResources(pod)).toThrow(ResourceSpecError);
    expect(() => checkPodResources(pod)).toThrow(message);
  });

  it('accepts standard, hugepages and extended resources', () => {
    const pod = makePod()
      .req({
        cpu: '1',
        memory: '1Gi',
        'ephemeral-storage': '1Gi',
        'hugepages-2Mi': '4Mi',
        'nvidia.com/gpu': '1',
      })
      .obj();
    expect(() => checkPodResources(pod)).not.toThrow();
  });
});
