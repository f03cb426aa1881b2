import { describe, expect, it } from 'vitest';
import { bindText, requestedSince } from './assumed-pods.ts';
import type { PodObject } from './kube-objects.ts';
import { buildNodeInfos } from './node-info.ts';
import { makeNode, makePod } from './testing/builders.ts';

const mi = 2 ** 20;

function boundAt(pod: PodObject, iso: string | undefined): PodObject {
  const conditions =
    iso === undefined ? [] : [{ type: 'PodScheduled', status: 'True', lastTransitionTime: iso }];
  return { ...pod, status: { ...pod.status, conditions } } as PodObject;
}

const at = (iso: string) => Date.parse(iso);

describe('bindText', () => {
  it.each<[string, PodObject, string]>([
    ['the PodScheduled transition', boundAt(makePod().obj(), '2025-06-02T08:10:00Z'), '2025-06-02T08:10:00Z'],
    [
      'other forms rewritten to whole UTC seconds',
      boundAt(makePod().obj(), '2025-06-02T10:10:00.750+02:00'),
      '2025-06-02T08:10:00Z',
    ],
    ['no PodScheduled condition yet: bound just now, after any time', makePod().obj(), '~'],
    ['an unreadable time: bound just now', boundAt(makePod().obj(), 'soon'), '~'],
  ])('%s', (_name, pod, expected) => expect(bindText(pod)).toBe(expected));
});

describe('requestedSince', () => {
  const pods = [
    boundAt(makePod().name('old').node('a').req({ cpu: '1', memory: '1Gi' }).obj(), '2025-06-02T08:00:00Z'),
    boundAt(
      makePod().name('new').node('a').req({ cpu: '500m', memory: '256Mi' }).obj(),
      '2025-06-02T08:10:00Z',
    ),
    // Assumed a moment ago: no status written yet. Requests nothing, so counts as 100m / 200Mi.
    makePod().name('assumed').node('a').req({}).obj(),
    boundAt(
      makePod().name('done').node('a').req({ cpu: '2' }).phase('Succeeded').obj(),
      '2025-06-02T08:20:00Z',
    ),
    boundAt(makePod().name('elsewhere').node('b').req({ cpu: '3' }).obj(), '2025-06-02T08:20:00Z'),
  ];
  const [a, b] = buildNodeInfos([makeNode('a', 4000, 8 * 2 ** 30), makeNode('b', 4000, 8 * 2 ** 30)], pods);

  it.each<[string, number, { milliCpu: number; memory: number }]>([
    ['before every pod: all live pods', at('2025-06-02T07:00:00Z'), { milliCpu: 1600, memory: 1480 * mi }],
    [
      'between the two bindings: the newer and the assumed one',
      at('2025-06-02T08:05:00Z'),
      { milliCpu: 600, memory: 456 * mi },
    ],
    ['after both: only the assumed pod', at('2025-06-02T08:30:00Z'), { milliCpu: 100, memory: 200 * mi }],
  ])('%s', (_name, since, expected) => expect(requestedSince(a!, since)).toEqual(expected));

  it("counts only the node's own pods", () => {
    expect(requestedSince(b!, at('2025-06-02T08:00:00Z'))).toEqual({ milliCpu: 3000, memory: 200 * mi });
  });
});
