import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runDemoServerCommand } from './demo-server-command.ts';
import { main } from './main.ts';
import type { CommandOutput } from './output.ts';

function capture(): CommandOutput & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, result: (l) => out.push(l), info: (l) => err.push(l), error: (l) => err.push(l) };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foresight-demo-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('foresight demo-server', { timeout: 30_000 }, () => {
  it.each([
    ['memoryLeak', { family: 'memoryLeak', onsetMs: 300_000 }],
    ['diskFill@90s', { family: 'diskFill', onsetMs: 90_000 }],
    ['trafficSurge@10m', { family: 'trafficSurge', onsetMs: 600_000 }],
    ['kubeletCrashLoop@2h', { family: 'kubeletCrashLoop', onsetMs: 7_200_000 }],
    ['memoryLeak@30m+20m', { family: 'memoryLeak', onsetMs: 1_800_000, durationMs: 1_200_000 }],
    ['noisyNeighbour+90s', { family: 'noisyNeighbour', onsetMs: 300_000, durationMs: 90_000 }],
    [
      'hardwareFailure@2m+1m:node-03',
      { family: 'hardwareFailure', onsetMs: 120_000, durationMs: 60_000, target: { node: 'node-03' } },
    ],
    ['memoryLeak:node-10', { family: 'memoryLeak', onsetMs: 300_000, target: { node: 'node-10' } }],
  ])('reads --scenario %s', (text, expected) => {
    expect(parseScenario(text)).toEqual(expected);
  });

  it.each(['', '@5m', 'leak@5d', 'a b', 'leak@5m+', 'leak@5m+2d', 'leak@5m+20m+1m', 'leak:', 'leak:Node_1'])(
    'refuses --scenario %j as a usage error',
    async (text) => {
      const io = capture();
      expect(await main(['demo-server', '--scenario', text], io)).toBe(2);
      expect(io.err.join('\n')).toMatch(/--scenario needs NAME, NAME@DELAY or NAME@DELAY\+DURATION/);
    },
  );

  it('refuses a scenario that lasts no time, saying what to write', async () => {
    const io = capture();
    expect(await main(['demo-server', '--scenario', 'memoryLeak@1m+0m'], io)).toBe(2);
    expect(io.err.join('\n')).toMatch(/memoryLeak@1m\+0m: the duration after "\+" must be longer than 0/);
  });

  it('serves, writes a kubeconfig with admin and viewer contexts, says how to use it, and stops', async () => {
    const io = capture();
    const kubeconfigOut = join(dir, 'demo.kubeconfig');
    const stop = await runDemoServerCommand({ nodes: 3, seed: 2, kubeconfigOut }, io);
    try {
      const config = yaml.load(await readFile(kubeconfigOut, 'utf8')) as {
        contexts: { name: string }[];
        clusters: { cluster: { server: string } }[];
      };
      expect(config.contexts.map((c) => c.name)).toEqual(['foresight-demo', 'foresight-demo-viewer']);
      const server = config.clusters[0]?.cluster.server ?? '';
      expect(io.out.join('\n')).toContain(`Demo cluster API at ${server}`);
      expect(io.out).toContain(`Kubeconfig written to ${kubeconfigOut}`);
      expect(io.out.join('\n')).toContain(`export KUBECONFIG=${kubeconfigOut}`);
      const version = await fetch(`${server.replace('https:', 'http:')}/healthz`).catch(() => undefined);
      expect(version).toBeUndefined(); // TLS only on the kubeconfig's port
    } finally {
      await stop();
    }
  });
});
