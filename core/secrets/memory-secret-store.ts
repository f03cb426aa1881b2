import type { SecretName, SecretStore } from './secret-store.ts';

/**
 * Secrets for this process's lifetime only: the browser host and the CLI have no secure storage,
 * and writing a key to a plain file is exactly what must never happen.
 */
export function memorySecretStore(): SecretStore {
  const values = new Map<SecretName, string>();
  return {
    persistence: () => 'session',
    get: (name) => Promise.resolve(values.get(name)),
    set(name, value) {
      values.set(name, value);
      return Promise.resolve();
    },
    delete(name) {
      values.delete(name);
      return Promise.resolve();
    },
  };
}
