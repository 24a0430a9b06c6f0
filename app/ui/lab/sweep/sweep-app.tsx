'use client';

import { useState } from 'react';
import { sweepQuery } from '@/lib/queueing/sweep-query';
import { kneeOf, parseUtilisations, sweepSpecSchema, type SweepPoint, type SweepSpec } from '@/lib/queueing/utilisation-sweep';
import { NumberField } from '../number-field';
import { AlgorithmField } from '../scenario-form';
import { SweepChart } from './sweep-chart';
import { SweepTable } from './sweep-table';
import { useSweepRun } from './use-sweep-run';
import '../lab.css';

/** The lab's sweep mode: the fleet on the left, the curve on the right; every change reruns and updates the link. */
export function SweepApp({ initial }: { initial: SweepSpec }) {
  const [spec, setSpec] = useState(initial);
  const run = useSweepRun(spec);
  const update = (change: Partial<SweepSpec>) => {
    const next = { ...spec, ...change };
    if (!sweepSpecSchema.safeParse(next).success) return;
    setSpec(next);
    window.history.replaceState(null, '', `/lab/sweep?${sweepQuery(next)}`);
  };

  return (
    <div className="lab">
      <form className="lab-form" aria-label="Sweep settings" onSubmit={(event) => event.preventDefault()}>
        <fieldset>
          <legend>Fleet</legend>
          <AlgorithmField label="Balancer" value={spec.algorithm} onChange={(algorithm) => update({ algorithm })} />
          <NumberField label="Servers" value={spec.servers} min={1} max={32} onCommit={(servers) => update({ servers })} />
          <NumberField label="Workers per server" value={spec.workersPerServer} min={1} max={64} onCommit={(workersPerServer) => update({ workersPerServer })} />
          <NumberField label="Mean request cost" unit="ms" value={spec.costMeanMs} min={0.1} max={10_000} integer={false} step={0.1} onCommit={(costMeanMs) => update({ costMeanMs })} />
        </fieldset>
        <fieldset>
          <legend>Sweep</legend>
          <LoadsField value={spec.utilisations} onCommit={(utilisations) => update({ utilisations })} />
          <NumberField label="Requests per point" value={spec.requestsPerPoint} min={1_000} max={500_000} onCommit={(requestsPerPoint) => update({ requestsPerPoint })} />
          <NumberField label="Seed" value={spec.seed} min={0} max={2 ** 31 - 1} onCommit={(seed) => update({ seed })} />
        </fieldset>
        <p className="lab-hint muted">Poisson arrivals, exponential costs and no queue limit, so M/M/c applies. The dashed line puts all {spec.servers * spec.workersPerServer} workers behind one queue: the best any balancer can do.</p>
      </form>
      <div className="lab-stage">
        <SweepStatusLine status={run.status} done={run.points.filter(Boolean).length} total={spec.utilisations.length} error={run.error} />
        <SweepChart spec={spec} points={run.points} />
        <SweepReading points={run.points} />
        <SweepTable utilisations={spec.utilisations} points={run.points} />
      </div>
    </div>
  );
}

function SweepStatusLine({ status, done, total, error }: { status: string; done: number; total: number; error?: string }) {
  if (status === 'error') {
    return (
      <p className="lab-errors" role="alert">
        The sweep stopped: {error}
      </p>
    );
  }
  return (
    <p className="lab-runbar" role="status" aria-live="polite">
      {status === 'done' ? `Swept ${total} loads.` : `Running load ${Math.min(done + 1, total)} of ${total}…`}
    </p>
  );
}

/** One sentence on what the curve says, once it has bent. */
export function SweepReading({ points }: { points: readonly (SweepPoint | undefined)[] }) {
  const measured = points.filter((point): point is SweepPoint => point !== undefined);
  const knee = kneeOf(measured);
  if (measured.length < 2) return null;
  return (
    <p className="sweep-reading">
      {knee === undefined
        ? 'Over this range p99 never doubled from its light-load value: add load, or fewer workers per queue, to see it bend.'
        : `p99 has doubled from its light-load value by ${(100 * knee).toFixed(0)}% busy and climbs steeply after: the headroom for bursts and failures is why fleets run at 60–70%.`}
    </p>
  );
}

/** The offered loads as text, from:to:step or a list, committed only when it reads as valid loads. */
function LoadsField({ value, onCommit }: { value: readonly number[]; onCommit(loads: number[]): void }) {
  const [text, setText] = useState(value.join(', '));
  const parsed = parseUtilisations(text);
  const valid = parsed !== undefined && parsed.length <= 40 && parsed.every((load) => load > 0 && load < 1);
  return (
    <div className="lab-field">
      <label htmlFor="sweep-loads">Offered loads</label>
      <input
        id="sweep-loads"
        value={text}
        aria-invalid={valid ? undefined : true}
        aria-describedby="sweep-loads-hint"
        onChange={(event) => {
          setText(event.target.value);
          const next = parseUtilisations(event.target.value);
          if (next && next.length <= 40 && next.every((load) => load > 0 && load < 1)) onCommit(next);
        }}
      />
      <span id="sweep-loads-hint" className={valid ? 'lab-hint muted' : 'lab-field-problem'}>
        Shares of capacity below 1, as a list (0.5, 0.7, 0.9) or from:to:step (0.1:0.95:0.05); at most 40.
      </span>
    </div>
  );
}
