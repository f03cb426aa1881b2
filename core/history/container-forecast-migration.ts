import type { Migration } from './migrations.ts';

/**
 * Each node sample's container forecast: hours until the container soonest to reach its memory
 * limit reaches it, at its own 30-min trend (kubelet Summary API, per container). The fullest
 * container alone hides a leak that climbs below it; this is the one that runs out first. Null
 * when no container's memory is rising, and for rows written before this version.
 */
export const containerForecastMigration: Migration = {
  version: 11,
  description: 'node samples: hours until a container reaches its memory limit',
  up(db) {
    db.exec(`ALTER TABLE node_samples ADD COLUMN container_hours_to_limit REAL;`);
  },
};
