'use client';

import dynamic from 'next/dynamic';
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import type { LabPreset } from '@/lib/lab/presets';
import { useElementNearViewport } from '../lesson/use-near-viewport';

// Fetched when the first figure nears the viewport, not with the page: evaluating the embed and
// the simulator's client on load was one of the longest tasks of a lesson on a phone-class CPU.
const LabEmbed = dynamic(() => import('./lab-embed').then((module) => module.LabEmbed), { ssr: false });

/** One embedded scenario, started only when its figure nears the viewport: no worker for labs nobody scrolls to. */
function LabIsland({ preset }: { preset: LabPreset }) {
  const findRoot = useCallback(() => document.querySelector(`[data-lab-root="${CSS.escape(preset.id)}"]`), [preset.id]);
  const root = useElementNearViewport(findRoot);
  return root ? createPortal(<LabEmbed preset={preset} />, root) : null;
}

/** Mounts a live simulation into each <Lab> figure of a lesson. */
export function LabIslands({ labs }: { labs: LabPreset[] }) {
  return labs.map((preset) => <LabIsland key={preset.id} preset={preset} />);
}
