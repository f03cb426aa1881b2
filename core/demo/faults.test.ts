import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Faults } from './faults.ts';
import { startFixtureServer, type FixtureServer } from './testing/fixture-server.ts';
import { asRecord, httpGet } from './testing/http.ts';

/** Fault injection: deterministic rates, the admin endpoint, and each fault's effect on requests. */

describe('Faults', () => {
  it.each([
    [0.5, [false, true, false, true, false, true]],
    [0.25, [false, false, false, true, false, false, false, true]],
    [1, [true, true, true]],
    [0, [false, false, false]],
  ])('errorRate %d fails exactly the n-th requests', (rate, expected) => {
    const faults = new Faults();
    faults.set({ errorRate: rate });
    expect(expected.map(() => faults.nextRequest()?.kind === 'error')).toEqual(expected);
  });

  it('counts down watchGone, and -1 means every watch', () => {
    const faults = new Faults();
    faults.set({ watchGone: 2 });
    expect([faults.takeWatchGone(), faults.takeWatchGone(), faults.takeWatchGone()]).toEqual([
      true,
      true,
      false,
    ]);
    faults.set({ watchGone: -1 });
    expect([faults.takeWatchGone(), faults.takeWatchGone()]).toEqual([true, true]);
  });

  it('refuses settings outside their ranges', () => {
    expect(() => new Faults().set({ errorRate: 2 })).toThrow();
  });
});

describe('faults over HTTP', () => {
  let fx: FixtureServer;
  beforeEach(async () => {
    fx = await startFixtureServer();
  });
  afterEach(async () => {
    await fx.close();
  });

  it('are set, read and reset at /__foresight/faults by the admin only', async () => {
    const set = await fx.admin.send('POST', '/__foresight/faults', {
      latencyMs: 10,
      forbidden: [{ resource: 'nodes', name: 'node-2' }],
    });
    expect(set.json).toMatchObject({
      latencyMs: 10,
      errorRate: 0,
      forbidden: [{ resource: 'nodes', name: 'node-2' }],
    });
    expect((await fx.admin.get('/__foresight/faults')).json).toMatchObject({ latencyMs: 10 });
    expect((await fx.viewer.send('POST', '/__foresight/faults', { latencyMs: 0 })).status).toBe(403);
    expect((await httpGet(`${fx.server.url}/__foresight/faults`)).status).toBe(401);
    expect((await fx.admin.send('POST', '/__foresight/faults', { errorRate: 'lots' })).status).toBe(400);
    expect((await fx.admin.send('POST', '/__foresight/faults', { bogus: 1 })).status).toBe(400);
    expect((await fx.admin.send('DELETE', '/__foresight/faults')).json).toMatchObject({
      latencyMs: 0,
      forbidden: [],
    });
  });

  it('answer 500 at the error rate', async () => {
    fx.server.faults.set({ errorRate: 0.5 });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await fx.admin.get('/api/v1/nodes')).status);
    expect(codes).toEqual([200, 500, 200, 500]);
    // Discovery stays up: clients must be able to find the API to see its errors.
    expect((await fx.admin.get('/api/v1')).status).toBe(200);
  });

  it('throttle with 429 and Retry-After', async () => {
    fx.server.faults.set({ throttleRate: 1, retryAfterSeconds: 3 });
    const res = await fetch(`${fx.server.url}/api/v1/pods`, {
      headers: { authorization: `Bearer ${fx.server.token}` },
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(await res.json()).toMatchObject({ reason: 'TooManyRequests', details: { retryAfterSeconds: 3 } });
  });

  it('add latency', async () => {
    fx.server.faults.set({ latencyMs: 150 });
    const started = Date.now();
    await fx.admin.get('/api/v1/nodes');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('deny a named resource to everyone, admin included', async () => {
    fx.server.faults.set({ forbidden: [{ resource: 'nodes', name: 'node-2', verbs: ['get', 'patch'] }] });
    const res = await fx.admin.get('/api/v1/nodes/node-2');
    expect(res.status).toBe(403);
    expect(String(asRecord(res.json).message)).toBe(
      'nodes "node-2" is forbidden: User "admin" cannot get resource "nodes" in API group "" at the cluster scope: denied by a Foresight fault rule',
    );
    expect((await fx.admin.get('/api/v1/nodes/node-1')).status).toBe(200);
  });
});
