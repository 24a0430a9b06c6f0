import type { Mermaid } from 'mermaid';

let mermaidPromise: Promise<Mermaid> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let renderCount = 0;

/** Mermaid is ~1 MB: it is fetched the first time a diagram nears the viewport, never before. */
function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  return mermaidPromise;
}

/*
 * Mermaid's dark theme draws edge labels in #cccccc on #585858 (4.43:1), under WCAG's 4.5:1 for
 * text; on the page's raised dark surface they read at 8:1.
 */
const DARK_THEME_VARIABLES = { edgeLabelBackground: '#2b303b', labelBackground: '#2b303b' };

export type RenderOutcome = { ok: true; svg: string } | { ok: false; error: string };

/**
 * Parses then renders one diagram. Renders are serialised because mermaid.initialize is global:
 * two diagrams rendering at once with different themes would otherwise race.
 */
export function renderDiagram(source: string, theme: 'light' | 'dark'): Promise<RenderOutcome> {
  const job = queue.then(async (): Promise<RenderOutcome> => {
    const mermaid = await loadMermaid();
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: theme === 'dark' ? 'dark' : 'neutral',
      themeVariables: theme === 'dark' ? DARK_THEME_VARIABLES : {},
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      suppressErrorRendering: true,
    });
    try {
      await mermaid.parse(source);
      renderCount += 1;
      const { svg } = await mermaid.render(`mermaid-svg-${renderCount}`, source);
      return { ok: true, svg };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
  queue = job.catch(() => undefined);
  return job;
}
