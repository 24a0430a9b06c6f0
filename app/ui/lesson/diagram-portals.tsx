'use client';

import { useState } from 'react';
import { createPortal } from 'react-dom';
import { DiagramCanvas, type DiagramProps } from './diagram';

export default function DiagramPortals({ diagrams }: { diagrams: DiagramProps[] }) {
  // The lesson HTML is static and already in the document when this client-only component mounts.
  const [targets] = useState(() => diagrams.map((diagram) => [diagram, document.querySelector(`[data-diagram-root="${CSS.escape(diagram.id)}"]`)] as const));
  return targets.map(([diagram, root]) => root && createPortal(<DiagramCanvas {...diagram} />, root, diagram.id));
}
