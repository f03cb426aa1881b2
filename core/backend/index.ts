export { createBackend, type Backend } from './backend.ts';
export type { BackendOptions, DemoOptions } from './options.ts';
export { foresightVersion } from './version.ts';
