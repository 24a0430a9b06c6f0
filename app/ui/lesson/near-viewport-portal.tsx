'use client';

import { useCallback, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useElementNearViewport } from './use-near-viewport';

/**
 * Renders `children` into the lesson's static element carrying `attribute="value"`, once that
 * element nears the viewport: islands nobody scrolls to never load their code or start work.
 */
export function NearViewportPortal({ attribute, value, children }: { attribute: string; value: string; children: ReactNode }) {
  const findRoot = useCallback(() => document.querySelector(`[${attribute}="${CSS.escape(value)}"]`), [attribute, value]);
  const root = useElementNearViewport(findRoot);
  return root ? createPortal(children, root) : null;
}
