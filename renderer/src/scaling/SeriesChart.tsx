const W = 240;
const H = 90;
const PAD = 6;

/** A small line over time (the last day of one measure), with its latest value as the label. */
export function SeriesChart({
  title,
  at,
  values,
  format,
  testId,
}: {
  title: string;
  at: readonly number[];
  values: readonly (number | null)[];
  format: (n: number) => string;
  testId: string;
}) {
  const points = at
    .map((t, i) => ({ t, v: values[i] ?? null }))
    .filter((p): p is { t: number; v: number } => p.v !== null);
  const last = points.at(-1);
  if (points.length < 2 || !last) return null;
  const t0 = points[0]?.t ?? 0;
  const span = last.t - t0 || 1;
  const top = Math.max(...points.map((p) => p.v)) * 1.1 || 1;
  const d = points
    .map((p, i) => {
      const x = PAD + ((p.t - t0) / span) * (W - 2 * PAD);
      const y = H - PAD - (p.v / top) * (H - 2 * PAD);
      return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <figure className="scaling-mini" data-testid={testId}>
      <figcaption>
        {title}: <strong>{format(last.v)}</strong> now
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title} over the last day`}>
        <path d={d} className="scaling-observed" fill="none" />
      </svg>
    </figure>
  );
}
