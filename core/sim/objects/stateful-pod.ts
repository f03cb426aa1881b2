import type { StatefulSet } from '../kube/types.ts';
import { podTemplateHash } from './template-hash.ts';

/** The controller-revision-hash label value of a StatefulSet's current template: `<name>-<hash>`. */
export function statefulSetRevision(sts: StatefulSet): string {
  return `${sts.metadata.name}-${podTemplateHash(sts.spec.template)}`;
}

/** `web-3` → 3; -1 when the name is not `<set>-<ordinal>`. */
export function statefulPodOrdinal(setName: string, podName: string): number {
  if (!podName.startsWith(`${setName}-`)) return -1;
  const rest = podName.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : -1;
}
