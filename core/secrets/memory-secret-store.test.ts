import { describe, expect, it } from 'vitest';
import { memorySecretStore } from './memory-secret-store.ts';

describe('memorySecretStore', () => {
  it('keeps a secret for the session only, and forgets it on delete', async () => {
    const store = memorySecretStore();
    expect(store.persistence()).toBe('session');
    expect(await store.get('anthropic-api-key')).toBeUndefined();
    await store.set('anthropic-api-key', 'sk-ant-test');
    expect(await store.get('anthropic-api-key')).toBe('sk-ant-test');
    await store.delete('anthropic-api-key');
    expect(await store.get('anthropic-api-key')).toBeUndefined();
    // A second store (a restart) starts empty.
    await store.set('anthropic-api-key', 'sk-ant-test');
    expect(await memorySecretStore().get('anthropic-api-key')).toBeUndefined();
  });
});
