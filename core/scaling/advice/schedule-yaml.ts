import yaml from 'js-yaml';
import type { ScheduleChange, WeeklySchedule } from './schedule.ts';

/**
 * The weekly schedule as Kubernetes objects: CronJobs that run `kubectl scale` at each change
 * (times in UTC via spec.timeZone), and one KEDA ScaledObject with a cron trigger per window.
 * The CronJobs run as the service account `foresight-scaler`, which needs `patch` on the
 * workload's `scale` subresource (create it once; not generated, since RBAC is yours to grant).
 */
export interface ScheduleTarget {
  readonly namespace: string;
  readonly name: string;
  /** Deployment or StatefulSet. */
  readonly kind: string;
}

export const SCALER_SERVICE_ACCOUNT = 'foresight-scaler';
export const KUBECTL_IMAGE = 'registry.k8s.io/kubectl:v1.31.4';

const CRON_DAYS = { weekdays: '1-5', weekends: '0,6' } as const;

function cron(change: ScheduleChange): string {
  return `${change.minuteOfDay % 60} ${Math.floor(change.minuteOfDay / 60)} * * ${CRON_DAYS[change.days]}`;
}

/** DNS-1123 label: lower case, digits and '-', at most 52 characters (CronJob names leave 11 for Jobs). */
function objectName(base: string, suffix: string): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  return `${clean.slice(0, 52 - suffix.length - 1).replace(/-+$/, '')}-${suffix}`;
}

export function cronJobsYaml(target: ScheduleTarget, schedule: WeeklySchedule): string {
  const resource = target.kind === 'StatefulSet' ? 'statefulset' : 'deployment';
  const docs = schedule.changes.map((change) => {
    const hhmm = `${String(Math.floor(change.minuteOfDay / 60)).padStart(2, '0')}${String(change.minuteOfDay % 60).padStart(2, '0')}`;
    return {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: {
        name: objectName(target.name, `${change.days === 'weekdays' ? 'wd' : 'we'}-${hhmm}`),
        namespace: target.namespace,
        labels: { 'app.kubernetes.io/managed-by': 'foresight', 'foresight.dev/scale-target': target.name },
      },
      spec: {
        schedule: cron(change),
        timeZone: 'Etc/UTC',
        concurrencyPolicy: 'Replace',
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          spec: {
            backoffLimit: 2,
            template: {
              spec: {
                serviceAccountName: SCALER_SERVICE_ACCOUNT,
                restartPolicy: 'OnFailure',
                containers: [
                  {
                    name: 'scale',
                    image: KUBECTL_IMAGE,
                    args: [
                      'scale',
                      `${resource}/${target.name}`,
                      `--replicas=${change.replicas}`,
                      '-n',
                      target.namespace,
                    ],
                  },
                ],
              },
            },
          },
        },
      },
    };
  });
  return docs.map((d) => yaml.dump(d, { lineWidth: 120, noRefs: true })).join('---\n');
}

/** KEDA cron triggers: one per run of hours above the quiet level; minReplicaCount covers the rest. */
export function kedaScaledObjectYaml(
  target: ScheduleTarget,
  schedule: WeeklySchedule,
  maxReplicas: number,
): string {
  const floor = Math.min(...schedule.weekdays, ...schedule.weekends);
  const triggers: object[] = [];
  for (const days of ['weekdays', 'weekends'] as const) {
    const profile = days === 'weekdays' ? schedule.weekdays : schedule.weekends;
    for (let h = 0; h < 24;) {
      const replicas = profile[h] ?? floor;
      let end = h + 1;
      while (end < 24 && profile[end] === replicas) end++;
      if (replicas > floor) {
        // Only a rise is scheduled early; a lower window starts on the hour.
        const rising = replicas > (profile[(h + 23) % 24] ?? floor);
        const startMinute = Math.max(0, h * 60 - (rising ? schedule.leadMinutes : 0));
        triggers.push({
          type: 'cron',
          metadata: {
            timezone: 'Etc/UTC',
            start: `${startMinute % 60} ${Math.floor(startMinute / 60)} * * ${CRON_DAYS[days]}`,
            end: `${end === 24 ? 59 : 0} ${end === 24 ? 23 : end} * * ${CRON_DAYS[days]}`,
            desiredReplicas: String(replicas),
          },
        });
      }
      h = end;
    }
  }
  const doc = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: {
      name: objectName(target.name, 'schedule'),
      namespace: target.namespace,
      labels: { 'app.kubernetes.io/managed-by': 'foresight' },
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: target.kind, name: target.name },
      minReplicaCount: floor,
      maxReplicaCount: Math.max(floor, maxReplicas),
      triggers,
    },
  };
  return yaml.dump(doc, { lineWidth: 120, noRefs: true });
}
