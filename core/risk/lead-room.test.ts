import { describe, expect, it } from 'vitest';
import type { IncidentRecord } from '../sim/index.ts';
import { causeRooms, familyRoomsOfTruth, leadRoom, NO_CAUSE } from './lead-room.ts';
import { alarmsAt, minuteDataset } from './test-support.ts';

const MINUTE = 60_000;

function cause(
  node: string,
  onsetMinute: number,
  family: IncidentRecord['family'] = 'memoryLeak',
): IncidentRecord {
  return {
    id: `cause-${node}-${onsetMinute}`,
    family,
    target: { kind: 'Node', name: node },
    node,
    onsetMs: onsetMinute * MINUTE,
    severity: 0.5,
    precursor: 'strong',
    description: 'a leak',
  };
}

describe('lead room', () => {
  // Incidents at minutes 100, 600 and 1100 on node-a.
  const day = minuteDataset({ minutes: 1440, incidentsAt: [100, 600, 1100], horizonMinutes: 30 });

  it('matches each incident to the latest cause on its node before it, within seven hours', () => {
    const causes = [
      cause('node-a', 70), // 30 min before the first incident
      cause('node-a', 95), // a later cause: the first incident's is this one (5 min)
      cause('node-b', 590), // another node: not the second incident's
      cause('node-a', 588), // 12 min before the second, more than seven hours before the third
    ];
    expect(causeRooms(day, causes)).toEqual([5, 12, undefined]);
  });

  it('counts the incidents that left at least ten minutes, and the lead the scorer took of them', () => {
    const causes = [cause('node-a', 95), cause('node-a', 580), cause('node-a', 1085)];
    const warnedEarly = alarmsAt(day, [98, 588, 1097]);
    const room = leadRoom(day, warnedEarly, 0.5, causes);
    expect(room).toMatchObject({ incidents: 3, medianRoomMinutes: 15, longRoom: 2, longRoomWarned: 2 });
    expect(room.longRoomMedianLeadMinutes).toBe(7.5);
    const silent = leadRoom(day, alarmsAt(day, []), 0.5, causes);
    expect(silent).toMatchObject({ longRoom: 2, longRoomWarned: 0 });
    expect(silent.longRoomMedianLeadMinutes).toBeNaN();
  });

  it('splits the incidents by the family of their cause, those without one apart', () => {
    const causes = [cause('node-a', 80), cause('node-a', 590, 'diskFill')];
    const room = leadRoom(day, alarmsAt(day, [90, 1090]), 0.5, causes);
    expect(room.families).toEqual([
      { family: 'diskFill', incidents: 1, warned: 0, medianLeadMinutes: Number.NaN, medianRoomMinutes: 10 },
      { family: 'memoryLeak', incidents: 1, warned: 1, medianLeadMinutes: 10, medianRoomMinutes: 20 },
      { family: NO_CAUSE, incidents: 1, warned: 1, medianLeadMinutes: 10, medianRoomMinutes: Number.NaN },
    ]);
  });

  it('gives each family its incidents and lead room from the ground truth alone, whatever a scorer did', () => {
    const causes = [cause('node-a', 80), cause('node-a', 590, 'diskFill')];
    expect(familyRoomsOfTruth(day, causes)).toEqual([
      { family: 'diskFill', incidents: 1, medianRoomMinutes: 10 },
      { family: 'memoryLeak', incidents: 1, medianRoomMinutes: 20 },
      { family: NO_CAUSE, incidents: 1, medianRoomMinutes: Number.NaN },
    ]);
  });
});
