'use client';

import Link from 'next/link';
import type { LabPreset } from '@/lib/lab/presets';
import { RunTotals, ServerTable } from './metrics-table';
import { SystemPicture } from './system-picture';
import { useLabRun, useRunView } from './use-lab-run';
import './lab.css';

/** Playback speed in a lesson: a minute of simulated traffic in fifteen seconds of reading time. */
const EMBED_SPEED = 4;

/**
 * A named scenario inside a lesson: the picture and the key numbers of each variant, with play,
 * pause and restart. It waits for the learner to press Play; the full lab is one link away.
 */
export function LabEmbed({ preset }: { preset: LabPreset }) {
  const run = useLabRun(preset.state, { autoplay: false, speed: EMBED_SPEED });
  const view = useRunView(run.store);
  const frame = view.frame;
  const playing = view.status === 'playing';

  return (
    <div className="lab-embed-live" data-status={view.status}>
      <div className="lab-embed-actions">
        <button type="button" className="button primary small" onClick={playing ? run.pause : run.play} disabled={view.status === 'starting' || view.status === 'done'}>
          {playing ? 'Pause' : frame && frame.nowMs > 0 ? 'Resume' : 'Play'}
        </button>
        <button type="button" className="button small" onClick={run.reload}>
          Restart
        </button>
        <Link className="button small" href={`/lab?scenario=${preset.id}`} prefetch={false}>
          Open in the lab
        </Link>
        <output className="lab-clock" data-testid="lab-clock">
          {frame ? `${(frame.nowMs / 1000).toFixed(1)} s simulated` : 'Loading…'}
          {view.status === 'done' && ' · finished'}
        </output>
      </div>
      {view.status === 'error' && (
        <p className="lab-errors" role="alert">
          The simulation stopped: {view.error}
        </p>
      )}
      <div className="lab-embed-variants">
        {preset.state.variants.map((variant, index) => (
          <section key={index} aria-label={variant.label} data-variant={index}>
            <p className="lab-embed-label">
              <strong>{variant.label}</strong>
            </p>
            <SystemPicture store={run.store} variant={index} algorithm={variant.scenario.algorithm} label={variant.label} />
            {frame?.metrics[index] && frame.snapshots[index] && (
              <>
                <RunTotals metrics={frame.metrics[index]} label={variant.label} />
                <details>
                  <summary>Per-server numbers</summary>
                  <ServerTable servers={frame.snapshots[index].servers} metrics={frame.metrics[index]} label={variant.label} />
                </details>
              </>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
