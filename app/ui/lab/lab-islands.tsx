'use client';

import dynamic from 'next/dynamic';
import type { LabPreset } from '@/lib/lab/presets';

// Client-only: the portals find their static figures in the DOM, and the worker exists only in a browser.
const LabPortals = dynamic(() => import('./lab-portals'), { ssr: false });

/** Mounts a live simulation into each <Lab> figure of a lesson. */
export function LabIslands({ labs }: { labs: LabPreset[] }) {
  return labs.length > 0 ? <LabPortals labs={labs} /> : null;
}
