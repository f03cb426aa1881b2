import { describe, expect, it } from 'vitest';
import type { WorkerDomainContext } from './domain.ts';
import { NodesService } from './nodes-domain.ts';

describe('NodesService', () => {
  it('says no cluster is connected, and what to do, instead of failing', async () => {
    const service = new NodesService({
      cluster: () => undefined,
      now: () => 0,
    } as unknown as WorkerDomainContext);
    const reply = await service.handle({ id: 4, method: 'nodes.describe', params: { node: 'node-7' } });
    expect(reply).toEqual({
      kind: 'reply',
      id: 4,
      ok: false,
      error: {
        code: 'Unavailable',
        message: 'No cluster is connected, so node-7 cannot be described.',
        hint: 'Pick a context (or the demo cluster) in the Context menu at the top.',
      },
    });
  });
});
