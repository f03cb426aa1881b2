import { describe, expect, it } from 'vitest';
import { demoThreadDataSchema } from './thread-messages.ts';

const base = { kubeconfigPath: '/tmp/demo/kubeconfig' };

/** What the backend hands the demo thread survives the check whole: a dropped field is a lost option. */
describe('the demo thread data', () => {
  it.each([
    [[{ family: 'memoryLeak', onsetMs: 60_000 }]],
    [[{ family: 'memoryLeak', onsetMs: 1_800_000, durationMs: 1_200_000 }]],
  ])('keeps the scenarios as given: %j', (scenarios) => {
    expect(demoThreadDataSchema.parse({ ...base, scenarios }).scenarios).toEqual(scenarios);
  });

  it.each([
    [{ family: 'memoryLeak', onsetMs: 0, durationMs: 0 }],
    [{ family: 'memoryLeak', onsetMs: -1 }],
    [{ family: '', onsetMs: 0 }],
  ])('refuses %j', (scenario) => {
    expect(demoThreadDataSchema.safeParse({ ...base, scenarios: [scenario] }).success).toBe(false);
  });
});
