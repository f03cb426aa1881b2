import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { kubectlFor, type Kubectl } from '../../core/demo/testing/kubectl.ts';

// Real kubectl against the demo server backed by the running simulator (controllers, scheduler,
// kubelet): what kubectl changes is carried out by the cluster, as on a real one.

let server: DemoServer;
let kubectl: Kubectl;

beforeAll(async () => {
  // 20x real time: pods start, and metrics appear, within a second or two of real time.
  server = await startDemoServer({ seed: 11, nodes: 6, podsPerNode: 4, speed: 20 });
  kubectl = await kubectlFor(server, 60_000);
});

afterAll(async () => {
  await kubectl?.dispose();
  await server?.close();
});

interface PodRow {
  namespace: string;
  name: string;
  node: string;
  phase: string;
  owner: string;
}

async function pods(): Promise<PodRow[]> {
  const list = JSON.parse(await kubectl.ok('get', 'pods', '-A', '-o', 'json')) as {
    items: Array<{
      metadata: { namespace: string; name: string; ownerReferences?: Array<{ kind: string }> };
      spec: { nodeName?: string };
      status: { phase?: string };
    }>;
  };
  return list.items.map((p) => ({
    namespace: p.metadata.namespace,
    name: p.metadata.name,
    node: p.spec.nodeName ?? '',
    phase: p.status.phase ?? '',
    owner: p.metadata.ownerReferences?.[0]?.kind ?? '',
  }));
}

async function poll<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

describe('kubectl against the simulated cluster', () => {
  it('apply -f of a new Deployment: its pods get scheduled, run, and report metrics', async () => {
    const manifest = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'hello', namespace: 'default' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'hello' } },
        template: {
          metadata: { labels: { app: 'hello' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:1.27',
                resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
              },
            ],
          },
        },
      },
    });
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'foresight-apply-')), 'hello.json');
    writeFileSync(file, manifest);
    expect(await kubectl.ok('apply', '-f', file)).toContain('deployment.apps/hello created');

    const running = await poll('3 hello pods Running on nodes', async () => {
      const hello = (await pods()).filter((p) => p.name.startsWith('hello-'));
      return hello.length === 3 && hello.every((p) => p.phase === 'Running' && p.node) ? hello : undefined;
    });
    expect(running).toHaveLength(3);
    const top = await poll('kubectl top pods to show them', async () => {
      const result = await kubectl.run('top', 'pods', '-n', 'default', '-l', 'app=hello', '--no-headers');
      const lines = result.stdout.trim().split('\n').filter(Boolean);
      return result.code === 0 && lines.length === 3 ? lines : undefined;
    });
    expect(top.every((line) => /^hello-\S+\s+\d+m\s+\d+Mi$/.test(line.trim()))).toBe(true);
  });

  it('drain --ignore-daemonsets --delete-emptydir-data: evicted pods are recreated elsewhere', async () => {
    const before = await pods();
    const workers = [
      ...new Set(before.map((p) => p.node).filter((n) => n && !n.startsWith('control-plane'))),
    ];
    const target =
      workers.find((node) => before.some((p) => p.node === node && p.owner === 'ReplicaSet')) ??
      workers[0] ??
      '';
    const replicated = before.filter((p) => p.node === target && p.owner === 'ReplicaSet');
    expect(replicated.length).toBeGreaterThan(0);

    const drain = await kubectl.run(
      'drain',
      target,
      '--ignore-daemonsets',
      '--delete-emptydir-data',
      '--timeout',
      '60s',
    );
    expect(drain.code, drain.stderr).toBe(0);
    expect(drain.stdout).toContain(`node/${target} drained`);

    const after = await poll('the replacements to run on other nodes', async () => {
      const now = await pods();
      const left = now.filter((p) => p.node === target && p.owner !== 'DaemonSet');
      const runningElsewhere = now.filter(
        (p) => p.owner === 'ReplicaSet' && p.node !== target && p.phase === 'Running',
      );
      const replicasBefore = before.filter((p) => p.owner === 'ReplicaSet').length;
      return left.length === 0 && runningElsewhere.length >= replicasBefore ? now : undefined;
    });
    expect(after.filter((p) => p.node === target && p.owner === 'ReplicaSet')).toEqual([]);
    const node = JSON.parse(await kubectl.ok('get', 'node', target, '-o', 'json')) as {
      spec: { unschedulable?: boolean };
    };
    expect(node.spec.unschedulable).toBe(true);
    await kubectl.ok('uncordon', target);
  });
});
