import { useEffect } from 'react';
import {
  reportFormats,
  reportPeriods,
  type ReportFormat,
  type ReportPeriod,
} from '../../../core/contract/index.ts';
import { useReports } from '../app/storesContext.ts';

const periodLabels: Record<ReportPeriod, string> = {
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

const formatLabels: Record<ReportFormat, { title: string; detail: string }> = {
  html: { title: 'HTML', detail: 'one file, opens offline, prints' },
  pdf: { title: 'PDF', detail: 'paginated, with a title page' },
  csv: { title: 'CSV', detail: 'one file per table, zipped' },
  json: { title: 'JSON', detail: 'machine-readable, with a schema' },
};

/** How often the sections are asked again while one is not available. */
const catalogRefreshMs = 15_000;

function SectionPicker() {
  const catalog = useReports((state) => state.catalog);
  const catalogError = useReports((state) => state.catalogError);
  const selected = useReports((state) => state.selected);
  const toggle = useReports((state) => state.toggleSection);
  const busy = useReports((state) => state.phase === 'building' || state.phase === 'delivering');
  if (catalogError) return <p className="notice">Cannot list the report sections: {catalogError}</p>;
  if (!catalog) return <p className="empty">Loading the report sections…</p>;
  return (
    <ul className="report-sections">
      {catalog.map((section) => (
        <li
          key={section.id}
          className={section.available ? 'report-option' : 'report-option report-option-off'}
        >
          <label>
            <input
              type="checkbox"
              checked={selected.includes(section.id)}
              disabled={!section.available || busy}
              onChange={() => toggle(section.id)}
              data-testid={`report-section-${section.id}`}
            />
            <span className="report-option-title">{section.title}</span>
          </label>
          <span className="report-option-detail">
            {section.available ? section.description : `Not available: ${section.reason ?? 'not yet'}.`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ExportProgress() {
  const phase = useReports((state) => state.phase);
  const progress = useReports((state) => state.progress);
  const message = useReports((state) => state.message);
  if (phase === 'building' || phase === 'delivering') {
    const fraction = progress ? Math.min(1, progress.done / Math.max(1, progress.total)) : 0;
    return (
      <div className="report-progress" data-testid="report-progress" role="status">
        <div
          className="report-progress-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          {/* Width through CSSOM (React's style prop), which the CSP allows. */}
          <span className="report-progress-fill" style={{ width: `${Math.round(fraction * 100)}%` }} />
        </div>
        <span className="report-progress-stage">{progress?.stage ?? 'Starting'}…</span>
      </div>
    );
  }
  if (!message) return null;
  return (
    <p className={phase === 'failed' ? 'notice' : 'report-done'} data-testid="report-status" role="status">
      {message}
    </p>
  );
}

/** Pick what goes in a report, then export it: a download in the browser, a save dialog in the app. */
export function ReportsSection() {
  const catalog = useReports((state) => state.catalog);
  const loadCatalog = useReports((state) => state.loadCatalog);
  const period = useReports((state) => state.period);
  const setPeriod = useReports((state) => state.setPeriod);
  const format = useReports((state) => state.format);
  const setFormat = useReports((state) => state.setFormat);
  const selected = useReports((state) => state.selected);
  const busy = useReports((state) => state.phase === 'building' || state.phase === 'delivering');
  const exportReport = useReports((state) => state.exportReport);

  // Which sections can be built follows the cluster's data (predictions, workload usage): ask on
  // every visit, and again while a section still waits for its data.
  useEffect(() => {
    void loadCatalog();
  }, [loadCatalog]);
  const waiting = catalog?.some((section) => !section.available) ?? false;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(() => void loadCatalog(), catalogRefreshMs);
    return () => clearInterval(timer);
  }, [waiting, loadCatalog]);

  return (
    <section className="section" aria-labelledby="reports-title">
      <header className="section-header">
        <h1 id="reports-title">Reports</h1>
        <span className="section-meta">
          A file to hand to your team: pick what goes in it, the period and the format.
        </span>
      </header>
      <div className="report-form">
        <fieldset className="panel">
          <legend>Sections</legend>
          <SectionPicker />
        </fieldset>
        <div className="report-side">
          <fieldset className="panel">
            <legend>Period</legend>
            {reportPeriods.map((value) => (
              <label key={value} className="report-choice">
                <input
                  type="radio"
                  name="report-period"
                  value={value}
                  checked={period === value}
                  disabled={busy}
                  onChange={() => setPeriod(value)}
                  data-testid={`report-period-${value}`}
                />
                {periodLabels[value]}
              </label>
            ))}
          </fieldset>
          <fieldset className="panel">
            <legend>Format</legend>
            {reportFormats.map((value) => (
              <label key={value} className="report-choice">
                <input
                  type="radio"
                  name="report-format"
                  value={value}
                  checked={format === value}
                  disabled={busy}
                  onChange={() => setFormat(value)}
                  data-testid={`report-format-${value}`}
                />
                <span className="report-option-title">{formatLabels[value].title}</span>
                <span className="report-option-detail">{formatLabels[value].detail}</span>
              </label>
            ))}
          </fieldset>
          <button
            type="button"
            className="primary-button"
            disabled={busy || selected.length === 0}
            onClick={() => void exportReport()}
            data-testid="report-export"
          >
            {busy ? 'Exporting…' : `Export ${formatLabels[format].title}`}
          </button>
          <ExportProgress />
        </div>
      </div>
    </section>
  );
}
