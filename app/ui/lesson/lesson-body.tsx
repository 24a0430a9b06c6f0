import type { LessonDiagram } from '@/lib/content/remark-lesson';
import { findPreset, type LabPreset } from '@/lib/lab/presets';
import { SWEEP_EMBED_ID } from '@/lib/queueing/sweep-embed-id';
import { LabIslands } from '../lab/lab-islands';
import { DiagramIslands } from './diagram-islands';

/**
 * The lesson as static HTML compiled at build time (no lesson tree to hydrate), plus the
 * islands that make its diagrams and embedded labs live.
 */
export function LessonBody({ html, diagrams, labs }: { html: string; diagrams: LessonDiagram[]; labs: string[] }) {
  // The build already failed on unknown scenario ids; the filter drops the sweep, which has its own island.
  const presets = labs.map(findPreset).filter((preset): preset is LabPreset => preset !== undefined);
  return (
    <>
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: html }} />
      <DiagramIslands diagrams={diagrams} />
      <LabIslands labs={presets} sweep={labs.includes(SWEEP_EMBED_ID)} />
    </>
  );
}
