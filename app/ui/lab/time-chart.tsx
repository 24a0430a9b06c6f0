'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { FrameStore } from './frame-store';

export interface ChartSeries {
  label: string;
  /** A CSS custom property such as --accent, so lines follow light and dark mode. */
  colour: string;
  dashed?: boolean;
}

const HEIGHT = 170;

/** What every lab chart shares, in the page's current theme: `colour` reads a CSS custom property, so light and dark both hold. */
export function chartTheme(element: HTMLElement, width: number, height: number) {
  const style = getComputedStyle(element);
  const colour = (name: string) => style.getPropertyValue(name).trim() || name;
  const axis = { stroke: colour('--fg-muted'), grid: { stroke: colour('--border'), width: 1 }, ticks: { stroke: colour('--border') } };
  const base = { width, height, legend: { show: true }, cursor: { drag: { x: false, y: false } }, scales: { x: { time: false } } };
  return { colour, axis, base };
}

/**
 * A line chart over simulated time, fed from the run's history a few times a second. uPlot draws
 * to canvas in well under a millisecond for a few thousand points, which keeps the page's frame
 * budget for the system picture.
 */
export function TimeChart({ title, unit, series, store, data }: { title: string; unit: string; series: ChartSeries[]; store: FrameStore; data: (store: FrameStore) => uPlot.AlignedData }) {
  const holder = useRef<HTMLDivElement>(null);
  const seriesKey = JSON.stringify(series);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    let chart: uPlot | undefined;
    const build = () => {
      chart?.destroy();
      const { colour, axis, base } = chartTheme(element, Math.max(200, element.clientWidth), HEIGHT);
      chart = new uPlot(
        {
          ...base,
          axes: [
            { ...axis, label: 'simulated seconds', size: 34 },
            { ...axis, label: unit, size: 52 },
          ],
          series: [{ label: 's' }, ...series.map((line) => ({ label: line.label, stroke: colour(line.colour), width: 1.5, dash: line.dashed ? [6, 4] : undefined, spanGaps: false, points: { show: false } }))],
        },
        data(store),
        element,
      );
    };
    build();
    const resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const unsubscribe = store.subscribe(() => chart?.setData(data(store)));
    return () => {
      unsubscribe();
      resize.disconnect();
      theme.disconnect();
      chart?.destroy();
    };
    // `series` is compared by content: a new array with the same lines must not rebuild the chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, seriesKey, unit, data]);

  return (
    <figure className="lab-chart">
      <figcaption>{title}</figcaption>
      <div ref={holder} aria-hidden="true" />
    </figure>
  );
}
