import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './json.ts';
import { schemaForKind } from './patch-meta.ts';
import { applyStrategicMergePatch, StrategicMergeError } from './strategic-merge.ts';

/** Strategic merge patch, case by case, as k8s.io/apimachinery's strategicpatch applies it. */

/** How the tests read a patched pod. */
interface PodShape {
  metadata: { labels: unknown; finalizers: unknown };
  spec: { containers: { name: string; image: string }[]; tolerations: unknown; volumes?: unknown };
}
const read = (value: JsonValue) => value as unknown as PodShape;

const pod: JsonObject = {
  metadata: { name: 'p', labels: { app: 'web', tier: 'front' }, finalizers: ['a', 'b'] },
  spec: {
    containers: [
      {
        name: 'main',
        image: 'app:1',
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'sidecar', image: 'proxy:1' },
    ],
    tolerations: [{ key: 'x', operator: 'Exists' }],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
};

const cases: [string, JsonValue, JsonValue, (result: JsonValue) => void][] = [
  [
    'merges maps and deletes keys set to null',
    pod,
    { metadata: { labels: { tier: null, version: 'v2' } } },
    (r) => expect(read(r).metadata.labels).toEqual({ app: 'web', version: 'v2' }),
  ],
  [
    'merges containers by name, and env inside them by name',
    pod,
    {
      spec: {
        containers: [
          {
            name: 'main',
            image: 'app:2',
            env: [
              { name: 'B', value: '3' },
              { name: 'C', value: '4' },
            ],
          },
        ],
      },
    },
    (r) =>
      expect(read(r).spec.containers).toEqual([
        {
          name: 'main',
          image: 'app:2',
          env: [
            { name: 'A', value: '1' },
            { name: 'B', value: '3' },
            { name: 'C', value: '4' },
          ],
        },
        { name: 'sidecar', image: 'proxy:1' },
      ]),
  ],
  [
    'appends a container with a new name',
    pod,
    { spec: { containers: [{ name: 'debug', image: 'busybox' }] } },
    (r) => expect(read(r).spec.containers.map((c) => c.name)).toEqual(['main', 'sidecar', 'debug']),
  ],
  [
    'removes a list element with $patch: delete',
    pod,
    { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } },
    (r) => expect(read(r).spec.containers.map((c) => c.name)).toEqual(['main']),
  ],
  [
    'replaces lists without a merge key (tolerations are atomic)',
    pod,
    { spec: { tolerations: [{ key: 'y', operator: 'Equal', value: 'z' }] } },
    (r) => expect(read(r).spec.tolerations).toEqual([{ key: 'y', operator: 'Equal', value: 'z' }]),
  ],
  [
    'unions finalizers and removes with $deleteFromPrimitiveList',
    pod,
    { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
    (r) => expect(read(r).metadata.finalizers).toEqual(['a', 'c']),
  ],
  [
    'replaces an object with $patch: replace',
    pod,
    { metadata: { labels: { $patch: 'replace', only: 'this' } } },
    (r) => expect(read(r).metadata.labels).toEqual({ only: 'this' }),
  ],
  [
    'keeps only $retainKeys after merging',
    { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    { spec: { strategy: { type: 'Recreate', $retainKeys: ['type'] } } },
    (r) => expect((r as { spec: unknown }).spec).toEqual({ strategy: { type: 'Recreate' } }),
  ],
  [
    'removes a whole list set to null',
    pod,
    { spec: { volumes: null } },
    (r) => expect(read(r).spec.volumes).toBeUndefined(),
  ],
];

describe('applyStrategicMergePatch on a Pod', () => {
  it.each(cases.filter(([name]) => !name.includes('$setElementOrder')))(
    '%s',
    (_name, original, patch, check) => {
      check(applyStrategicMergePatch(original, patch, schemaForKind('Pod')));
    },
  );

  it('orders a merged list with $setElementOrder, keeping server-only elements in place', () => {
    const result = applyStrategicMergePatch(
      pod,
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'main' }],
          containers: [{ name: 'main', image: 'app:3' }],
        },
      },
      schemaForKind('Pod'),
    );
    expect(read(result).spec.containers.map((c) => [c.name, c.image])).toEqual([
      ['sidecar', 'proxy:1'],
      ['main', 'app:3'],
    ]);
  });

  it('merges node conditions by type and leaves the original untouched', () => {
    const node = {
      status: {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: 'DiskPressure', status: 'False' },
        ],
      },
    };
    const result = applyStrategicMergePatch(
      node,
      { status: { conditions: [{ type: 'Ready', status: 'False' }] } },
      schemaForKind('Node'),
    );
    expect(result).toEqual({
      status: {
        conditions: [
          { type: 'Ready', status: 'False' },
          { type: 'DiskPressure', status: 'False' },
        ],
      },
    });
    expect(node.status.conditions[0]?.status).toBe('True');
  });

  it('merges containers inside a Deployment template', () => {
    const deployment = {
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: '1' },
              { name: 'b', image: '1' },
            ],
          },
        },
      },
    };
    const result = applyStrategicMergePatch(
      deployment,
      { spec: { template: { spec: { containers: [{ name: 'b', image: '2' }] } } } },
      schemaForKind('Deployment'),
    );
    expect(result).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'a', image: '1' },
              { name: 'b', image: '2' },
            ],
          },
        },
      },
    });
  });

  it.each([
    ['not an object', [1, 2]],
    ['an unknown directive', { $patch: 'explode' }],
  ])('rejects %s', (_what, patch) => {
    expect(() => applyStrategicMergePatch(pod, patch as JsonValue, schemaForKind('Pod'))).toThrow(
      StrategicMergeError,
    );
  });
});
