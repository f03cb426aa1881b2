import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeCommand } from '../../core/cli/place-command.ts';
import { snapshotCommand } from '../../core/cli/snapshot-command.ts';
import type { CommandOutput } from '../../core/cli/output.ts';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { kubectlFor, type Kubectl } from '../../core/demo/testing/kubectl.ts';
import type { PlaceResult } from '../../core/scheduling/place.ts';
import { foresightAdvisors } from '../../core/scheduling/advisors/index.ts';

// `foresight snapshot` and `foresight place` against the demo cluster, with real kubectl as the
// independent witness of what the cluster holds.

let server: DemoServer;
let kubectl: Kubectl;
let dir: string;
let kubeconfig: string;

function capture(): CommandOutput & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, result: (l) => out.push(l), info: (l) => err.push(l), error: (l) => err.push(l) };
}

beforeAll(async () => {
  server = await startDemoServer({ seed: 5, nodes: 6, podsPerNode: 4, speed: 1 });
  kubectl = await kubectlFor(server, 60_000);
  dir = await mkdtemp(join(tmpdir(), 'foresight-place-'));
  kubeconfig = join(dir, 'kubeconfig.yaml');
  await server.writeKubeconfig(kubeconfig);
});

afterAll(async () => {
  await kubectl?.dispose();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function snapshot(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = capture();
  const code = await snapshotCommand.run(['--kubeconfig', kubeconfig, ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('foresight snapshot', () => {
  it('prints every node and pod kubectl sees, in Kubernetes JSON with spec.nodeName', async () => {
    const { code, out } = await snapshot();
    expect(code).toBe(0);
    const snap = JSON.parse(out.join('\n')) as {
      nodes: { kind: string; metadata: { name: string } }[];
      pods: { spec: { nodeName?: string } }[];
    };
    const nodes = (await kubectl.ok('get', 'nodes', '-o', 'name'))
      .trim()
      .split('\n')
      .map((l) => l.replace('node/', ''));
    expect(snap.nodes.map((n) => n.metadata.name).sort()).toEqual(nodes.sort());
    expect(snap.nodes.every((n) => n.kind === 'Node')).toBe(true);
    const podCount = (await kubectl.ok('get', 'pods', '-A', '-o', 'name')).trim().split('\n').length;
    expect(snap.pods.length).toBeGreaterThan(0);
    expect(Math.abs(snap.pods.length - podCount)).toBeLessThanOrEqual(2);
    expect(snap.pods.filter((p) => p.spec.nodeName).length).toBeGreaterThan(0);
  });

  it('--context picks the context as kubectl does; an unknown one is a clear error', async () => {
    expect((await snapshot('--context', 'foresight-demo-viewer')).code).toBe(0);
    const bad = await snapshot('--context', 'nope');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toContain('Context "nope" is not in');
  });
});

describe('foresight place on a snapshot of the demo cluster', () => {
  it('ranks every node, explains the excluded ones, and names both choices', async () => {
    const snap = await snapshot();
    const snapshotFile = join(dir, 'cluster.json');
    await writeFile(snapshotFile, snap.out.join('\n'));
    const podFile = join(dir, 'pod.yaml');
    await writeFile(
      podFile,
      'apiVersion: v1\nkind: Pod\nmetadata: {name: probe, namespace: default}\nspec:\n  containers:\n    - name: app\n      image: nginx\n      resources: {requests: {cpu: 100m, memory: 128Mi}}\n',
    );
    const io = capture();
    expect(await placeCommand.run(['--snapshot', snapshotFile, '--pod', podFile], io)).toBe(0);
    const answer = JSON.parse(io.out.join('\n')) as PlaceResult;
    const nodes = (JSON.parse(snap.out.join('\n')) as { nodes: unknown[] }).nodes;
    expect(answer.nodes).toHaveLength(nodes.length);
    const feasible = answer.nodes.filter((n) => n.feasible);
    expect(feasible.length).toBeGreaterThan(0);
    expect(feasible.map((n) => n.rank)).toEqual(feasible.map((_, i) => i + 1));
    for (const n of feasible) {
      expect(Object.keys(n.scores)).toEqual([
        'TaintToleration',
        'NodeAffinity',
        'NodeResourcesFit',
        'NodeResourcesBalancedAllocation',
      ]);
      expect(n.kubeSchedulerTotal).toBe(
        3 * n.scores['TaintToleration']! +
          2 * n.scores['NodeAffinity']! +
          n.scores['NodeResourcesFit']! +
          n.scores['NodeResourcesBalancedAllocation']!,
      );
    }
    for (const n of answer.nodes.filter((x) => !x.feasible)) expect(n.reasons.length).toBeGreaterThan(0);
    expect(feasible.map((n) => n.name)).toContain(answer.kubeSchedulerChoice?.node);
    expect(answer.advice?.node).toBe(answer.kubeSchedulerChoice?.node);
    // A bare snapshot has no history: none of Foresight's plugins takes part.
    expect(answer.plugins.filter((p) => p.source === 'foresight' && !p.active)).toHaveLength(
      foresightAdvisors({}).length,
    );
    // Nor any node failures: no node advice.
    expect(answer.nodeAdvice).toEqual([]);
  });

  it('bad input: a spec that does not parse, unknown resource names, a snapshot with no nodes', async () => {
    const snapshotFile = join(dir, 'cluster.json');
    const cases: [string, string, string][] = [
      ['broken.yaml', 'kind: Pod\nspec: {containers: [\n', 'does not parse as YAML'],
      [
        'typo.yaml',
        'kind: Pod\nspec:\n  containers: [{name: a, resources: {requests: {cpuu: 1}}}]\n',
        'unknown resource name "cpuu"',
      ],
    ];
    for (const [name, text, message] of cases) {
      await writeFile(join(dir, name), text);
      const io = capture();
      expect(await placeCommand.run(['--snapshot', snapshotFile, '--pod', join(dir, name)], io)).toBe(1);
      expect(io.err.join('\n')).toContain(message);
    }
    const empty = join(dir, 'empty.json');
    await writeFile(empty, '{"nodes": [], "pods": []}');
    const io = capture();
    expect(await placeCommand.run(['--snapshot', empty, '--pod', join(dir, 'pod.yaml')], io)).toBe(1);
    expect(io.err.join('\n')).toContain('The snapshot has no nodes');
    await expect(placeCommand.run(['--pod', join(dir, 'pod.yaml')], capture())).rejects.toThrow(
      '--snapshot FILE is required',
    );
  });
});
