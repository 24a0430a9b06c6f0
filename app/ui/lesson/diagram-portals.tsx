'use client';

import { useCallback } from 'react';
import { createPortal } from 'react-dom';
import { DiagramCanvas, type DiagramProps } from './diagram';
import { useElementNearViewport } from './use-near-viewport';

/** Mounts one live canvas into its static figure once the figure nears the viewport: no work for diagrams nobody scrolls to. */
function DiagramPortal({ diagram }: { diagram: DiagramProps }) {
  const findRoot = useCallback(() => document.querySelector(`[data-diagram-root="${CSS.escape(diagram.id)}"]`), [diagram.id]);
  const root = useElementNearViewport(findRoot);
  return root ? createPortal(<DiagramCanvas {...diagram} />, root) : null;
}

export default function DiagramPortals({ diagrams }: { diagrams: DiagramProps[] }) {
  return diagrams.map((diagram) => <DiagramPortal key={diagram.id} diagram={diagram} />);
}
