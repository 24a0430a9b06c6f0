// The `--sweep` mode of `npm run sim`: one fleet at rising offered load, beside M/M/c.
import { kneeOf, sweepSpecSchema, type SweepPoint, type SweepSpec } from '@/lib/queueing/utilisation-sweep';

/** Builds the sweep from the flags it shares with a plain run; undefined fields take the defaults of DEFAULT_SWEEP. */
export function sweepSpecFrom(input: Record<keyof SweepSpec, unknown>): { ok: true; spec: SweepSpec } | { ok: false; errors: string[] } {
  const parsed = sweepSpecSchema.safeParse(input);
  if (parsed.success) return { ok: true, spec: parsed.data };
  return { ok: false, errors: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'sweep'}: ${issue.message}`) };
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const percent = (value: number) => `${(100 * value).toFixed(0)}%`;

/** The sweep as a table a terminal reads: one row per offered load, simulated beside M/M/c. */
export function formatSweep(spec: SweepSpec, points: readonly SweepPoint[]): string {
  const workers = spec.servers * spec.workersPerServer;
  const header = ['offered', 'busy', 'p50 ms', 'p99 ms', 'M/M/c p50', 'M/M/c p99', 'wait ms', 'M/M/c wait'];
  const rows = points.map((point) => [
    percent(point.utilisation),
    `${(100 * point.measuredUtilisation).toFixed(1)}%`,
    ms(point.p50Ms),
    ms(point.p99Ms),
    ms(point.theory.p50Ms),
    ms(point.theory.p99Ms),
    ms(point.meanWaitMs),
    ms(point.theory.meanWaitMs),
  ]);
  const table = [header, ...rows].map((row) => row.map((cell) => cell.padStart(11)).join(''));
  const knee = kneeOf(points);
  return [
    `Utilisation sweep · ${spec.algorithm} · ${spec.servers} server${spec.servers === 1 ? '' : 's'} × ${spec.workersPerServer} worker${spec.workersPerServer === 1 ? '' : 's'} · exponential ${spec.costMeanMs} ms · ${spec.requestsPerPoint} requests a point · seed ${spec.seed}`,
    `Theory: M/M/${workers}, one queue in front of all ${workers} workers: the floor for any balancer in front of separate servers.`,
    '',
    ...table,
    '',
    knee === undefined ? 'p99 never doubled from its light-load value over this range.' : `p99 has doubled from its light-load value by ${percent(knee)} busy.`,
  ].join('\n');
}
