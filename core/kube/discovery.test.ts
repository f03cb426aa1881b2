import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKubeconfig } from './discovery.ts';

describe('findKubeconfig', () => {
  const present =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it.each([
    { name: 'first existing KUBECONFIG entry', env: ['/a', '/b', '/c'], files: ['/b', '/c'], want: '/b' },
    {
      name: 'KUBECONFIG set but nothing exists',
      env: ['/a'],
      files: ['/home/u/.kube/config'],
      want: undefined,
    },
    {
      name: 'no KUBECONFIG, default file exists',
      env: [],
      files: ['/home/u/.kube/config'],
      want: '/home/u/.kube/config',
    },
    { name: 'nothing at all: demo', env: [], files: [], want: undefined },
  ])('$name', ({ env, files, want }) => {
    const vars = env.length ? { KUBECONFIG: env.join(delimiter) } : {};
    expect(findKubeconfig(vars, '/home/u', present(...files))).toBe(want);
  });
});
