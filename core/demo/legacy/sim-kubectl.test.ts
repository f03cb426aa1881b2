import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyBackend, type LegacyBackend } from './sim-backend.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { asRecord, itemsOf, nameOf } from '../testing/http.ts';

/** Real kubectl, the independent client DESIGN.md asks the demo to satisfy. */

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const TIMEOUT_MS = 20_000;

let server: DemoServer;
let backend: LegacyBackend;
let dir: string;
let kubeconfigPath: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function kubectl(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      KUBECTL,
      ['--kubeconfig', kubeconfigPath, '--cache-dir', join(dir, 'cache'), ...args],
      // A private HOME and no KUBECONFIG: the developer's own clusters must never be touched.
      { timeout: TIMEOUT_MS, env: { PATH: process.env.PATH ?? '', HOME: dir }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr: error && code === -1 ? `${error.message}\n${stderr}` : stderr });
      },
    );
  });
}

/** Fails with kubectl's own words when it did not succeed. */
async function ok(...args: string[]): Promise<string> {
  const run = await kubectl(...args);
  if (run.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${run.code}:\n${run.stderr}`);
  return run.stdout;
}

beforeAll(async () => {
  if (!existsSync(KUBECTL)) throw new Error(`kubectl not found at ${KUBECTL} (set KUBECTL to its path)`);
  dir = await mkdtemp(join(tmpdir(), 'foresight-kubectl-'));
  kubeconfigPath = join(dir, 'kubeconfig.yaml');
  // 12 x 50 = 600 pods: more than kubectl's default chunk of 500, so `get pods` pages.
  backend = createLegacyBackend({ seed: 9, nodes: 12, podsPerNode: 50 });
  server = await startDemoServer({ backend });
  await server.writeKubeconfig(kubeconfigPath);
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('kubectl against the demo server', { timeout: 60_000 }, () => {
  it('gets nodes as JSON', async () => {
    const body = asRecord(JSON.parse(await ok('get', 'nodes', '-o', 'json')));
    expect(body.kind).toBe('List');
    const names = itemsOf(body).map(nameOf);
    expect(names).toEqual(backend.simulation.cluster.nodes.map((n) => n.name).sort());
    expect(itemsOf(body)[0]?.kind).toBe('Node');
  });

  it('names every pod in every namespace, across pages', async () => {
    const lines = (await ok('get', 'pods', '-A', '-o', 'name')).trim().split('\n');
    expect(lines).toHaveLength(600);
    expect(new Set(lines)).toEqual(new Set(backend.simulation.cluster.pods.map((p) => `pod/${p.name}`)));
  });

  it('prints the nodes table', async () => {
    const lines = (await ok('get', 'nodes')).trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s*$/);
    const rows = lines.slice(1).map((l) => l.split(/\s+/));
    expect(rows.map((r) => r[0])).toEqual(backend.simulation.cluster.nodes.map((n) => n.name).sort());
    expect(rows[0]?.slice(0, 3)).toEqual(['control-plane-1', 'Ready', 'control-plane']);
    for (const row of rows) expect(row[4]).toBe(backend.simulation.cluster.kubernetesVersion);
  });

  it('filters pods by label and field like the API server', async () => {
    const sim = backend.simulation;
    const node = sim.cluster.nodes[4]!;
    const out = await ok('get', 'pods', '-A', '--field-selector', `spec.nodeName=${node.name}`, '-o', 'name');
    const expected = sim.cluster.pods.filter((p) => p.nodeIndex === node.index).map((p) => `pod/${p.name}`);
    expect(out.trim().split('\n').sort()).toEqual(expected.sort());

    const labelled = await ok('get', 'pods', '-n', 'kube-system', '-l', 'app=coredns', '-o', 'name');
    expect(labelled.trim().split('\n')).toHaveLength(2);
  });

  it('reports a missing pod the way a cluster does', async () => {
    const run = await kubectl('get', 'pod', '-n', 'shop', 'does-not-exist');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error from server (NotFound): pods "does-not-exist" not found');
  });

  it('reads the server version', async () => {
    const version = asRecord(JSON.parse(await ok('version', '-o', 'json')));
    expect(asRecord(version.serverVersion).gitVersion).toBe(backend.simulation.cluster.kubernetesVersion);
  });

  it('shows node usage with kubectl top', async () => {
    const lines = (await ok('top', 'nodes')).trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CPU\(cores\)\s+CPU(%|\(%\))\s+MEMORY\(bytes\)\s+MEMORY(%|\(%\))/);
    const rows = lines.slice(1).map((l) => l.split(/\s+/));
    expect(rows).toHaveLength(12);
    for (const [name, cpu, cpuPercent, memory, memoryPercent] of rows) {
      expect(backend.simulation.findNode(name!)).toBeDefined();
      expect(cpu).toMatch(/^\d+m$/);
      expect(memory).toMatch(/^\d+Mi$/);
      expect(Number(cpuPercent?.replace('%', ''))).toBeGreaterThan(0);
      expect(Number(memoryPercent?.replace('%', ''))).toBeLessThan(100);
    }
  });

  it('shows pod usage with kubectl top pods', async () => {
    const lines = (await ok('top', 'pods', '-n', 'payments')).trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)/);
    const expected = backend.simulation.cluster.pods
      .filter((p) => p.namespace === 'payments')
      .map((p) => p.name);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(/\s+/)[0])
        .sort(),
    ).toEqual(expected.sort());
  });
});
