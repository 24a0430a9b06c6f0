'use client';

import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import type { LabPreset } from '@/lib/lab/presets';
import { useElementNearViewport } from '../lesson/use-near-viewport';
import { LabEmbed } from './lab-embed';

/** One embedded scenario, started only when its figure nears the viewport: no worker for labs nobody scrolls to. */
function LabPortal({ preset }: { preset: LabPreset }) {
  const findRoot = useCallback(() => document.querySelector(`[data-lab-root="${CSS.escape(preset.id)}"]`), [preset.id]);
  const root = useElementNearViewport(findRoot);
  return root ? createPortal(<LabEmbed preset={preset} />, root) : null;
}

export default function LabPortals({ labs }: { labs: LabPreset[] }) {
  return labs.map((preset) => <LabPortal key={preset.id} preset={preset} />);
}
