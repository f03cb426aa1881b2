import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronSecretStore, type SafeStorageLike } from './secret-store.ts';

vi.mock('electron', () => ({}));

const key = 'sk-ant-api03-secret-value';

/** A stand-in for safeStorage: a reversible scramble, so a plain key in the file would show. */
function fakeSafeStorage(
  available = true,
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret',
): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain: string) =>
      Buffer.from(`v10${Buffer.from(plain).toString('base64').split('').reverse().join('')}`),
    decryptString: (blob: Buffer) => {
      const text = blob.toString();
      if (!text.startsWith('v10'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(3).split('').reverse().join(''), 'base64').toString();
    },
  };
}

const dataDir = () => mkdtempSync(join(tmpdir(), 'foresight-secrets-'));

describe('electronSecretStore', () => {
  it('keeps only the encrypted key on disk, owner-only, and reads it back after a restart', async () => {
    const dir = dataDir();
    const store = electronSecretStore({ safeStorage: fakeSafeStorage(), dataDir: dir, platform: 'linux' });
    expect(store.persistence()).toBe('os');
    await store.set('anthropic-api-key', key);
    const file = join(dir, 'secrets', 'anthropic-api-key.enc');
    expect(readFileSync(file).toString()).not.toContain(key);
    expect(readFileSync(file).toString()).not.toContain(Buffer.from(key).toString('base64'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    const restarted = electronSecretStore({
      safeStorage: fakeSafeStorage(),
      dataDir: dir,
      platform: 'linux',
    });
    expect(await restarted.get('anthropic-api-key')).toBe(key);
    await restarted.delete('anthropic-api-key');
    expect(readdirSync(join(dir, 'secrets'))).toEqual([]);
    expect(await restarted.get('anthropic-api-key')).toBeUndefined();
  });

  it.each([
    ['safeStorage is unavailable', fakeSafeStorage(false), 'darwin' as const],
    [
      'Linux offers only basic_text (a hard-coded password)',
      fakeSafeStorage(true, 'basic_text'),
      'linux' as const,
    ],
  ])(
    'keeps the key in memory for the session when %s, and writes nothing',
    async (_case, safeStorage, platform) => {
      const dir = dataDir();
      const store = electronSecretStore({ safeStorage, dataDir: dir, platform });
      expect(store.persistence()).toBe('session');
      await store.set('anthropic-api-key', key);
      expect(await store.get('anthropic-api-key')).toBe(key);
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('a blob the OS can no longer decrypt reads as no key, not a crash', async () => {
    const dir = dataDir();
    const store = electronSecretStore({ safeStorage: fakeSafeStorage(), dataDir: dir, platform: 'darwin' });
    await store.set('anthropic-api-key', key);
    writeFileSync(join(dir, 'secrets', 'anthropic-api-key.enc'), 'garbage');
    expect(await store.get('anthropic-api-key')).toBeUndefined();
  });
});
