import { DiagramIslands } from './diagram-islands';
import type { LessonDiagram } from '@/lib/content/remark-lesson';

/**
 * The lesson as static HTML compiled at build time (no lesson tree to hydrate),
 * plus the diagram islands that make its figures live.
 */
export function LessonBody({ html, diagrams }: { html: string; diagrams: LessonDiagram[] }) {
  return (
    <>
      <div className="lesson-body" dangerouslySetInnerHTML={{ __html: html }} />
      <DiagramIslands diagrams={diagrams} />
    </>
  );
}
