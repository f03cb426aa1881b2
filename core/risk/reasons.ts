import { featureIndex, SLOW_EXHAUSTION_SCALE_HOURS } from './features.ts';

/**
 * The top reasons for a node's risk, in plain words, from its features: what an operator would
 * check first. Each candidate has a salience; the strongest few are kept.
 */
const F = Object.fromEntries(
  [
    'memoryLevel',
    'memorySlope5m',
    'memorySlope30m',
    'memoryDetector',
    'cpuLevel',
    'cpuSlope5m',
    'cpuSlope30m',
    'cpuDetector',
    'notReady',
    'missingMetrics30m',
    'oomkills2h',
    'restarts2h',
    'evictions2h',
    'conditionFlaps2h',
    'warnings30m',
    'incidents7d',
    'diskLevel',
    'diskExhaustionSlow',
    'podMemoryLevel',
    'containerMemoryExhaustion',
  ].map((name) => [name, featureIndex(name)]),
) as Record<string, number>;

const pct = (x: number) => `${Math.round(x * 100)}%`;
const count = (logCount: number) => Math.round(Math.expm1(logCount));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

interface Candidate {
  salience: number;
  text: string;
}
type Read = (name: string) => number;

/** Minutes left, from a slow exhaustion score e^(−h / 2 h); undefined when nothing runs out. */
function minutesLeft(score: number): number | undefined {
  if (!(score > 0)) return undefined;
  return score >= 1 ? 0 : Math.round(-Math.log(score) * SLOW_EXHAUSTION_SCALE_HOURS * 60);
}

const soon = (minutes: number) => (minutes < 120 ? `~${minutes} min` : `~${Math.round(minutes / 60)} h`);

/**
 * What runs out soon: the disk towards the kubelet's eviction threshold, a container towards its
 * memory limit (each container at its own trend, so a leak below a fuller container shows).
 * Shown within 4 h at the trend, stronger the sooner.
 */
function runningOut(v: Read, names: ReasonNames): Candidate[] {
  const out: Candidate[] = [];
  const container = minutesLeft(v('containerMemoryExhaustion'));
  const which = names.container ? `container ${names.container}` : 'a container';
  if (container !== undefined && container <= 240)
    out.push({
      salience: 3 * v('containerMemoryExhaustion') + 0.5,
      text:
        container === 0
          ? `${which} is at its memory limit (OOM kill next)`
          : `${which} reaches its memory limit in ${soon(container)} at its 30-min trend`,
    });
  else if (v('podMemoryLevel') > 0.9)
    out.push({ salience: 1, text: `a container at ${pct(v('podMemoryLevel'))} of its memory limit` });
  const disk = minutesLeft(v('diskExhaustionSlow'));
  if (disk !== undefined && disk <= 240)
    out.push({
      salience: 3 * v('diskExhaustionSlow') + 0.5,
      text:
        disk === 0
          ? 'disk past the eviction threshold'
          : `disk reaches the eviction threshold in ${soon(disk)}`,
    });
  else if (v('diskLevel') > 0.8)
    out.push({ salience: (v('diskLevel') - 0.6) * 5, text: `disk ${pct(v('diskLevel'))} full` });
  return out;
}

/** What the features cannot say: names the collector knows. */
export interface ReasonNames {
  /** The container nearest its memory limit at its trend, as namespace/pod/container. */
  container?: string;
}

export function riskReasons(features: ArrayLike<number>, names: ReasonNames = {}, limit = 3): string[] {
  const v = (name: string) => features[F[name] ?? -1] ?? 0;
  const candidates: Candidate[] = runningOut(v, names);
  for (const metric of ['memory', 'cpu'] as const) {
    const label = metric === 'memory' ? 'memory' : 'CPU';
    // Slopes are fractions of allocatable per hour: half of it is the change over 30 minutes.
    const change30m = v(`${metric}Slope30m`) / 2;
    const rising = v(`${metric}Slope5m`) > 0.02;
    if (change30m > 0.03)
      candidates.push({
        salience: change30m * 10,
        text: `${label} +${pct(change30m)} in 30 min${rising ? ' and still rising' : ''}`,
      });
    if (v(`${metric}Level`) > 0.8)
      candidates.push({
        salience: (v(`${metric}Level`) - 0.6) * 5,
        text: `${label} at ${pct(v(`${metric}Level`))} of allocatable`,
      });
    if (v(`${metric}Detector`) > 0.25)
      candidates.push({ salience: v(`${metric}Detector`), text: `${label} use unusual for this node` });
  }
  if (v('notReady') > 0) candidates.push({ salience: 10, text: 'the node is NotReady' });
  const events: [string, string, number][] = [
    ['oomkills2h', 'OOMKill', 3],
    ['evictions2h', 'eviction', 3],
    ['restarts2h', 'pod restart', 1],
  ];
  for (const [name, what, weight] of events) {
    const n = count(v(name));
    if (n > 0) candidates.push({ salience: weight + n / 10, text: `${plural(n, what)} in the last 2 h` });
  }
  const flaps = count(v('conditionFlaps2h'));
  if (flaps > 0)
    candidates.push({
      salience: 2 + flaps / 10,
      text: `node conditions changed ${plural(flaps, 'time')} in 2 h`,
    });
  const warnings = count(v('warnings30m'));
  if (warnings > 2)
    candidates.push({ salience: 1 + warnings / 20, text: `${warnings} warning events in 30 min` });
  if (v('missingMetrics30m') > 0.2)
    candidates.push({
      salience: 2 * v('missingMetrics30m'),
      text: `metrics missing ${pct(v('missingMetrics30m'))} of the last 30 min`,
    });
  const incidents = count(v('incidents7d'));
  if (incidents > 0)
    candidates.push({
      salience: 0.5 + incidents / 10,
      text: `${plural(incidents, 'incident')} on this node in 7 days`,
    });
  return candidates
    .sort((a, b) => b.salience - a.salience)
    .slice(0, limit)
    .map((c) => c.text);
}
