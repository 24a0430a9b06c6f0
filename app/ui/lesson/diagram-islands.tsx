'use client';

import dynamic from 'next/dynamic';
import type { DiagramProps } from './diagram';

// Client-only: the portals look up their static figures in the DOM, which the server has none of.
const DiagramPortals = dynamic(() => import('./diagram-portals'), { ssr: false });

/** Mounts the interactive part of every diagram into the lesson's static HTML. */
export function DiagramIslands({ diagrams }: { diagrams: DiagramProps[] }) {
  return diagrams.length > 0 ? <DiagramPortals diagrams={diagrams} /> : null;
}
