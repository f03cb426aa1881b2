import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOutput } from '../../core/cli/output.ts';
import { scaleAdviceCommand } from '../../core/cli/scale-advice-command.ts';
import { UsageError } from '../../core/cli/usage-error.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { historyPath } from '../../core/history/history-path.ts';
import { HistoryStore } from '../../core/history/store.ts';
import { loadKubeconfig } from '../../core/kube/kubeconfig.ts';
import { simulatorWorkloadSeries } from '../../core/scaling/sim-workloads.ts';

// `foresight scale-advice` against the demo cluster (its HPAs read over the API) with a week of
// the simulator's workload usage written to the history database that cluster's data lives in.

let server: DemoServer;
const dir = mkdtempSync(join(tmpdir(), 'foresight-scale-advice-'));
const kubeconfig = join(dir, 'kubeconfig.yaml');
const dataDir = join(dir, 'data');

function capture(): CommandOutput & { results: string[]; notes: string[] } {
  const results: string[] = [];
  const notes: string[] = [];
  return {
    results,
    notes,
    result: (l) => results.push(l),
    info: (l) => notes.push(l),
    error: (l) => notes.push(l),
  };
}

beforeAll(async () => {
  server = await startDemoServer({ seed: 1, nodes: 3 });
  await server.writeKubeconfig(kubeconfig);
  const { server: url } = loadKubeconfig(kubeconfig);
  const store = HistoryStore.open(historyPath(dataDir, { demo: false, server: url }));
  const now = Date.now();
  const days = 7;
  const series = simulatorWorkloadSeries({ days, stepMs: 300_000, startMs: now - days * 86_400_000 });
  for (let i = 0; i < (series[0]?.cpuMillis.length ?? 0); i++) {
    const at = (series[0]?.startMs ?? 0) + i * 300_000;
    store.usage.insert(
      at,
      [],
      series.map((s) => {
        const [namespace = '', name = ''] = s.workload.split('/');
        return {
          namespace,
          kind: s.kind,
          name,
          pods: s.replicas,
          cpuMillis: s.cpuMillis[i] ?? 0,
          cpuMaxMillis: (s.cpuMillis[i] ?? 0) / s.replicas,
          memoryBytes: (s.podMemoryBytes[i] ?? 0) * s.replicas,
          memoryMaxBytes: s.podMemoryBytes[i] ?? 0,
          cpuRequestMillis: s.requestCpuMillis * s.replicas,
          memoryRequestBytes: s.requestMemoryBytes * s.replicas,
        };
      }),
    );
  }
  store.close();
}, 120_000);

afterAll(async () => {
  await server?.close();
});

describe('foresight scale-advice', () => {
  it('advises every workload of a namespace, as YAML', { timeout: 120_000 }, async () => {
    const out = capture();
    const code = await scaleAdviceCommand.run(
      ['--kubeconfig', kubeconfig, '--data-dir', dataDir, '--namespace', 'shop', '-o', 'yaml'],
      out,
    );
    expect(code).toBe(0);
    const doc = yaml.load(out.results.join('\n')) as {
      workloads: {
        workload: string;
        recommendations: { kind: string; explanation: string }[];
        cost: { today: number };
      }[];
    };
    expect(doc.workloads.length).toBeGreaterThan(2);
    expect(doc.workloads.every((w) => w.workload.startsWith('shop/'))).toBe(true);
    expect(doc.workloads.every((w) => w.recommendations.length > 0 && w.cost.today >= 0)).toBe(true);
    // Priced from requests: a workload without requests costs nothing here, the others do.
    expect(doc.workloads.filter((w) => w.cost.today > 0).length).toBeGreaterThan(2);
    // Web workloads have daily peaks the simulator put there.
    expect(doc.workloads.some((w) => w.recommendations.some((r) => r.kind === 'daily-schedule'))).toBe(true);
  });

  it('prices with the rates it is given', { timeout: 120_000 }, async () => {
    const cost = async (args: string[]) => {
      const out = capture();
      await scaleAdviceCommand.run(
        ['--kubeconfig', kubeconfig, '--data-dir', dataDir, '--namespace', 'shop', ...args],
        out,
      );
      const doc = JSON.parse(out.results.join('\n')) as {
        workloads: { cost: { today: number; currency: string } }[];
      };
      return doc.workloads.map((w) => w.cost);
    };
    const base = await cost([]);
    const doubled = await cost([
      '--vcpu-hour-price',
      '0.08096',
      '--gib-hour-price',
      '0.00889',
      '--currency',
      'EUR',
    ]);
    expect(doubled.map((c) => c.currency)).toEqual(base.map(() => 'EUR'));
    doubled.forEach((c, i) => expect(c.today).toBeCloseTo(2 * (base[i]?.today ?? NaN), 1));
  });

  it('says where history is missing and what to do', async () => {
    const out = capture();
    const code = await scaleAdviceCommand.run(
      ['--kubeconfig', kubeconfig, '--data-dir', join(dir, 'empty')],
      out,
    );
    expect(code).toBe(1);
    expect(out.notes.join('\n')).toMatch(/no history for .* run `foresight web --context/);
  });

  it.each([
    { args: ['-o', 'xml'], message: /json or yaml/ },
    { args: ['extra'], message: /no positional/ },
    { args: ['--vcpu-hour-price', 'cheap'], message: /--vcpu-hour-price must be a price/ },
    { args: ['--gib-hour-price=-1'], message: /--gib-hour-price must be a price/ },
  ])('bad arguments $args are a usage error', async ({ args, message }) => {
    await expect(scaleAdviceCommand.run(args, capture())).rejects.toThrow(UsageError);
    await expect(scaleAdviceCommand.run(args, capture())).rejects.toThrow(message);
  });

  it('a kubeconfig that does not exist exits 1 naming it', async () => {
    const out = capture();
    expect(await scaleAdviceCommand.run(['--kubeconfig', join(dir, 'nope.yaml')], out)).toBe(1);
    expect(out.notes.join('\n')).toMatch(/nope\.yaml/);
  });
});
