import { describe, expect, it } from 'vitest';
import { patchCommand, preferredAffinityPatch } from './affinityPatch.ts';

describe('preferredAffinityPatch', () => {
  it('prefers the node by name, never requires it', () => {
    const patch = JSON.parse(preferredAffinityPatch('node-3')) as {
      spec: { template: { spec: { affinity: { nodeAffinity: Record<string, unknown> } } } };
    };
    const affinity = patch.spec.template.spec.affinity.nodeAffinity;
    expect(affinity['requiredDuringSchedulingIgnoredDuringExecution']).toBeUndefined();
    expect(affinity['preferredDuringSchedulingIgnoredDuringExecution']).toEqual([
      {
        weight: 50,
        preference: { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-3'] }] },
      },
    ]);
  });

  it('comes with the kubectl command that applies it', () => {
    expect(patchCommand('Deployment', 'shop', 'web', 'node-3')).toMatch(
      /^kubectl -n shop patch deployment web --type strategic -p '\{"spec":/,
    );
  });
});
