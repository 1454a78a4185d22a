/**
 * The portal's two charts, ECharts 6 with the SVG renderer (`echarts/core`, only the parts
 * used): the radar of a government's dimension scores and the line of its score across years.
 * Loaded lazily by lazy-chart.tsx, never part of a page's first paint. No animation under
 * automation (screenshots) or when the user prefers reduced motion.
 */
import { useEffect, useRef } from 'react';
import { useComputedColorScheme } from '@mantine/core';
import { LineChart, RadarChart } from 'echarts/charts';
import { GridComponent, RadarComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { createFormatter, useFormat, type Formatter } from '../lib/format.ts';

echarts.use([RadarChart, LineChart, RadarComponent, GridComponent, SVGRenderer]);

export type ChartSpec =
  | { kind: 'radar'; axes: { name: string; value: number }[]; max: number; color: string }
  | { kind: 'trend'; points: { label: string; value: number; color: string }[]; min: number; max: number };

const animate = (): boolean => !navigator.webdriver && !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

/** Breaks a long axis name over lines of about 14 characters, so side labels stay inside the chart. */
export function wrapLabel(name: string, width = 14): string {
  const lines: string[] = [];
  for (const word of name.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

function optionOf(spec: ChartSpec, dark: boolean, format: Formatter): echarts.EChartsCoreOption {
  const text = dark ? '#c9c9c9' : '#343a40';
  const line = dark ? '#5c5f66' : '#ced4da';
  const base = { animation: animate(), aria: { enabled: false }, textStyle: { color: text, fontFamily: 'system-ui, sans-serif' } };
  if (spec.kind === 'radar') {
    // The brand blue is too dark on the dark body: a lighter shade there.
    const fill = dark ? '#7aa5d9' : spec.color;
    return {
      ...base,
      radar: {
        indicator: spec.axes.map((a) => ({ name: `${wrapLabel(a.name)}\n${format.score(a.value)}`, max: spec.max })),
        radius: '58%',
        nameGap: 8,
        axisName: { color: text, fontSize: 12, lineHeight: 16 },
        splitLine: { lineStyle: { color: line } },
        axisLine: { lineStyle: { color: line } },
        splitArea: { show: false },
      },
      series: [
        {
          type: 'radar',
          data: [{ value: spec.axes.map((a) => a.value) }],
          lineStyle: { color: fill, width: 2 },
          itemStyle: { color: fill },
          areaStyle: { color: fill, opacity: 0.25 },
        },
      ],
    };
  }
  return {
    ...base,
    grid: { left: 44, right: 20, top: 28, bottom: 28 },
    xAxis: {
      type: 'category',
      data: spec.points.map((p) => p.label),
      axisLine: { lineStyle: { color: line } },
      axisLabel: { color: text },
    },
    yAxis: { type: 'value', min: spec.min, max: spec.max, splitLine: { lineStyle: { color: line } }, axisLabel: { color: text } },
    series: [
      {
        type: 'line',
        data: spec.points.map((p) => ({ value: p.value, itemStyle: { color: p.color } })),
        symbolSize: 10,
        lineStyle: { color: text, width: 2 },
        label: { show: true, position: 'top', color: text, formatter: (p: { value: unknown }) => format.score(Number(p.value)) },
      },
    ],
  };
}

export function PublicChart({ spec, height }: { spec: ChartSpec; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';
  const lang = useFormat().lang;
  // Re-draw only when what is drawn changes (the parent builds a new spec object per render).
  const key = JSON.stringify(spec);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, null, { renderer: 'svg', height });
    chart.setOption(optionOf(JSON.parse(key) as ChartSpec, dark, createFormatter(lang)));
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [key, dark, lang, height]);

  return <div ref={ref} aria-hidden="true" style={{ width: '100%', height }} />;
}
