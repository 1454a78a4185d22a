/**
 * The over-claim bars (claim-chart.tsx): per aspect a bar for the claimed score and one for the
 * verified score, ECharts 6 with the SVG renderer and only the parts used. Loaded lazily.
 */
import { useEffect, useRef } from 'react';
import { useComputedColorScheme } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { createFormatter, useFormat } from '../lib/format.ts';

/** One aspect's score claimed (F-01) and verified (F-02). */
export interface ClaimAspect {
  code: string;
  title: string;
  claimed: number;
  verified: number;
}

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

export function ClaimBars(props: { aspects: ClaimAspect[]; max: number; height: number; claimed: string; verified: string }) {
  const { aspects, max, height, claimed, verified } = props;
  const ref = useRef<HTMLDivElement>(null);
  const dark = useComputedColorScheme('light') === 'dark';
  const lang = useFormat().lang;
  const key = JSON.stringify(aspects);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const format = createFormatter(lang);
    const text = dark ? '#c9c9c9' : '#343a40';
    const line = dark ? '#5c5f66' : '#ced4da';
    const rows = (JSON.parse(key) as ClaimAspect[]).slice().reverse();
    const animation = !navigator.webdriver && !globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = echarts.init(el, null, { renderer: 'svg', height });
    // On a phone the aspect names take two lines in a narrower column; an explicit line height
    // keeps the two lines apart (ECharts' default drew "Sistem Informasi" over "Pelayanan Publik").
    const narrow = el.clientWidth < 420;
    const axisLabel = {
      color: text,
      width: narrow ? Math.max(90, Math.round(el.clientWidth * 0.36)) : 130,
      overflow: 'break' as const,
      fontSize: narrow ? 11 : 12,
      lineHeight: narrow ? 13 : 15,
    };
    const label = {
      show: true,
      position: 'right' as const,
      color: text,
      formatter: (p: { value: unknown }) => format.score(Number(p.value)),
    };
    chart.setOption({
      animation,
      aria: { enabled: false },
      textStyle: { color: text, fontFamily: 'system-ui, sans-serif' },
      legend: { top: 0, textStyle: { color: text } },
      grid: { left: 8, right: 44, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max, splitLine: { lineStyle: { color: line } }, axisLabel: { color: text } },
      yAxis: {
        type: 'category',
        data: rows.map((a) => a.title),
        axisLabel,
        axisLine: { lineStyle: { color: line } },
      },
      series: [
        { name: claimed, type: 'bar', data: rows.map((a) => a.claimed), itemStyle: { color: '#c97a1a' }, label },
        { name: verified, type: 'bar', data: rows.map((a) => a.verified), itemStyle: { color: dark ? '#7aa5d9' : '#1b4f8a' }, label },
      ],
    });
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    ro?.observe(el);
    return () => {
      ro?.disconnect();
      chart.dispose();
    };
  }, [key, dark, lang, height, max, claimed, verified]);

  return <div ref={ref} aria-hidden="true" style={{ width: '100%', height }} />;
}
