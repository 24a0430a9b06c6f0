'use client';

import dynamic from 'next/dynamic';
import type { LabPreset } from '@/lib/lab/presets';
import { SWEEP_EMBED_ID } from '@/lib/queueing/sweep-embed-id';
import { NearViewportPortal } from '../lesson/near-viewport-portal';

// Fetched when the first figure nears the viewport, not with the page: evaluating the embed and
// the simulator's client on load was one of the longest tasks of a lesson on a phone-class CPU.
const LabEmbed = dynamic(() => import('./lab-embed').then((module) => module.LabEmbed), { ssr: false });
const SweepEmbed = dynamic(() => import('./sweep/sweep-embed').then((module) => module.SweepEmbed), { ssr: false });

/** Mounts a live simulation into each <Lab> figure of a lesson once it nears the viewport: no worker for labs nobody scrolls to. */
export function LabIslands({ labs, sweep }: { labs: LabPreset[]; sweep: boolean }) {
  return (
    <>
      {labs.map((preset) => (
        <NearViewportPortal key={preset.id} attribute="data-lab-root" value={preset.id}>
          <LabEmbed preset={preset} />
        </NearViewportPortal>
      ))}
      {sweep && (
        <NearViewportPortal attribute="data-lab-root" value={SWEEP_EMBED_ID}>
          <SweepEmbed />
        </NearViewportPortal>
      )}
    </>
  );
}
