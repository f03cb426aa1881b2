import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../core/demo/server.ts';
import { kubectlFor, type Kubectl } from '../../core/demo/testing/kubectl.ts';
import { adviseWorkload } from '../../core/scaling/advice/advisor.ts';
import { cronJobsYaml, kedaScaledObjectYaml } from '../../core/scaling/advice/schedule-yaml.ts';
import { SCALING_SCENARIOS } from '../fixtures/scaling/scenarios.ts';

// The schedule's YAML with real kubectl against the demo cluster, which stores CronJobs and
// KEDA ScaledObjects as a cluster with KEDA installed would (it runs neither).

let server: DemoServer;
let kubectl: Kubectl;
const dir = mkdtempSync(join(tmpdir(), 'foresight-schedule-'));

beforeAll(async () => {
  server = await startDemoServer({ seed: 1, nodes: 3 });
  kubectl = await kubectlFor(server, 60_000);
  const daily = SCALING_SCENARIOS.find((s) => s.name === 'daily peaks');
  const advice = await adviseWorkload(daily!.observation);
  const target = { namespace: 'shop', name: 'frontend', kind: 'Deployment' };
  writeFileSync(join(dir, 'cron.yaml'), cronJobsYaml(target, advice.schedule));
  writeFileSync(
    join(dir, 'keda.yaml'),
    kedaScaledObjectYaml(target, advice.schedule, advice.hpa.maxReplicas),
  );
}, 60_000);

afterAll(async () => {
  await kubectl?.dispose();
  await server?.close();
});

describe('schedule YAML with kubectl', () => {
  it.each(['client', 'server'])('kubectl apply --dry-run=%s accepts the CronJobs', async (mode) => {
    const result = await kubectl.run('apply', `--dry-run=${mode}`, '-f', join(dir, 'cron.yaml'));
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines)
      expect(line).toMatch(/^cronjob\.batch\/frontend-w[de]-\d{4} created \((server )?dry run\)$/);
  });

  it.each(['client', 'server'])('kubectl apply --dry-run=%s accepts the KEDA ScaledObject', async (mode) => {
    const result = await kubectl.run('apply', `--dry-run=${mode}`, '-f', join(dir, 'keda.yaml'));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(
      /^scaledobject\.keda\.sh\/frontend\S* created \((server )?dry run\)$/,
    );
  });
});
