'use client';

import { useEffect, useRef } from 'react';
import { followSiteTheme, monaco, siteTheme } from './monaco';

/** The learner's code beside the reference solution, read-only. The learner's editor is left as it is. */
export default function SolutionDiff({ mine, reference }: { mine: string; reference: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const original = monaco.editor.createModel(mine, 'typescript', monaco.Uri.parse('file:///compare/yours.ts'));
    const modified = monaco.editor.createModel(reference, 'typescript', monaco.Uri.parse('file:///compare/reference.ts'));
    const diff = monaco.editor.createDiffEditor(host.current!, {
      theme: siteTheme(),
      readOnly: true,
      originalEditable: false,
      automaticLayout: true,
      renderSideBySide: true,
      useInlineViewWhenSpaceIsLimited: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      // Monaco leaves both panes' text areas unnamed otherwise (axe: aria-input-field-name).
      originalAriaLabel: 'Your code (read-only)',
      modifiedAriaLabel: 'Reference solution (read-only)',
    });
    diff.setModel({ original, modified });
    // The construction options do not always reach the panes' edit contexts before they render
    // (axe saw empty aria-labels in CI): set each pane's label on the pane itself as well.
    diff.getOriginalEditor().updateOptions({ ariaLabel: 'Your code (read-only)' });
    diff.getModifiedEditor().updateOptions({ ariaLabel: 'Reference solution (read-only)' });
    const stopTheme = followSiteTheme((theme) => monaco.editor.setTheme(theme));
    return () => {
      stopTheme();
      diff.dispose();
      original.dispose();
      modified.dispose();
    };
  }, [mine, reference]);
  return <div ref={host} className="solution-diff" data-testid="solution-diff" />;
}
