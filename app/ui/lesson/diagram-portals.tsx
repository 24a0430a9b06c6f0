'use client';

import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { DiagramCanvas, type DiagramProps } from './diagram';
import { useNearViewport } from './use-near-viewport';

/** Mounts one live canvas into its static figure once the figure nears the viewport: no work for diagrams nobody scrolls to. */
function DiagramPortal({ diagram, root }: { diagram: DiagramProps; root: Element }) {
  const rootRef = useRef(root);
  const near = useNearViewport(rootRef);
  return near ? createPortal(<DiagramCanvas {...diagram} />, root) : null;
}

export default function DiagramPortals({ diagrams }: { diagrams: DiagramProps[] }) {
  // The lesson HTML is static and already in the document when this client-only component mounts.
  const [targets] = useState(() => diagrams.map((diagram) => [diagram, document.querySelector(`[data-diagram-root="${CSS.escape(diagram.id)}"]`)] as const));
  return targets.map(([diagram, root]) => root && <DiagramPortal key={diagram.id} diagram={diagram} root={root} />);
}
