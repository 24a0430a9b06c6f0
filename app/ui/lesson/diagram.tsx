'use client';

import { useTheme } from 'next-themes';
import { useEffect, useRef, useState } from 'react';
import { renderDiagram } from './mermaid-runtime';
import { useDebounced } from './use-debounced';

export interface DiagramProps {
  id: string;
  title: string;
  description: string;
  source: string;
}

type View = { status: 'waiting' } | { status: 'ready'; svg: string; naturalWidth: number; error?: string } | { status: 'failed'; error: string };

const ZOOM_STEPS = [1, 1.5, 2, 3];

/** Mermaid writes the drawing's natural width as an inline max-width; never scale a small drawing up past it. */
function naturalWidthOf(svg: string): number {
  const match = /max-width:\s*([\d.]+)px/.exec(svg);
  return match ? Number(match[1]) : 800;
}

/**
 * The live part of a lesson diagram, mounted into its static figure as it nears the viewport:
 * drawn at once, re-themed with the site, zoomable, and editable through its source. A parse
 * error is shown inline and the last good picture stays.
 */
export function DiagramCanvas({ id, title, source }: DiagramProps) {
  const liveRef = useRef<HTMLDivElement>(null);
  const { resolvedTheme } = useTheme();
  const theme = resolvedTheme === 'dark' ? 'dark' : 'light';
  const [code, setCode] = useState(source);
  const settledCode = useDebounced(code, 250);
  const [editing, setEditing] = useState(false);
  const [zoom, setZoom] = useState(0);
  const [view, setView] = useState<View>({ status: 'waiting' });

  // The static placeholder in the server HTML is hidden once the live canvas is mounted.
  useEffect(() => {
    const root = liveRef.current?.parentElement;
    root?.setAttribute('data-live', '');
    return () => root?.removeAttribute('data-live');
  }, []);

  useEffect(() => {
    let cancelled = false;
    renderDiagram(settledCode, theme).then((outcome) => {
      if (cancelled) return;
      setView((previous) => {
        if (outcome.ok) return { status: 'ready', svg: outcome.svg, naturalWidth: naturalWidthOf(outcome.svg) };
        return previous.status === 'ready' ? { ...previous, error: outcome.error } : { status: 'failed', error: outcome.error };
      });
    });
    return () => {
      cancelled = true;
    };
  }, [settledCode, theme]);

  const error = view.status === 'waiting' ? undefined : view.error;
  const scale = ZOOM_STEPS[zoom]!;
  return (
    <div ref={liveRef} className="diagram-live" data-status={view.status}>
      <div className="diagram-toolbar">
        <button type="button" className="button small" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0} aria-label={`Zoom out of ${title}`}>
          −
        </button>
        <span className="diagram-zoom" aria-live="polite">{Math.round(scale * 100)}%</span>
        <button type="button" className="button small" onClick={() => setZoom((z) => Math.min(ZOOM_STEPS.length - 1, z + 1))} disabled={zoom === ZOOM_STEPS.length - 1} aria-label={`Zoom in on ${title}`}>
          +
        </button>
        <span className="spacer" />
        <button type="button" className="button small" aria-expanded={editing} aria-controls={`${id}-source`} onClick={() => setEditing((open) => !open)} data-testid="diagram-source-toggle">
          {editing ? 'Hide source' : 'Edit source'}
        </button>
      </div>
      <div className="diagram-viewport" tabIndex={0} role="group" aria-label={`${title} (scrollable)`}>
        {view.status === 'ready' ? (
          <div
            className="diagram-canvas"
            role="img"
            aria-label={title}
            aria-describedby={`${id}-description`}
            style={{ width: `${scale * 100}%`, ['--svg-max-width' as string]: `${view.naturalWidth * scale}px` }}
            data-stale={Boolean(error)}
            dangerouslySetInnerHTML={{ __html: view.svg }}
          />
        ) : (
          <div className="diagram-placeholder" role="img" aria-label={title} aria-describedby={`${id}-description`}>
            {view.status === 'waiting' ? 'Drawing diagram…' : 'This diagram could not be drawn.'}
          </div>
        )}
      </div>
      {error && (
        <p className="diagram-error" role="alert" data-testid="diagram-error">
          <strong>Mermaid could not parse this source.</strong> {error}
        </p>
      )}
      {editing && (
        <div className="diagram-editor" id={`${id}-source`}>
          <label htmlFor={`${id}-textarea`}>Mermaid source. Edit it and the diagram redraws.</label>
          <textarea id={`${id}-textarea`} value={code} onChange={(event) => setCode(event.target.value)} spellCheck={false} rows={Math.min(18, code.split('\n').length + 1)} data-testid="diagram-source" />
          <button type="button" className="button small" onClick={() => setCode(source)} disabled={code === source}>
            Restore original
          </button>
        </div>
      )}
    </div>
  );
}
