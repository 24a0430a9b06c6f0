'use client';

import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { responsePercentile } from '@/lib/queueing/erlang-c';
import type { SweepPoint, SweepSpec } from '@/lib/queueing/utilisation-sweep';
import { chartTheme } from '../time-chart';

const HEIGHT = 280;
/** The band where fleets are usually run, shaded so the eye finds it. */
const BAND = [60, 70] as const;

/**
 * Latency percentiles against offered load: simulated points (solid, with markers) beside the M/M/c
 * curves (dashed) computed at every 1% on the page. Colour tells p50 from p99, the line style tells
 * simulated from theory, and the legend names each; the table next to it carries every figure.
 */
export function SweepChart({ spec, points }: { spec: SweepSpec; points: readonly (SweepPoint | undefined)[] }) {
  const holder = useRef<HTMLDivElement>(null);
  const data = useMemo(() => chartData(spec, points), [spec, points]);
  const latest = useRef(data);
  const chart = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const build = () => {
      chart.current?.destroy();
      const { colour, axis, base } = chartTheme(element, Math.max(240, element.clientWidth), HEIGHT);
      const line = (label: string, series: string, simulated: boolean): uPlot.Series => ({
        label,
        stroke: colour(series),
        width: simulated ? 2 : 1.5,
        dash: simulated ? undefined : [6, 4],
        spanGaps: true,
        points: { show: simulated, size: 7, fill: colour('--bg') },
      });
      chart.current = new uPlot(
        {
          ...base,
          axes: [
            { ...axis, label: 'offered load (% of capacity)', size: 40 },
            { ...axis, label: 'latency (ms)', size: 56 },
          ],
          series: [{ label: 'load %' }, line('simulated p50', '--series-1', true), line('simulated p99', '--series-2', true), line('M/M/c p50', '--series-1', false), line('M/M/c p99', '--series-2', false)],
          hooks: {
            drawAxes: [
              (u) => {
                const left = u.valToPos(BAND[0], 'x', true);
                const right = u.valToPos(BAND[1], 'x', true);
                u.ctx.save();
                u.ctx.fillStyle = colour('--good-soft');
                u.ctx.fillRect(left, u.bbox.top, right - left, u.bbox.height);
                u.ctx.fillStyle = colour('--fg-muted');
                u.ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
                u.ctx.fillText('60–70%', left + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
                u.ctx.restore();
              },
            ],
          },
        },
        latest.current,
        element,
      );
    };
    build();
    const resize = new ResizeObserver(() => chart.current?.setSize({ width: Math.max(240, element.clientWidth), height: HEIGHT }));
    resize.observe(element);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      resize.disconnect();
      theme.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    latest.current = data;
    chart.current?.setData(data);
  }, [data]);

  return (
    <figure className="lab-chart sweep-chart">
      <figcaption>
        p50 and p99 latency against offered load: simulated (solid, with markers) and M/M/{spec.servers * spec.workersPerServer} (dashed). The shaded band is 60–70%.
      </figcaption>
      <div ref={holder} aria-hidden="true" />
    </figure>
  );
}

/** x = every 1% across the swept range plus the swept loads; simulated series are null between their points. */
function chartData(spec: SweepSpec, points: readonly (SweepPoint | undefined)[]): uPlot.AlignedData {
  const swept = spec.utilisations.map((utilisation) => Math.round(utilisation * 1000) / 10);
  const low = Math.min(...swept);
  const high = Math.max(...swept);
  const xs = [...new Set([...swept, ...Array.from({ length: Math.floor(high) - Math.ceil(low) + 1 }, (_, index) => Math.ceil(low) + index)])].sort((a, b) => a - b);
  const workers = spec.servers * spec.workersPerServer;
  const bySwept = new Map(spec.utilisations.map((utilisation, index) => [Math.round(utilisation * 1000) / 10, points[index]]));
  const theory = (x: number, p: number) => responsePercentile({ workers, arrivalRate: ((x / 100) * workers) / spec.costMeanMs, meanServiceMs: spec.costMeanMs }, p);
  return [
    xs,
    xs.map((x) => bySwept.get(x)?.p50Ms ?? null),
    xs.map((x) => bySwept.get(x)?.p99Ms ?? null),
    xs.map((x) => theory(x, 0.5)),
    xs.map((x) => theory(x, 0.99)),
  ];
}
