import { describe, expect, it } from 'vitest';
import {
  DAEMONSET_FATAL,
  DAEMONSET_WARNING,
  LOCAL_STORAGE_FATAL,
  podVerdict,
  UNMANAGED_FATAL,
  UNMANAGED_WARNING,
  type DaemonSetLookup,
  type DrainFilterOptions,
  type PodJson,
  type PodVerdict,
} from './drain-filters.ts';

const none: DrainFilterOptions = {
  ignoreDaemonSets: false,
  deleteEmptyDirData: false,
  force: false,
  skipWaitForDeleteTimeoutSeconds: 0,
};
const all: DrainFilterOptions = { ...none, ignoreDaemonSets: true, deleteEmptyDirData: true, force: true };

function pod(
  owner?: string,
  extra: { phase?: string; emptyDir?: boolean; mirror?: boolean; deletingSecondsAgo?: number } = {},
): PodJson {
  return {
    metadata: {
      name: 'p',
      namespace: 'ns',
      ...(owner ? { ownerReferences: [{ kind: owner, name: 'o', controller: true }] } : {}),
      ...(extra.mirror ? { annotations: { 'kubernetes.io/config.mirror': 'x' } } : {}),
      ...(extra.deletingSecondsAgo !== undefined
        ? { deletionTimestamp: new Date(Date.now() - extra.deletingSecondsAgo * 1000).toISOString() }
        : {}),
    },
    spec: extra.emptyDir ? { volumes: [{ name: 'v', emptyDir: {} }] } : {},
    status: { phase: extra.phase ?? 'Running' },
  };
}

const found: DaemonSetLookup = { found: true };
const gone: DaemonSetLookup = { found: false, notFound: true, error: 'daemonsets.apps "o" not found' };
const ok = (kind: PodVerdict['kind'] = 'okay', message = '') => ({ delete: true, kind, message });
const keep = (kind: PodVerdict['kind'], message = '') => ({ delete: false, kind, message });

describe('podVerdict follows kubectl filters in order, first refusal wins', () => {
  it.each<[string, PodJson, DrainFilterOptions, DaemonSetLookup | undefined, PodVerdict]>([
    ['ReplicaSet pod', pod('ReplicaSet'), none, undefined, ok()],
    ['DaemonSet pod, no flag', pod('DaemonSet'), none, found, keep('error', DAEMONSET_FATAL)],
    ['DaemonSet pod, --ignore-daemonsets', pod('DaemonSet'), all, found, keep('warning', DAEMONSET_WARNING)],
    ['finished DaemonSet pod', pod('DaemonSet', { phase: 'Succeeded' }), none, undefined, ok()],
    // Deleted, and (as in kubectl) the orphan warning is replaced by the later filters' "okay".
    ['orphaned DaemonSet pod, --force', pod('DaemonSet'), all, gone, ok()],
    ['orphaned DaemonSet pod, no --force', pod('DaemonSet'), none, gone, keep('error', gone.error)],
    ['mirror pod', pod(undefined, { mirror: true }), none, undefined, keep('skip')],
    [
      'emptyDir pod, no flag',
      pod('ReplicaSet', { emptyDir: true }),
      none,
      undefined,
      keep('error', LOCAL_STORAGE_FATAL),
    ],
    // kubectl's later filter replaces the local-storage warning with its own verdict.
    ['emptyDir pod, --delete-emptydir-data', pod('ReplicaSet', { emptyDir: true }), all, undefined, ok()],
    [
      'finished Job pod with emptyDir',
      pod('Job', { phase: 'Succeeded', emptyDir: true }),
      none,
      undefined,
      ok(),
    ],
    ['bare pod, no --force', pod(), none, undefined, keep('error', UNMANAGED_FATAL)],
    ['bare pod, --force', pod(), all, undefined, ok('warning', UNMANAGED_WARNING)],
    ['failed bare pod', pod(undefined, { phase: 'Failed' }), none, undefined, ok()],
    // DaemonSet comes before local storage and no-controller: its refusal is the one reported.
    [
      'DaemonSet pod with emptyDir',
      pod('DaemonSet', { emptyDir: true }),
      none,
      found,
      keep('error', DAEMONSET_FATAL),
    ],
    [
      'bare pod with emptyDir',
      pod(undefined, { emptyDir: true }),
      none,
      undefined,
      keep('error', LOCAL_STORAGE_FATAL),
    ],
    [
      'deleting for longer than --skip-wait-for-delete-timeout',
      pod(undefined, { deletingSecondsAgo: 60 }),
      { ...none, skipWaitForDeleteTimeoutSeconds: 10 },
      undefined,
      keep('skip'),
    ],
    ['deleting, no skip timeout', pod('ReplicaSet', { deletingSecondsAgo: 60 }), none, undefined, ok()],
  ])('%s', (_name, input, options, lookup, verdict) => {
    expect(podVerdict(input, options, lookup)).toEqual(verdict);
  });
});
