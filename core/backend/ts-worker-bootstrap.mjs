// Loads a TypeScript worker entry from sources: registers tsx in this worker, then imports the
// entry named in workerData (see worker-entries.ts). Not used by the bundled app.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__foresightEntry);
