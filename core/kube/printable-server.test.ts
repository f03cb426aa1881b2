import { describe, expect, it } from 'vitest';
import { printableServer } from './printable-server.ts';

describe('printableServer', () => {
  it.each([
    ['https://admin:s3cret@k8s.example.com:6443', 'https://k8s.example.com:6443'],
    ['https://k8s.example.com/k8s/clusters/c-1?token=abc', 'https://k8s.example.com/k8s/clusters/c-1'],
    ['https://10.0.0.1:6443/', 'https://10.0.0.1:6443'],
    ['not a url //user:pw@host/x?y', 'not a url //host/x'],
  ])('%s → %s', (server, shown) => {
    expect(printableServer(server)).toBe(shown);
  });
});
