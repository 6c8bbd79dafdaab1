import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeXml, renderPanelChartSvg, type PanelChart } from '../report/panel-chart-svg.js';

const chart: PanelChart = {
  title: 'naive <vs> shared & co',
  subtitle: '2,000 messages',
  panels: [
    { title: 'msg/s', note: 'higher is better', bars: [{ series: 'naive', value: 250 }, { series: 'shared', value: 1000, valueLabel: '1,000' }] },
    { title: 'connections', bars: [{ series: 'naive', value: 2000 }, { series: 'shared', value: 16 }] },
    { title: 'timeouts', bars: [{ series: 'naive', value: 0 }, { series: 'shared', value: 0 }] },
  ],
  footer: 'machine',
  seriesColours: { shared: '#00ff00' },
};

const rects = (svg: string): Array<{ width: number; fill: string }> =>
  [...svg.matchAll(/<rect x="\d+" y="\d+" width="([\d.]+)" height="\d+" rx="3" fill="([^"]+)"\/>/g)].map((match) => ({
    width: Number(match[1]),
    fill: match[2] ?? '',
  }));

test('each panel scales its bars to its own maximum', () => {
  const bars = rects(renderPanelChartSvg(chart));
  assert.equal(bars.length, 6);
  const [naiveRate, sharedRate, naiveConnections, sharedConnections, zeroA, zeroB] = bars.map((bar) => bar.width);
  assert.equal(sharedRate, naiveConnections, 'the largest bar of every panel has the full track width');
  assert.equal(naiveRate, sharedRate! / 4);
  assert.ok(sharedConnections! < naiveConnections! / 100);
  assert.equal(zeroA, 0);
  assert.equal(zeroB, 0);
});

test('a series keeps its colour across panels; fixed colours win over the palette', () => {
  const bars = rects(renderPanelChartSvg(chart));
  assert.equal(bars[1]?.fill, '#00ff00');
  assert.equal(bars[3]?.fill, '#00ff00');
  assert.equal(bars[0]?.fill, bars[2]?.fill);
  assert.notEqual(bars[0]?.fill, '#00ff00');
});

test('text is escaped and the document is one svg element with labels and values', () => {
  const svg = renderPanelChartSvg(chart);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
  assert.equal(svg.trimEnd().endsWith('</svg>'), true);
  assert.ok(svg.includes('naive &lt;vs&gt; shared &amp; co'));
  assert.ok(!svg.includes('<vs>'));
  assert.ok(svg.includes('>1,000</text>'));
  assert.ok(svg.includes('>2000</text>'));
  assert.ok(svg.includes('higher is better'));
  assert.equal(escapeXml(`"it's"`), '&quot;it&apos;s&quot;');
});

test('bad chart data is refused with the panel and bar named', () => {
  assert.throws(() => renderPanelChartSvg({ title: 't', panels: [] }), /at least one panel/);
  assert.throws(
    () => renderPanelChartSvg({ title: 't', panels: [{ title: 'rate', bars: [{ series: 'naive', value: Number.NaN }] }] }),
    /panel "rate": bar "naive" has value NaN/,
  );
  assert.throws(
    () => renderPanelChartSvg({ title: 't', panels: [{ title: 'rate', bars: [{ series: 'naive', value: -1 }] }] }),
    /bar "naive"/,
  );
});

test('a reference line is drawn to the same scale as the bars', () => {
  const svg = renderPanelChartSvg({
    title: 't',
    panels: [{ title: 'msg/s', bars: [{ series: 'shared', value: 400 }], reference: { value: 800, label: 'limit 800' } }],
  });
  const [bar] = rects(svg);
  const line = /<line x1="([\d.]+)" y1="38" x2="([\d.]+)"/.exec(svg);
  assert.ok(line, 'line drawn');
  // The reference is the panel maximum: the 400 bar is half the track, the line at its full end.
  assert.equal(Number(line[1]) - 110, bar!.width * 2);
  assert.ok(svg.includes('>limit 800</text>'));
  assert.throws(
    () => renderPanelChartSvg({ title: 't', panels: [{ title: 'p', bars: [], reference: { value: Number.NaN, label: 'x' } }] }),
    /reference line at NaN/,
  );
});

test('a bar label replaces the series name in front of the bar, the series still picks the colour', () => {
  const svg = renderPanelChartSvg({
    title: 'depth',
    panels: [{ title: 'over time', bars: [{ series: 'naive', label: 'after 5 s', value: 10 }, { series: 'naive', label: 'after 10 s', value: 40 }] }],
    seriesColours: { naive: '#c62828' },
  });
  assert.ok(svg.includes('>after 5 s</text>') && svg.includes('>after 10 s</text>'));
  assert.ok(!svg.includes('>naive</text>'));
  assert.deepEqual(rects(svg).map((bar) => bar.fill), ['#c62828', '#c62828']);
});
