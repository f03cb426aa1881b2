import type { RiskLevel } from '../../../contract/risk.ts';
import type { NodeRiskHistory } from '../../reads/types.ts';
import type { ReportSource } from '../../source.ts';
import { answered } from '../availability.ts';
import type { ReportContext } from '../types.ts';
import type { LevelChange, TimelineIncident, TimelineNode, TimelineSection } from './model.ts';

/** Points per node at most: level changes are always kept, the rest thinned evenly. */
export const maxPointsPerNode = 200;
/** An at-risk level this long before an incident counts as its warning. */
export const warningWindowMs = 2 * 3_600_000;

type Point = TimelineNode['points'][number];

/** Keeps every level change and an even spread of the other points, oldest first. */
export function thinPoints(points: readonly Point[]): Point[] {
  if (points.length <= maxPointsPerNode) return [...points];
  const keep = new Set<number>([0, points.length - 1]);
  points.forEach((p, i) => {
    if (i > 0 && points[i - 1]?.level !== p.level) keep.add(i);
  });
  const room = Math.max(0, maxPointsPerNode - keep.size);
  const step = points.length / Math.max(1, room);
  for (let i = 0; i < room; i++) keep.add(Math.floor(i * step));
  return [...keep].sort((a, b) => a - b).map((i) => points[i] as Point);
}

function levelChanges(node: string, points: readonly Point[]): LevelChange[] {
  const changes: LevelChange[] = [];
  let previous: RiskLevel | null = null;
  for (const p of points) {
    if (p.level !== previous)
      changes.push({ node, at: p.at, from: previous, to: p.level, probability: p.probability });
    previous = p.level;
  }
  return changes;
}

/** The last rise to at-risk before the incident began, if it came within the warning window. */
function warning(points: readonly Point[], startMs: number): number | null {
  let warnedAt: number | null = null;
  let previous: RiskLevel | null = null;
  for (const p of points) {
    if (p.at > startMs) break;
    if (p.level === 'at-risk' && previous !== 'at-risk') warnedAt = p.at;
    if (p.level !== 'at-risk') warnedAt = null;
    previous = p.level;
  }
  return warnedAt !== null && startMs - warnedAt <= warningWindowMs ? warnedAt : null;
}

function nodeTimeline(history: NodeRiskHistory, since: number, until: number) {
  const points = history.points.filter((p) => p.at >= since && p.at < until).sort((a, b) => a.at - b.at);
  const incidents: TimelineIncident[] = history.incidents
    .filter((i) => i.lastMs >= since && i.startMs < until)
    .map((i) => ({ node: history.node, ...i, warnedAt: warning(points, i.startMs) }));
  return { points, incidents };
}

export function collectTimeline(source: ReportSource, context: ReportContext): TimelineSection {
  const { nodes: histories, nodesLeftOut } = answered(source.reads?.timeline, 'The timeline');
  const { since, until } = context.range;
  const nodes: TimelineNode[] = [];
  const changes: LevelChange[] = [];
  const incidents: TimelineIncident[] = [];
  for (const history of histories) {
    const { points, incidents: own } = nodeTimeline(history, since, until);
    if (points.length === 0 && own.length === 0) continue;
    nodes.push({ node: history.node, points: thinPoints(points) });
    // The first prediction of the period is where the node stood, not a change: keep only moves.
    changes.push(...levelChanges(history.node, points).filter((c) => c.from !== null || c.to !== 'healthy'));
    incidents.push(...own);
  }
  return {
    nodes,
    changes: changes.sort((a, b) => a.at - b.at || a.node.localeCompare(b.node)),
    incidents: incidents.sort((a, b) => a.startMs - b.startMs || a.node.localeCompare(b.node)),
    nodesLeftOut,
  };
}
