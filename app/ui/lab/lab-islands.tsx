'use client';

import dynamic from 'next/dynamic';
import type { LabPreset } from '@/lib/lab/presets';
import { NearViewportPortal } from '../lesson/near-viewport-portal';

// Fetched when the first figure nears the viewport, not with the page: evaluating the embed and
// the simulator's client on load was one of the longest tasks of a lesson on a phone-class CPU.
const LabEmbed = dynamic(() => import('./lab-embed').then((module) => module.LabEmbed), { ssr: false });

/** Mounts a live simulation into each <Lab> figure of a lesson once it nears the viewport: no worker for labs nobody scrolls to. */
export function LabIslands({ labs }: { labs: LabPreset[] }) {
  return labs.map((preset) => (
    <NearViewportPortal key={preset.id} attribute="data-lab-root" value={preset.id}>
      <LabEmbed preset={preset} />
    </NearViewportPortal>
  ));
}
