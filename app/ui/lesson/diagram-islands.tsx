'use client';

import dynamic from 'next/dynamic';
import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import type { DiagramProps } from './diagram';
import { useElementNearViewport } from './use-near-viewport';

// Fetched when the first figure nears the viewport, not with the page (Mermaid itself loads later still).
const DiagramCanvas = dynamic(() => import('./diagram').then((module) => module.DiagramCanvas), { ssr: false });

/** Mounts one live canvas into its static figure once the figure nears the viewport: no work for diagrams nobody scrolls to. */
function DiagramIsland({ diagram }: { diagram: DiagramProps }) {
  const findRoot = useCallback(() => document.querySelector(`[data-diagram-root="${CSS.escape(diagram.id)}"]`), [diagram.id]);
  const root = useElementNearViewport(findRoot);
  return root ? createPortal(<DiagramCanvas {...diagram} />, root) : null;
}

/** Mounts the interactive part of every diagram into the lesson's static HTML. */
export function DiagramIslands({ diagrams }: { diagrams: DiagramProps[] }) {
  return diagrams.map((diagram) => <DiagramIsland key={diagram.id} diagram={diagram} />);
}
