import type { NodeSamplePoint } from '../../../core/contract/index.ts';
import { usageFraction } from '../format/units.ts';

export interface SparklineProps {
  points: readonly NodeSamplePoint[];
  allocatableMillis: number;
  width?: number;
  height?: number;
}

/** Smallest vertical span, as a fraction of allocatable: small jitter stays small on screen. */
export const minimumSpan = 0.1;

/**
 * The utilisation window the line is drawn in: fitted to the points so a trend is visible, but
 * never narrower than `minimumSpan`, so a 1% wobble does not fill the whole height.
 */
export function sparklineDomain(fractions: readonly number[]): { low: number; span: number } {
  const low = Math.min(...fractions);
  const high = Math.max(...fractions);
  const span = Math.max(minimumSpan, high - low);
  const centred = (low + high) / 2 - span / 2;
  return { low: Math.max(0, Math.min(centred, Math.max(1, high) - span)), span };
}

/** Polyline coordinates for CPU utilisation over the fitted domain; unknown points are skipped. */
export function sparklinePath(
  points: readonly NodeSamplePoint[],
  allocatableMillis: number,
  width: number,
  height: number,
): string {
  if (points.length < 2) return '';
  const step = width / (points.length - 1);
  const known = points.flatMap((point, index) => {
    const fraction = usageFraction(point.cpuMillis, allocatableMillis);
    return fraction === null ? [] : [{ index, fraction }];
  });
  if (known.length < 2) return '';
  const { low, span } = sparklineDomain(known.map((point) => point.fraction));
  return known
    .map(({ index, fraction }) => {
      const y = height - 1 - ((fraction - low) / span) * (height - 2);
      return `${(index * step).toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}

/** Recent CPU utilisation of one node, as a tiny line: a trend, not a chart. */
export function Sparkline({ points, allocatableMillis, width = 96, height = 18 }: SparklineProps) {
  const path = sparklinePath(points, allocatableMillis, width, height);
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
    >
      {path ? <polyline points={path} /> : null}
    </svg>
  );
}
