import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cronJobsYaml, kedaScaledObjectYaml } from './schedule-yaml.ts';
import type { WeeklySchedule } from './schedule.ts';

const flat = (n: number) => Array.from({ length: 24 }, () => n);
const weekdays = flat(2).map((r, h) => (h >= 9 && h < 17 ? 6 : r));
const schedule: WeeklySchedule = {
  weekdays,
  weekends: flat(2),
  peaks: [{ days: 'weekdays', fromHour: 9, toHour: 17 }],
  quiet: [],
  leadMinutes: 10,
  changes: [
    { days: 'weekdays', minuteOfDay: 8 * 60 + 50, replicas: 6 },
    { days: 'weekdays', minuteOfDay: 17 * 60, replicas: 2 },
  ],
};
const target = { namespace: 'shop', name: 'Frontend_V2', kind: 'Deployment' };

describe('schedule YAML', () => {
  it('CronJobs: one per change, in UTC, running kubectl scale with valid names', () => {
    const docs = yaml.loadAll(cronJobsYaml(target, schedule)) as {
      kind: string;
      metadata: { name: string; namespace: string };
      spec: {
        schedule: string;
        timeZone: string;
        jobTemplate: { spec: { template: { spec: { containers: { args: string[] }[] } } } };
      };
    }[];
    expect(docs.map((d) => [d.kind, d.metadata.name, d.spec.schedule])).toEqual([
      ['CronJob', 'frontend-v2-wd-0850', '50 8 * * 1-5'],
      ['CronJob', 'frontend-v2-wd-1700', '0 17 * * 1-5'],
    ]);
    expect(
      docs.every(
        (d) => /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(d.metadata.name) && d.metadata.name.length <= 52,
      ),
    ).toBe(true);
    expect(docs[0]?.spec.timeZone).toBe('Etc/UTC');
    expect(docs[0]?.spec.jobTemplate.spec.template.spec.containers[0]?.args).toEqual([
      'scale',
      'deployment/Frontend_V2',
      '--replicas=6',
      '-n',
      'shop',
    ]);
  });

  it('KEDA: a cron trigger per window above the floor, scheduled the lead time early', () => {
    const doc = yaml.load(kedaScaledObjectYaml(target, schedule, 10)) as {
      apiVersion: string;
      spec: {
        minReplicaCount: number;
        maxReplicaCount: number;
        triggers: { metadata: Record<string, string> }[];
      };
    };
    expect(doc.apiVersion).toBe('keda.sh/v1alpha1');
    expect(doc.spec.minReplicaCount).toBe(2);
    expect(doc.spec.maxReplicaCount).toBe(10);
    expect(doc.spec.triggers.map((t) => t.metadata)).toEqual([
      { timezone: 'Etc/UTC', start: '50 8 * * 1-5', end: '0 17 * * 1-5', desiredReplicas: '6' },
    ]);
  });
});
