import type { Migration } from './migrations.ts';

/**
 * Each node sample's NIC error rate (errors per minute from the kubelet Summary API's rx/tx error
 * counters): a failing NIC is often the only sign a machine gives before it dies, and placement
 * avoids a node whose NIC errs now. Existing rows read null.
 */
export const nicErrorsMigration: Migration = {
  version: 10,
  description: 'node samples: NIC errors per minute',
  up(db) {
    db.exec(`ALTER TABLE node_samples ADD COLUMN nic_errors_per_minute REAL;`);
  },
};
