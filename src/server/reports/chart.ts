/**
 * The rapor's dimension chart: ECharts rendered server-side to an SVG string (no browser, no
 * canvas), embedded by pdfmake through svg-to-pdfkit. Legible printed in greyscale: the score
 * is a solid dark bar, the points still open are a light hatched bar up to the maximum, and
 * every bar carries its number as text — colour is never the only carrier of meaning.
 *
 * stack.md gotcha 8: `animation: false` (otherwise the SVG shows bars mid-animation), dispose
 * every chart (an undisposed SSR chart keeps the process alive), and strip the white
 * `paint-order="stroke"` label halo, which svg-to-pdfkit draws as a white label.
 */
import { BarChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from '../../core/types.ts';
import { formatNumber } from './i18n.ts';

echarts.use([BarChart, RadarChart, GridComponent, RadarComponent, SVGRenderer]);

export interface ChartDimension {
  /** Printed label, e.g. "Proses (32,37%)". */
  label: string;
  /** Score on the result scale (0..max). */
  score: number;
  /** Maximum of the scale (100 for Ombudsman, 5 for PEKPPP). */
  max: number;
}

export interface DimensionChartOptions {
  variant: 'bar' | 'radar';
  lang: Lang;
  /** Pixels (SVG user units). */
  width: number;
  height: number;
}

const INK = '#1b2a3a';
const OPEN = '#d9d9d9';
const AXIS = '#7a7a7a';
const FONT = 'Roboto';

/** svg-to-pdfkit ignores paint-order, so ECharts' white text halo would cover the labels. */
export function stripLabelHalo(svg: string): string {
  return svg.replace(/ stroke="[^"]*" stroke-width="[^"]*" paint-order="stroke"/g, '');
}

/**
 * Drop what only a browser uses (hover CSS, class names, ECharts' SSR metadata) and give the
 * per-instance ids ("zr12-p0") a fixed prefix: a smaller SVG for pdfmake to parse, and the same
 * SVG for the same data.
 */
function cleanSvg(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="[^"]*"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="[^"]*"/g, '')
    .replace(/\bzr\d+-/g, 'chart-');
}

function barOption(dims: readonly ChartDimension[], lang: Lang): echarts.EChartsCoreOption {
  const max = Math.max(...dims.map((d) => d.max));
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK },
    grid: { left: 8, right: 64, top: 8, bottom: 24 },
    xAxis: {
      type: 'value',
      min: 0,
      max,
      splitNumber: 5,
      axisLabel: { color: AXIS, fontSize: 10, formatter: (v: number) => String(v) },
      splitLine: { lineStyle: { color: '#bdbdbd', type: 'dashed', width: 0.6 } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: dims.map((d) => d.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: AXIS } },
      axisLabel: { color: INK, fontSize: 11, fontWeight: 'bold' },
    },
    series: [
      {
        type: 'bar',
        stack: 'total',
        barWidth: '55%',
        data: dims.map((d) => d.score),
        itemStyle: { color: INK },
        label: { show: false },
      },
      {
        type: 'bar',
        stack: 'total',
        barWidth: '55%',
        data: dims.map((d) => Math.max(0, d.max - d.score)),
        itemStyle: {
          color: OPEN,
          borderColor: '#9e9e9e',
          borderWidth: 0.6,
          // Hatching tells "not yet earned" apart from the score even without colour.
          decal: { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: Math.PI / 4, color: '#a6a6a6' },
        },
        label: {
          show: true,
          position: 'right',
          distance: 6,
          color: INK,
          fontSize: 11,
          fontWeight: 'bold',
          formatter: (p: { dataIndex: number }) => {
            const d = dims[p.dataIndex]!;
            return `${formatNumber(d.score, lang)} / ${d.max}`;
          },
        },
      },
    ],
  };
}

function radarOption(dims: readonly ChartDimension[], lang: Lang): echarts.EChartsCoreOption {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: INK },
    radar: {
      center: ['50%', '50%'],
      radius: '52%',
      splitNumber: 4,
      indicator: dims.map((d) => ({ name: `${d.label}\n${formatNumber(d.score, lang)}`, max: d.max, min: 0 })),
      axisName: { color: INK, fontSize: 11, fontWeight: 'bold' },
      splitLine: { lineStyle: { color: '#9e9e9e', width: 0.6 } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: '#9e9e9e', width: 0.6 } },
    },
    series: [
      {
        type: 'radar',
        symbol: 'circle',
        symbolSize: 5,
        data: [{ value: dims.map((d) => d.score) }],
        lineStyle: { color: INK, width: 2 },
        itemStyle: { color: INK },
        areaStyle: { color: INK, opacity: 0.15 },
      },
    ],
  };
}

/**
 * The dimension chart as an SVG string (halo stripped, ready for pdfmake's `svg` node).
 * Bar: each dimension's score against its maximum, hatched remainder, value labels.
 * Radar: the same scores on one polygon, each axis labelled with its value.
 */
export function renderDimensionChart(dims: readonly ChartDimension[], options: DimensionChartOptions): string {
  if (dims.length === 0) throw new RangeError('renderDimensionChart: no dimensions');
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: options.width,
    height: options.height,
  });
  try {
    chart.setOption(options.variant === 'radar' ? radarOption(dims, options.lang) : barOption(dims, options.lang));
    return cleanSvg(stripLabelHalo(chart.renderToSVGString()));
  } finally {
    chart.dispose();
  }
}
