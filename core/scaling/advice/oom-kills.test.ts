import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../history/store.ts';
import { countOomKills, podNamePattern } from './oom-kills.ts';

describe('podNamePattern', () => {
  it.each([
    { kind: 'Deployment', name: 'cart', pod: 'cart-7d9f8b6c5-x2k4q', matches: true },
    { kind: 'Deployment', name: 'cart', pod: 'cart-2-7d9f8b6c5-x2k4q', matches: false },
    { kind: 'Deployment', name: 'cart', pod: 'cart', matches: false },
    { kind: 'StatefulSet', name: 'pg', pod: 'pg-0', matches: true },
    { kind: 'StatefulSet', name: 'pg', pod: 'pg-x-0', matches: false },
    { kind: 'Deployment', name: 'a.b', pod: 'axb-7d9f8b6c5-x2k4q', matches: false },
  ])('$kind $name vs $pod → $matches', ({ kind, name, pod, matches }) => {
    expect(podNamePattern(kind, name).test(pod)).toBe(matches);
  });
});

describe('countOomKills', () => {
  it('counts the workload’s OOMKills since a time, not its neighbours’', () => {
    const store = HistoryStore.open(join(mkdtempSync(join(tmpdir(), 'foresight-oom-')), 'h.db'));
    const oom = (at: number, pod: string, namespace = 'shop') =>
      ({ at, kind: 'PodOOMKilled', node: 'n1', namespace, pod, detail: '' }) as const;
    store.lifecycle.insert([
      oom(100, 'cart-7d9f8b6c5-aaaaa'),
      oom(200, 'cart-7d9f8b6c5-bbbbb'),
      oom(50, 'cart-7d9f8b6c5-ccccc'), // before the window
      oom(300, 'cart-2-7d9f8b6c5-ddddd'), // another workload
      oom(300, 'cart-7d9f8b6c5-eeeee', 'other'), // another namespace
      {
        at: 300,
        kind: 'PodRestarted',
        node: 'n1',
        namespace: 'shop',
        pod: 'cart-7d9f8b6c5-fffff',
        detail: '',
      },
    ]);
    expect(countOomKills(store, { namespace: 'shop', kind: 'Deployment', name: 'cart' }, 100)).toBe(2);
    store.close();
  });
});
