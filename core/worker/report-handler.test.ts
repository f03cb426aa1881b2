import type { V1Node } from '@kubernetes/client-node';
import { reduceNode } from '../kube/node-facts.ts';
import type { RawObject } from '../kube/resource-mirror.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventEnvelope, ReplyEnvelope, ReportProgress } from '../contract/index.ts';
import type { ClusterReader } from '../kube/cluster-client.ts';
import { CollectorService } from './collector-service.ts';

// The report methods through the collector service, as the worker answers them: real history
// (SQLite in a temp folder), a scripted cluster.

const services: CollectorService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.stop();
});

const node = (name: string, ready = true): V1Node => ({
  metadata: { name, labels: { 'node-role.kubernetes.io/worker': '' } },
  spec: { unschedulable: name === 'n2' },
  status: {
    allocatable: { cpu: '4', memory: '16Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
  },
});

function service() {
  const dir = mkdtempSync(join(tmpdir(), 'foresight-report-worker-'));
  const kubeconfigPath = join(dir, 'kubeconfig.yaml');
  writeFileSync(
    kubeconfigPath,
    `apiVersion: v1
kind: Config
clusters: [{name: staging-cluster, cluster: {server: 'https://admin:hunter2@10.0.0.1:6443/?x=1'}}]
users: [{name: u, user: {token: not-in-any-report}}]
contexts: [{name: staging, context: {cluster: staging-cluster, user: u}}]
current-context: staging
`,
  );
  const reader: ClusterReader = {
    context: 'staging',
    server: 'https://10.0.0.1:6443',
    listNodes: async () => [node('n1'), node('n2'), node('n3', false)].map((n) => reduceNode(n as RawObject)),
    listPods: async () => [{ nodeName: 'n1', phase: 'Running' }],
    listNodeMetrics: async () => [
      { metadata: { name: 'n1' }, usage: { cpu: '500m', memory: '1Gi' } },
      { metadata: { name: 'n2' }, usage: { cpu: '1', memory: '2Gi' } },
    ],
  };
  const events: EventEnvelope[] = [];
  let clock = Date.UTC(2025, 0, 1, 12);
  const s = new CollectorService(
    {
      host: 'test',
      version: '9.9.9',
      kubeconfigPath,
      demo: false,
      dataDir: dir,
      collectIntervalMs: 60_000,
      retentionDays: 7,
    },
    (e) => events.push(e),
    { createReader: () => reader, now: () => (clock += 5000) },
  );
  services.push(s);
  s.start();
  const progress = () =>
    events.filter((e) => e.name === 'reportProgress').map((e) => e.payload as ReportProgress);
  return { service: s, progress };
}

const ok = (reply: ReplyEnvelope) => {
  if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`);
  return reply.result as Record<string, unknown>;
};

describe('reports in the worker', () => {
  it('lists every section, each available or with the reason it is not', async () => {
    const { service: s } = service();
    const result = ok(await s.handle({ id: 1, method: 'reports.catalog', params: {} }));
    const sections = result.sections as Array<{ id: string; available: boolean; reason?: string }>;
    expect(sections.map((x) => x.id)).toEqual([
      'cluster-summary',
      'node-risk',
      'timeline',
      'placement',
      'scaling',
      'evaluation',
      'audit-log',
    ]);
    // Read through the risk and actions domains, as the Model and Actions pages read them: the
    // shipped model carries its evaluation; no prediction has run before the first collection.
    expect(sections.filter((x) => x.available).map((x) => x.id)).toEqual([
      'cluster-summary',
      'evaluation',
      'audit-log',
    ]);
    for (const id of ['node-risk', 'timeline']) {
      expect(sections.find((x) => x.id === id)?.reason).toBe(
        'no risk predictions yet: the risk engine has not run on this cluster',
      );
    }
    // The scripted connection cannot list pods for scheduling: placement says why it is missing.
    expect(sections.find((x) => x.id === 'placement')?.reason).toMatch(
      /^no placement advice: Could not read the cluster: This cluster connection cannot list/,
    );
  });

  it('builds a report from the collected history, pushing progress under the caller’s job id', async () => {
    const { service: s, progress } = service();
    await s.collect();
    await s.collect();
    const result = ok(
      await s.handle({
        id: 2,
        method: 'reports.build',
        params: {
          jobId: 'job-7',
          sections: ['cluster-summary', 'scaling', 'audit-log'],
          format: 'json',
          period: '1h',
        },
      }),
    );
    expect(result).toMatchObject({
      mimeType: 'application/json',
      sections: ['cluster-summary', 'audit-log'],
    });
    expect(result.fileName).toMatch(/^foresight-report-staging-\d{8}-\d{4}\.json$/);
    const text = Buffer.from(result.base64 as string, 'base64').toString('utf8');
    expect(result.bytes).toBe(Buffer.byteLength(text));
    const report = JSON.parse(text);
    expect(report.cluster).toEqual({
      name: 'staging-cluster',
      context: 'staging',
      server: 'https://10.0.0.1:6443',
      demo: false,
    });
    expect(report.generator.version).toBe('9.9.9');
    // The scripted cluster runs no workloads: scaling has nothing to advise, and says so.
    expect(report.omitted).toEqual([
      {
        id: 'scaling',
        title: 'Scaling and right-sizing',
        reason: expect.stringMatching(/^no workload usage is recorded yet/),
      },
    ]);
    const summary = report.sections['cluster-summary'];
    expect(summary.nodes.map((n: { name: string; health: string }) => [n.name, n.health])).toEqual([
      ['n1', 'healthy'],
      ['n2', 'cordoned'],
      ['n3', 'not-ready'],
    ]);
    expect(summary.clusterSeries).toHaveLength(2);
    expect(report.sections['audit-log']).toMatchObject({ entries: [], truncated: false });
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('not-in-any-report');

    const steps = progress();
    expect(steps.every((p) => p.jobId === 'job-7')).toBe(true);
    expect(steps.at(-1)).toMatchObject({ done: steps.at(-1)?.total, stage: 'Done' });
    expect(steps.map((p) => p.done)).toEqual([...steps.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('refuses, with a reason, a report of sections that are all unavailable', async () => {
    const { service: s } = service();
    const reply = await s.handle({
      id: 3,
      method: 'reports.build',
      params: { sections: ['node-risk', 'placement'], format: 'pdf', period: '24h' },
    });
    expect(reply).toMatchObject({
      ok: false,
      error: {
        code: 'BadRequest',
        message: expect.stringContaining('Node risk (no risk predictions yet: the risk engine has not run'),
      },
    });
  });

  it('still reports the live snapshot when no history exists for the period', async () => {
    const { service: s } = service();
    await s.collect();
    const result = ok(
      await s.handle({
        id: 4,
        method: 'reports.build',
        params: { sections: ['cluster-summary'], format: 'html', since: 0, until: 1000 },
      }),
    );
    const html = Buffer.from(result.base64 as string, 'base64').toString('utf8');
    expect(html).toContain('No samples were recorded in this period');
    expect(html).toContain('n3');
  });
});
