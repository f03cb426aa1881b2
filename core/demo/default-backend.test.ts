import { describe, expect, it } from 'vitest';
import { Simulation } from '../sim/simulation.ts';
import { createDefaultBackend } from './default-backend.ts';

const MINUTE = 60_000;

/** What `--scenario NAME@DELAY+DURATION` asks of the demo reaches the simulator as it was written. */
describe('the demo backend stages the scenarios it is given', () => {
  it.each<[string, number | undefined, number | null]>([
    ['a memory leak that lasts 10 min ends 10 min after its onset', 10 * MINUTE, 11 * MINUTE],
    ['without a duration the leak (OOM kills and restarts) goes on', undefined, null],
  ])('%s', (_name, durationMs, endsAfterStart) => {
    const backend = createDefaultBackend({
      seed: 1,
      nodes: 12,
      scenarios: [{ family: 'memoryLeak', onsetMs: MINUTE, ...(durationMs ? { durationMs } : {}) }],
    });
    if (!(backend instanceof Simulation)) throw new Error('the default backend is no longer core/sim');
    const start = backend.now();
    backend.advance(25 * MINUTE);
    const [incident] = backend.incidents();
    expect(incident?.family).toBe('memoryLeak');
    expect(incident?.onsetMs).toBe(start + MINUTE);
    expect(incident?.endMs === undefined ? null : (incident.endMs ?? 0) - start).toBe(endsAfterStart);
    backend.close();
  });
});
