'use client';

import dynamic from 'next/dynamic';
import type { DiagramProps } from './diagram';
import { NearViewportPortal } from './near-viewport-portal';

// Fetched when the first figure nears the viewport, not with the page (Mermaid itself loads later still).
const DiagramCanvas = dynamic(() => import('./diagram').then((module) => module.DiagramCanvas), { ssr: false });

/** Mounts the live canvas of each diagram into its static figure once the figure nears the viewport. */
export function DiagramIslands({ diagrams }: { diagrams: DiagramProps[] }) {
  return diagrams.map((diagram) => (
    <NearViewportPortal key={diagram.id} attribute="data-diagram-root" value={diagram.id}>
      <DiagramCanvas {...diagram} />
    </NearViewportPortal>
  ));
}
