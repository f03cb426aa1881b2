/**
 * Where Foresight keeps secrets the user gives it (today: the Anthropic API key for the optional
 * LLM explanations). The store is the only thing that ever holds the plain value: settings.json,
 * logs, reports and the renderer see at most "a key is set". Hosts choose the implementation —
 * the Electron host keeps secrets with the OS's secure storage (electron/secret-store.ts); the
 * browser host has none, so it keeps them in memory for the session (memory-secret-store.ts).
 */
export type SecretName = 'anthropic-api-key';

/** 'os': kept by the operating system's secure storage across restarts; 'session': in memory only. */
export type SecretPersistence = 'os' | 'session';

export interface SecretStore {
  /** Asked each time: the OS's storage may become available only after the app is ready. */
  persistence(): SecretPersistence;
  get(name: SecretName): Promise<string | undefined>;
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}
