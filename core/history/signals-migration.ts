import type { Migration } from './migrations.ts';

/**
 * Node filesystem use and the fullest container against its memory limit (kubelet Summary API),
 * beside each node sample, and the node's filesystem size: disk filling and a container leaking
 * towards its limit leave no other trace before eviction or the OOM kill. Existing rows keep
 * their data and read null for the new columns.
 */
export const signalsMigration: Migration = {
  version: 9,
  description: 'node samples: disk use and the fullest container vs its memory limit; node disk capacity',
  up(db) {
    db.exec(`
      ALTER TABLE node_samples ADD COLUMN disk_bytes REAL;
      ALTER TABLE node_samples ADD COLUMN pod_memory_peak REAL;
      ALTER TABLE nodes ADD COLUMN disk_capacity_bytes REAL;
    `);
  },
};
