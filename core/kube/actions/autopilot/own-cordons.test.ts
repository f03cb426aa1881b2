import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../history/migrations.ts';
import type { NodeFacts } from './decide.ts';
import { writeMetaJson } from './meta-json.ts';
import { OwnCordons } from './own-cordons.ts';

function database() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

const facts = (name: string, cordoned: boolean): NodeFacts => ({
  name,
  controlPlane: false,
  schedulable: !cordoned,
  cordoned,
  ready: true,
  autopilotTainted: true,
});

describe("the autopilot's own cordons", () => {
  it('survive a restart: a new store on the same history database knows them, and forgets a removed one', () => {
    const db = database();
    const first = new OwnCordons(db);
    first.add('node-03', 1_000);
    first.add('node-05', 2_000);
    first.remove('node-05');
    const after = new OwnCordons(db);
    expect([...after.nodes()]).toEqual(['node-03']);
    expect(after.has('node-05')).toBe(false);
  });

  it('without a database they are kept in memory only', () => {
    const cordons = new OwnCordons();
    cordons.add('node-03', 1_000);
    expect(cordons.has('node-03')).toBe(true);
    expect(new OwnCordons().has('node-03')).toBe(false);
  });

  it('a damaged saved value reads as no cordons, keeping the well-formed entries', () => {
    const db = database();
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run('autopilot.ownCordons', '{not json');
    expect([...new OwnCordons(db).nodes()]).toEqual([]);
    writeMetaJson(db, 'autopilot.ownCordons', { 'node-01': 5, 'node-02': 'yesterday', 'node-04': null });
    expect([...new OwnCordons(db).nodes()]).toEqual(['node-01']);
  });

  it('forgets a node someone else uncordoned since, so a later cordon of theirs is not lifted', () => {
    const db = database();
    const cordons = new OwnCordons(db);
    cordons.add('node-03', 1_000);
    cordons.add('node-05', 1_000);
    cordons.forgetUncordoned([facts('node-03', false), facts('node-05', true)], 2_000);
    expect([...cordons.nodes()]).toEqual(['node-05']);
    expect([...new OwnCordons(db).nodes()]).toEqual(['node-05']);
  });

  it('keeps a cordon noted after the node list was read: the list may predate it', () => {
    const cordons = new OwnCordons();
    cordons.add('node-03', 5_000);
    cordons.forgetUncordoned([facts('node-03', false)], 4_000);
    expect(cordons.has('node-03')).toBe(true);
  });
});
