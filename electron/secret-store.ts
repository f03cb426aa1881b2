import type { SafeStorage } from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { memorySecretStore } from '../core/secrets/memory-secret-store.ts';
import type { SecretName, SecretStore } from '../core/secrets/secret-store.ts';

/** The part of Electron's safeStorage this store uses (injected: electron cannot load in tests). */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
>;

export interface ElectronSecretStoreOptions {
  safeStorage: SafeStorageLike;
  /** The app's user-data directory: the encrypted blobs go to its `secrets/` folder. */
  dataDir: string;
  platform?: NodeJS.Platform;
}

/**
 * Secrets encrypted with the OS's secure storage (Keychain, DPAPI, libsecret/kwallet) through
 * Electron's safeStorage; only the encrypted bytes touch the disk, in <userData>/secrets/ with
 * owner-only permissions. Where the OS offers no real secure storage — safeStorage unavailable,
 * or Linux's `basic_text` fallback, which encrypts with a hard-coded password — secrets stay in
 * memory for the session instead, and `persistence()` says so, so the UI can tell the user.
 */
export function electronSecretStore(options: ElectronSecretStoreOptions): SecretStore {
  const { safeStorage } = options;
  const platform = options.platform ?? process.platform;
  const dir = join(options.dataDir, 'secrets');
  const session = memorySecretStore();
  const fileOf = (name: SecretName) => join(dir, `${name}.enc`);

  function secure(): boolean {
    try {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    } catch {
      return false;
    }
  }

  return {
    persistence: () => (secure() ? 'os' : 'session'),
    async get(name) {
      const inMemory = await session.get(name);
      if (inMemory !== undefined) return inMemory;
      const file = fileOf(name);
      if (!secure() || !existsSync(file)) return undefined;
      try {
        return safeStorage.decryptString(readFileSync(file));
      } catch {
        // Encrypted under another OS key (a restored backup, a changed keyring): as if never set.
        return undefined;
      }
    },
    async set(name, value) {
      if (!secure()) {
        await session.set(name, value);
        return;
      }
      const encrypted = safeStorage.encryptString(value);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = fileOf(name);
      writeFileSync(`${file}.tmp`, encrypted, { mode: 0o600 });
      renameSync(`${file}.tmp`, file);
      await session.delete(name);
    },
    async delete(name) {
      await session.delete(name);
      rmSync(fileOf(name), { force: true });
    },
  };
}
