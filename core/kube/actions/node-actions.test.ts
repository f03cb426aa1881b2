import { describe, expect, it } from 'vitest';
import { KubeStatusError, type KubeJson } from './kube-json.ts';
import { taintHandler } from './node-actions.ts';

/**
 * A node that a kubelet keeps updating: every read sees a newer resourceVersion, and the first
 * `conflicts` patches fail with 409 as the API server answers a stale one. (A scripted client:
 * the timing of a real kubelet's update between our read and our patch cannot be arranged.)
 */
function busyNode(conflicts: number) {
  let version = 100;
  const patches: Array<{ resourceVersion?: string; taints: unknown }> = [];
  const api: KubeJson = {
    server: 'https://demo',
    get: async <T>() =>
      ({ metadata: { name: 'node-1', resourceVersion: String(++version) }, spec: { taints: [] } }) as T,
    patch: async <T>(_path: string, body: unknown) => {
      const { metadata, spec } = body as {
        metadata: { resourceVersion?: string };
        spec: { taints: unknown };
      };
      patches.push({ resourceVersion: metadata.resourceVersion, taints: spec.taints });
      if (patches.length <= conflicts)
        throw new KubeStatusError(
          409,
          'Conflict',
          'the object has been modified; please apply your changes to the latest version and try again',
        );
      return {} as T;
    },
    post: async () => Promise.reject(new Error('unused')),
    put: async () => Promise.reject(new Error('unused')),
    delete: async () => Promise.reject(new Error('unused')),
  };
  return { api, patches };
}

const taint = {
  kind: 'taint',
  node: 'node-1',
  key: 'foresight.io/at-risk',
  value: 'true',
  effect: 'NoSchedule',
} as const;

describe('taint on a node that keeps changing', () => {
  it('re-reads and retries after a 409 Conflict, each time guarded by the version it read', async () => {
    const { api, patches } = busyNode(2);
    const result = await taintHandler.execute(api, taint, () => undefined, new AbortController().signal);
    expect(result.ok).toBe(true);
    expect(patches.map((p) => p.resourceVersion)).toEqual(['101', '102', '103']);
    expect(patches.at(-1)?.taints).toEqual([
      { key: 'foresight.io/at-risk', value: 'true', effect: 'NoSchedule' },
    ]);
  });

  it('gives up after five conflicts with the API server’s message', async () => {
    const { api, patches } = busyNode(99);
    await expect(
      taintHandler.execute(api, taint, () => undefined, new AbortController().signal),
    ).rejects.toThrow(/object has been modified/);
    expect(patches).toHaveLength(5);
  });
});
