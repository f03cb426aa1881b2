import { formatDuration, formatPercent, formatTime, missing } from '../../format.ts';
import { tableOf, type AnyReportTable } from '../../table.ts';
import { kindLabels, levelLabels, levelTones } from '../node-risk/tables.ts';
import type { LevelChange, TimelineIncident, TimelineSection } from './model.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** "warned 25 min before", or "not warned": the question a reader asks of every incident. */
export function warningText(incident: TimelineIncident): string {
  return incident.warnedAt === null
    ? 'not warned'
    : `warned ${formatDuration(incident.startMs - incident.warnedAt)} before`;
}

export function incidentsTable(section: TimelineSection, withSeconds: boolean): AnyReportTable {
  return tableOf<TimelineIncident>({
    name: 'incidents',
    title: 'Incidents in the period, and whether Foresight warned of them',
    rows: section.incidents,
    columns: [
      { header: 'Began', display: (i) => formatTime(i.startMs, withSeconds), weight: 1.6 },
      { header: 'Node', display: (i) => i.node, weight: 1.5 },
      { header: 'Kind', display: (i) => kindLabels[i.kind], weight: 1.4 },
      { header: 'What happened', display: (i) => i.what, weight: 3 },
      {
        header: 'Warning',
        display: warningText,
        tone: (i) => (i.warnedAt === null ? 'bad' : 'good'),
        weight: 1.5,
      },
    ],
    csv: [
      { header: 'started_utc', value: (i) => iso(i.startMs) },
      { header: 'last_seen_utc', value: (i) => iso(i.lastMs) },
      { header: 'node', value: (i) => i.node },
      { header: 'kind', value: (i) => i.kind },
      { header: 'what', value: (i) => i.what },
      { header: 'warned_at_utc', value: (i) => iso(i.warnedAt) },
      {
        header: 'warning_minutes',
        value: (i) => (i.warnedAt === null ? null : (i.startMs - i.warnedAt) / 60_000),
      },
    ],
  });
}

export function changesTable(section: TimelineSection, withSeconds: boolean): AnyReportTable {
  return tableOf<LevelChange>({
    name: 'risk-changes',
    title: 'Risk level changes in the period',
    rows: section.changes,
    columns: [
      { header: 'When', display: (c) => formatTime(c.at, withSeconds), weight: 1.6 },
      { header: 'Node', display: (c) => c.node, weight: 1.5 },
      { header: 'From', display: (c) => (c.from ? levelLabels[c.from] : missing) },
      { header: 'To', display: (c) => levelLabels[c.to], tone: (c) => levelTones[c.to] },
      { header: 'Probability', display: (c) => formatPercent(c.probability), align: 'right' },
    ],
    csv: [
      { header: 'time_utc', value: (c) => iso(c.at) },
      { header: 'node', value: (c) => c.node },
      { header: 'from', value: (c) => c.from },
      { header: 'to', value: (c) => c.to },
      { header: 'probability', value: (c) => c.probability },
    ],
  });
}

type PointRow = TimelineSection['nodes'][number]['points'][number] & { node: string };

export function pointsTable(section: TimelineSection): AnyReportTable {
  return tableOf<PointRow>({
    name: 'risk-predictions',
    title: 'Risk predictions per node over the period',
    rows: section.nodes.flatMap((n) => n.points.map((p) => ({ node: n.node, ...p }))),
    csv: [
      { header: 'time_utc', value: (p) => iso(p.at) },
      { header: 'node', value: (p) => p.node },
      { header: 'probability', value: (p) => p.probability },
      { header: 'level', value: (p) => p.level },
    ],
  });
}
