'use client';

import Link from 'next/link';
import { useState } from 'react';
import { sweepQuery } from '@/lib/queueing/sweep-query';
import { SWEEP_EMBED } from '@/lib/queueing/sweep-embed';
import { SweepChart } from './sweep-chart';
import { SweepReading } from './sweep-app';
import { SweepTable } from './sweep-table';
import { useSweepRun } from './use-sweep-run';
import '../lab.css';

/** The utilisation sweep inside a lesson: waits for Run, like the other embeds wait for Play; the full sweep lab is one link away. */
export function SweepEmbed() {
  const [started, setStarted] = useState(false);
  const { spec } = SWEEP_EMBED;
  const run = useSweepRun(spec, started);
  const done = run.points.filter(Boolean).length;
  return (
    <div className="lab-embed-live" data-status={run.status}>
      <div className="lab-embed-actions">
        <button type="button" className="button primary small" onClick={() => setStarted(true)} disabled={started}>
          Run
        </button>
        <Link className="button small" href={`/lab/sweep?${sweepQuery(spec)}`} prefetch={false}>
          Open in the lab
        </Link>
        <output className="lab-clock" data-testid="sweep-progress">
          {run.status === 'idle' ? `${spec.utilisations.length} loads to run` : run.status === 'done' ? `swept ${spec.utilisations.length} loads · finished` : `load ${Math.min(done + 1, spec.utilisations.length)} of ${spec.utilisations.length}…`}
        </output>
      </div>
      {run.status === 'error' && (
        <p className="lab-errors" role="alert">
          The sweep stopped: {run.error}
        </p>
      )}
      <SweepChart spec={spec} points={run.points} />
      <SweepReading points={run.points} />
      <details>
        <summary>Every figure</summary>
        <SweepTable utilisations={spec.utilisations} points={run.points} />
      </details>
    </div>
  );
}
