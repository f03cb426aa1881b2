import { describe, expect, it } from 'vitest';
import type { Pod } from '../kube/types.ts';
import { profileFor, workloadOf } from './profile.ts';

function pod(
  name: string,
  owner?: { kind: string; name: string },
  labels: Record<string, string> = {},
  limits?: Record<string, string>,
): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'shop',
      uid: `uid-${name}`,
      labels,
      ...(owner
        ? { ownerReferences: [{ apiVersion: 'apps/v1', ...owner, uid: 'o', controller: true }] }
        : {}),
    },
    spec: {
      containers: [
        {
          name: 'app',
          resources: { requests: { cpu: '200m', memory: '256Mi' }, ...(limits ? { limits } : {}) },
        },
      ],
    },
  };
}

describe('workloadOf', () => {
  it.each([
    [
      pod(
        'cart-7d4b9c8f5-abcde',
        { kind: 'ReplicaSet', name: 'cart-7d4b9c8f5' },
        { 'pod-template-hash': '7d4b9c8f5' },
      ),
      'shop/cart',
    ],
    [pod('db-0', { kind: 'StatefulSet', name: 'db' }), 'shop/db'],
    [pod('backup-xyz12', { kind: 'Job', name: 'backup' }), 'shop/backup'],
    [pod('debug'), 'shop/debug'],
  ])('%#: %s', (p, expected) => {
    expect(workloadOf(p)).toBe(expected);
  });
});

describe('profileFor', () => {
  it('is a pure function of seed and pod; replicas share their workload, not their jitter', () => {
    const a = pod(
      'cart-7d4b9c8f5-aaaaa',
      { kind: 'ReplicaSet', name: 'cart-7d4b9c8f5' },
      { 'pod-template-hash': '7d4b9c8f5' },
    );
    const b = pod(
      'cart-7d4b9c8f5-bbbbb',
      { kind: 'ReplicaSet', name: 'cart-7d4b9c8f5' },
      { 'pod-template-hash': '7d4b9c8f5' },
    );
    expect(profileFor(1, a)).toEqual(profileFor(1, a));
    expect(profileFor(1, a).pattern).toBe('web');
    expect(profileFor(1, a).dailyAmplitude).toBe(profileFor(1, b).dailyAmplitude);
    expect(profileFor(1, a).cpuBaseMillis).not.toBe(profileFor(1, b).cpuBaseMillis);
    expect(profileFor(2, a)).not.toEqual(profileFor(1, a));
  });

  it('keeps healthy memory well under a memory limit, so only incidents OOM-kill', () => {
    for (let i = 0; i < 50; i++) {
      const p = profileFor(i, pod(`x-${i}`, undefined, {}, { memory: '256Mi' }));
      expect(p.memoryBaseBytes).toBeLessThanOrEqual(0.66 * 256 * 2 ** 20);
    }
  });

  it('gives Job pods a finite amount of work and services none', () => {
    expect(Number.isFinite(profileFor(1, pod('backup-xyz12', { kind: 'Job', name: 'backup' })).runMs)).toBe(
      true,
    );
    expect(profileFor(1, pod('db-0', { kind: 'StatefulSet', name: 'db' })).runMs).toBe(Infinity);
  });
});
