import { forEachSection } from './collect.ts';
import { formatTime } from './format.ts';
import { escapeHtml } from './html-escape.ts';
import type { ReportData } from './model.ts';
import type { ReportContext } from './sections/types.ts';

/**
 * One self-contained file: styles inline, charts as inline SVG, no scripts, and a CSP that
 * forbids every fetch, so it opens the same offline, from a mail attachment or a wiki, and
 * prints cleanly (sections start on a new page, tables and charts do not split).
 */
const styles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 Helvetica, Arial, sans-serif; color: #1f2933; background: #fff; }
main { max-width: 1040px; margin: 0 auto; padding: 32px 28px 48px; }
header.report { border-bottom: 2px solid #1f5f99; padding-bottom: 16px; margin-bottom: 24px; }
h1 { font-size: 26px; margin: 0 0 4px; color: #1f5f99; }
h2 { font-size: 20px; margin: 32px 0 12px; color: #1f5f99; border-bottom: 1px solid #cbd2d9; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 24px 0 8px; }
.subtitle { color: #52606d; margin: 0 0 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta dt { color: #52606d; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.contents ul { margin: 4px 0 0; padding-left: 20px; }
.omitted { color: #52606d; }
.note { color: #52606d; font-size: 13px; margin: 4px 0; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; margin: 14px 0 18px; }
.fact { background: #f5f7fa; border-radius: 6px; padding: 8px 12px; }
.fact-label { color: #52606d; font-size: 11px; text-transform: uppercase; letter-spacing: 0.04em; }
.fact-value { font-size: 22px; font-weight: bold; font-variant-numeric: tabular-nums; }
.fact-detail { color: #52606d; font-size: 12px; }
figure { margin: 12px 0 18px; }
figure svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 8px 18px; }
.chart-grid figure { margin: 4px 0; }
.chart-grid svg.chart { max-width: 100%; }
table.data { border-collapse: collapse; width: 100%; font-size: 12.5px; margin: 6px 0 16px; font-variant-numeric: tabular-nums; }
table.data caption { text-align: left; color: #52606d; font-size: 12px; padding-bottom: 4px; }
table.data th { background: #e4e7eb; text-align: left; padding: 5px 8px; font-weight: bold; }
table.data td { padding: 4px 8px; border-bottom: 1px solid #e4e7eb; vertical-align: top; }
table.data tbody tr:nth-child(even) td { background: #f9fafb; }
.num { text-align: right; white-space: nowrap; }
.bad { color: #c62828; font-weight: bold; }
.warn { color: #b7791f; font-weight: bold; }
.good { color: #2f7d32; }
footer.report { margin-top: 40px; color: #7b8794; font-size: 12px; border-top: 1px solid #e4e7eb; padding-top: 8px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11.5px; }
  main { max-width: none; padding: 0; }
  section.report-section { break-before: page; }
  figure, .fact, tr, .facts { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  thead { display: table-header-group; }
}
`;

const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function metaList(data: ReportData): string {
  const { cluster, period } = data;
  const rows: Array<[string, string]> = [
    ['Cluster', `${cluster.name}${cluster.demo ? ' (built-in demo cluster)' : ''}`],
    ['Context', cluster.context],
    ['API server', cluster.server || '—'],
    ['Period', `${formatTime(period.since)} to ${formatTime(period.until)} (${period.label})`],
    ['Generated', formatTime(data.generatedAt, true)],
    ['By', `${data.generator.name} ${data.generator.version}`],
  ];
  return `<dl class="meta">${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

export function renderHtml(data: ReportData): string {
  const context: ReportContext = { range: data.period, generatedAt: data.generatedAt };
  const sections: string[] = [];
  const contents: string[] = [];
  forEachSection(data, (plugin, section) => {
    contents.push(`<li><a href="#${plugin.id}">${escapeHtml(plugin.title)}</a></li>`);
    sections.push(
      `<section class="report-section" id="${plugin.id}" data-section="${plugin.id}"><h2>${escapeHtml(plugin.title)}</h2>\n${plugin.html(section, context)}\n</section>`,
    );
  });
  const omitted = data.omitted.length
    ? `<p class="omitted">Not in this report yet: ${data.omitted
        .map((o) => `${escapeHtml(o.title)} (${escapeHtml(o.reason)})`)
        .join('; ')}.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(`${data.generator.name} ${data.generator.version}`)}">
<title>${escapeHtml(data.title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<header class="report">
<h1>${escapeHtml(data.title)}</h1>
<p class="subtitle">Foresight cluster report · times in UTC</p>
${metaList(data)}
<nav class="contents"><ul>${contents.join('')}</ul></nav>
${omitted}
</header>
${sections.join('\n')}
<footer class="report">Generated by ${escapeHtml(`${data.generator.name} ${data.generator.version}`)} on ${escapeHtml(formatTime(data.generatedAt, true))} · report schema version ${data.schemaVersion}</footer>
</main>
</body>
</html>
`;
}
