import { usageLevel } from '../format/units.ts';

/** A thin horizontal bar for a utilisation fraction; coloured by band, empty when unknown. */
export function UsageBar({ fraction }: { fraction: number | null }) {
  const width = fraction === null ? 0 : Math.max(0, Math.min(1, fraction)) * 100;
  return (
    <span className={`usage-bar usage-${usageLevel(fraction)}`} aria-hidden="true">
      {/* Width goes through CSSOM (React sets element.style), which the CSP allows without unsafe-inline. */}
      <span className="usage-fill" style={{ width: `${width}%` }} />
    </span>
  );
}
