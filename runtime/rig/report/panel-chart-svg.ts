// A self-contained SVG of small bar-chart panels, one per metric, each with its own scale — messages/s
// and connection counts differ by orders of magnitude, so one shared axis would hide one of them.

export interface ChartBar {
  /** Series name, e.g. "shared"; the same name gets the same colour in every panel. */
  series: string;
  value: number;
  /** Text printed after the bar (defaults to the value). */
  valueLabel?: string;
  /** Text printed before the bar (defaults to the series name), e.g. a time for bars of one series over time. */
  label?: string;
}

export interface ChartPanel {
  title: string;
  /** "higher is better" / "lower is better", printed under the title. */
  note?: string;
  bars: ChartBar[];
  /** A dashed vertical line, e.g. the throughput limit max-in-flight ÷ latency. */
  reference?: { value: number; label: string };
}

export interface PanelChart {
  title: string;
  subtitle?: string;
  panels: ChartPanel[];
  /** Panels per row (default 2). */
  columns?: number;
  /** Small print at the bottom: machine, command. */
  footer?: string;
  /** Fixed colours for known series; others take the palette in order of appearance. */
  seriesColours?: Record<string, string>;
}

const PALETTE = ['#2e7d32', '#c62828', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f'];
const PANEL_WIDTH = 430;
const BAR_HEIGHT = 22;
const BAR_GAP = 8;
const LABEL_WIDTH = 110;
const VALUE_WIDTH = 90;
const MARGIN = 20;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function checkChart(chart: PanelChart): void {
  if (chart.panels.length === 0) throw new Error('a chart needs at least one panel');
  for (const panel of chart.panels) {
    const reference = panel.reference?.value;
    if (reference !== undefined && !(Number.isFinite(reference) && reference >= 0)) {
      throw new Error(`chart panel "${panel.title}": reference line at ${reference}; expected a finite number ≥ 0`);
    }
    for (const bar of panel.bars) {
      if (!Number.isFinite(bar.value) || bar.value < 0) {
        throw new Error(`chart panel "${panel.title}": bar "${bar.series}" has value ${bar.value}; expected a finite number ≥ 0`);
      }
    }
  }
}

function panelHeight(panel: ChartPanel): number {
  return 48 + panel.bars.length * (BAR_HEIGHT + BAR_GAP) + (panel.reference ? 14 : 0);
}

function renderPanel(panel: ChartPanel, x: number, y: number, colourOf: (series: string) => string): string {
  const max = Math.max(0, panel.reference?.value ?? 0, ...panel.bars.map((bar) => bar.value));
  const track = PANEL_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const parts = [
    `<g transform="translate(${x},${y})">`,
    `<text x="0" y="16" class="panel-title">${escapeXml(panel.title)}</text>`,
  ];
  if (panel.note) parts.push(`<text x="0" y="32" class="note">${escapeXml(panel.note)}</text>`);
  panel.bars.forEach((bar, index) => {
    const top = 42 + index * (BAR_HEIGHT + BAR_GAP);
    // A zero bar still gets a hairline so the series is visibly present.
    const width = max === 0 ? 0 : Math.max(1, (bar.value / max) * track);
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${top + 15}" class="label" text-anchor="end">${escapeXml(bar.label ?? bar.series)}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${top}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="3" fill="${colourOf(bar.series)}"/>`,
      `<text x="${(LABEL_WIDTH + width + 6).toFixed(1)}" y="${top + 15}" class="value">${escapeXml(bar.valueLabel ?? String(bar.value))}</text>`,
    );
  });
  if (panel.reference && max > 0) {
    const x = (LABEL_WIDTH + (panel.reference.value / max) * track).toFixed(1);
    const bottom = 42 + panel.bars.length * (BAR_HEIGHT + BAR_GAP);
    parts.push(
      `<line x1="${x}" y1="38" x2="${x}" y2="${bottom}" class="reference"/>`,
      `<text x="${x}" y="${bottom + 12}" class="note" text-anchor="middle">${escapeXml(panel.reference.label)}</text>`,
    );
  }
  parts.push('</g>');
  return parts.join('\n');
}

export function renderPanelChartSvg(chart: PanelChart): string {
  checkChart(chart);
  const columns = Math.max(1, Math.min(chart.columns ?? 2, chart.panels.length));
  const seriesNames = [...new Set(chart.panels.flatMap((panel) => panel.bars.map((bar) => bar.series)))];
  const colourOf = (series: string): string =>
    chart.seriesColours?.[series] ?? PALETTE[seriesNames.indexOf(series) % PALETTE.length] ?? '#555';

  const header = chart.subtitle ? 64 : 44;
  const rows: ChartPanel[][] = [];
  for (let i = 0; i < chart.panels.length; i += columns) rows.push(chart.panels.slice(i, i + columns));
  const body: string[] = [];
  let y = header;
  for (const row of rows) {
    row.forEach((panel, column) => body.push(renderPanel(panel, MARGIN + column * (PANEL_WIDTH + MARGIN), y, colourOf)));
    y += Math.max(...row.map(panelHeight)) + MARGIN;
  }
  const width = MARGIN + columns * (PANEL_WIDTH + MARGIN);
  const height = y + (chart.footer ? 24 : 0);

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(chart.title)}">`,
    '<style>',
    'text { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; fill: #222; }',
    '.title { font-size: 18px; font-weight: 600; } .subtitle { font-size: 12px; fill: #555; }',
    '.panel-title { font-size: 14px; font-weight: 600; } .note { font-size: 11px; fill: #777; }',
    '.label { font-size: 12px; } .value { font-size: 12px; font-variant-numeric: tabular-nums; }',
    '.footer { font-size: 11px; fill: #777; }',
    '.reference { stroke: #333; stroke-width: 1.5; stroke-dasharray: 4 3; }',
    '</style>',
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${MARGIN}" y="28" class="title">${escapeXml(chart.title)}</text>`,
    ...(chart.subtitle ? [`<text x="${MARGIN}" y="48" class="subtitle">${escapeXml(chart.subtitle)}</text>`] : []),
    ...body,
    ...(chart.footer ? [`<text x="${MARGIN}" y="${height - 10}" class="footer">${escapeXml(chart.footer)}</text>`] : []),
    '</svg>',
    '',
  ].join('\n');
}
