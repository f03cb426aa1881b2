import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findKubeconfigs } from './discovery.ts';

describe('findKubeconfigs', () => {
  const present =
    (...paths: string[]) =>
    (path: string) =>
      paths.includes(path);

  it.each([
    {
      name: 'existing KUBECONFIG entries, in order',
      env: ['/a', '/b', '/c'],
      files: ['/c', '/b'],
      want: ['/b', '/c'],
    },
    {
      name: 'KUBECONFIG set but nothing exists: demo',
      env: ['/a'],
      files: ['/home/u/.kube/config'],
      want: undefined,
    },
    {
      name: 'no KUBECONFIG, default file exists',
      env: [],
      files: ['/home/u/.kube/config'],
      want: ['/home/u/.kube/config'],
    },
    { name: 'nothing at all: demo', env: [], files: [], want: undefined },
  ])('$name', ({ env, files, want }) => {
    const vars = env.length ? { KUBECONFIG: env.join(delimiter) } : {};
    expect(findKubeconfigs(vars, '/home/u', present(...files))).toEqual(want);
  });
});
