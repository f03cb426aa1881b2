import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDrainArgs, runDrainCommand } from '../../core/cli/drain-command.ts';
import type { CommandOutput } from '../../core/cli/output.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { kubectlFor } from '../../core/demo/testing/kubectl.ts';
import type { FixtureBackend } from '../../core/demo/testing/fixture.ts';
import { keys } from '../../core/sim/store/api-resources.ts';
import { DRAIN_CASES, DRAIN_NODE, type DrainCase } from '../fixtures/drain/drain-cases.ts';

/**
 * Differential tests: real `kubectl drain` and `foresight drain` on twin demo clusters built from
 * the same state, for kubectl's own cases. Both must evict, skip and be blocked by the same pods,
 * leave the same pods on the node, agree on success, and print the same lines (as sets: pods are
 * evicted in parallel, so their order is not fixed).
 */

interface Outcome {
  code: number;
  stdout: string[];
  stderr: string[];
  evicted: string[];
  remaining: string[];
  cordoned: boolean;
}

const podsOn = (backend: FixtureBackend) =>
  backend.store
    .list(keys.pods)
    .filter((pod) => (pod.spec as { nodeName?: string }).nodeName === DRAIN_NODE)
    .map((pod) => `${pod.metadata.namespace}/${pod.metadata.name}`)
    .sort();

const cordoned = (backend: FixtureBackend) =>
  (backend.store.get(keys.nodes, undefined, DRAIN_NODE)?.spec as { unschedulable?: boolean })
    .unschedulable === true;

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** kubectl repeats "evicting pod" on every retry; the differential compares what was said, once. */
const uniqueSorted = (list: string[]) => [...new Set(list)].sort();

const evictedNames = (stdout: string[]) =>
  stdout.flatMap((line) => /^pod\/(\S+) (evicted|deleted)$/.exec(line)?.[1] ?? []).sort();

async function withServer<T>(
  testCase: DrainCase,
  use: (server: DemoServer, backend: FixtureBackend) => Promise<T>,
) {
  const backend = testCase.build();
  const server = await startDemoServer({ backend });
  try {
    return await use(server, backend);
  } finally {
    await server.close();
  }
}

async function kubectlDrain(testCase: DrainCase): Promise<Outcome> {
  return withServer(testCase, async (server, backend) => {
    const kubectl = await kubectlFor(server, 60_000);
    try {
      const run = await kubectl.run('drain', DRAIN_NODE, ...testCase.flags);
      const stdout = lines(run.stdout);
      return {
        code: run.code,
        stdout: uniqueSorted(stdout),
        stderr: uniqueSorted(lines(run.stderr)),
        evicted: evictedNames(stdout),
        remaining: podsOn(backend),
        cordoned: cordoned(backend),
      };
    } finally {
      await kubectl.dispose();
    }
  });
}

async function foresightDrain(
  testCase: DrainCase,
  extra: string[] = [],
): Promise<Outcome & { json?: unknown }> {
  return withServer(testCase, async (server, backend) => {
    const dir = await mkdtemp(join(tmpdir(), 'foresight-drain-'));
    try {
      const kubeconfig = join(dir, 'kubeconfig.yaml');
      await server.writeKubeconfig(kubeconfig);
      const stdout: string[] = [];
      const stderr: string[] = [];
      const out: CommandOutput = {
        result: (line) => stdout.push(...lines(line)),
        info: (line) => stderr.push(...lines(line)),
        error: (line) => stderr.push(...lines(line)),
      };
      const args = parseDrainArgs([DRAIN_NODE, '--kubeconfig', kubeconfig, ...testCase.flags, ...extra]);
      const code = await runDrainCommand(args, out);
      return {
        code,
        stdout: uniqueSorted(stdout),
        stderr: uniqueSorted(stderr),
        evicted: evictedNames(stdout),
        remaining: podsOn(backend),
        cordoned: cordoned(backend),
        ...(args.json ? { json: JSON.parse(stdout.join('\n')) } : {}),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}

/** The pods a tool reported as blocking: refusals ("cannot delete …: a, b") and 429s that never cleared. */
function blockingPods(stderr: string[]): string[] {
  const pods = new Set<string>();
  for (const line of stderr) {
    const refusal = /^cannot delete .*: (\S+(?:, \S+)*)$/.exec(line);
    if (refusal) for (const pod of refusal[1]?.split(', ') ?? []) pods.add(pod);
    const retry = /^error when evicting pods\/"([^"]+)" -n "([^"]+)"/.exec(line);
    if (retry) pods.add(`${retry[2]}/${retry[1]}`);
  }
  return [...pods].sort();
}

describe('foresight drain agrees with kubectl drain', { timeout: 60_000 }, () => {
  it.each(DRAIN_CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const [theirs, ours] = await Promise.all([kubectlDrain(testCase), foresightDrain(testCase)]);
    expect(theirs.evicted, 'kubectl evicted').toEqual(testCase.expected.evicted);
    expect(blockingPods(theirs.stderr), 'kubectl blocking').toEqual(testCase.expected.blocking);
    expect(ours.remaining, 'pods left on the node').toEqual(theirs.remaining);
    expect(ours.evicted, 'pods evicted').toEqual(theirs.evicted);
    expect(blockingPods(ours.stderr), 'pods blocking').toEqual(blockingPods(theirs.stderr));
    expect(ours.cordoned).toBe(theirs.cordoned);
    expect(ours.code === 0, `exit code ${ours.code} vs kubectl's ${theirs.code}`).toBe(theirs.code === 0);
    expect(ours.stdout, 'stdout lines').toEqual(theirs.stdout);
    const warnings = (list: string[]) => list.filter((line) => line.startsWith('Warning:'));
    expect(warnings(ours.stderr), 'warnings').toEqual(warnings(theirs.stderr));
  });

  it('-o json names what was evicted, skipped and blocking, and the outcome', async () => {
    const mirror = DRAIN_CASES.find((c) => c.name === 'mirror pod') as DrainCase;
    const ours = await foresightDrain(mirror, ['-o', 'json']);
    expect(ours.json).toEqual({
      node: DRAIN_NODE,
      cordoned: true,
      evict: ['shop/rs-pod'],
      skip: [{ pod: 'kube-system/etcd-drain-me', reason: 'mirror pod (managed by the kubelet)' }],
      blocking: [],
      outcome: 'drained',
    });
    const budget = DRAIN_CASES.find((c) => c.name.startsWith('PDB-blocked')) as DrainCase;
    const blocked = await foresightDrain(budget, ['-o', 'json']);
    expect(blocked.code).toBe(1);
    expect(blocked.json).toMatchObject({
      cordoned: true,
      evict: ['shop/rs-pod'],
      blocking: [
        {
          pod: 'shop/web-5d4f8c7b9-zzzzz',
          reason: expect.stringMatching(/^PodDisruptionBudget shop\/web-pdb: .*global timeout reached: 7s/),
        },
      ],
      outcome: 'timeout',
    });
  });
});
