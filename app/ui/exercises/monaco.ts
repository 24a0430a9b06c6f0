import * as monaco from 'monaco-editor';

/*
 * Monaco, bundled with the site (never from a CDN), set up once per page: its workers, the
 * learner's TypeScript options, and the exercise's types as an extra lib so hover, completion and
 * error squiggles know them. Imported only by the editor modules, which load on the exercise page.
 */

type MonacoGlobal = typeof globalThis & { MonacoEnvironment?: monaco.Environment };

(globalThis as MonacoGlobal).MonacoEnvironment ??= {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('monaco-editor/language/typescript/ts.worker', import.meta.url), { type: 'module', name: 'typescript' });
    }
    return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), { type: 'module', name: 'editor' });
  },
};

/** The file the learner edits; the grading harness keeps stack frames that name it. */
export const SOLUTION_URI = 'file:///solution.ts';

// The runner has no DOM and no Node: only the ECMAScript library and the harness's console exist.
const RUNNER_GLOBALS = `declare const console: {
  log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void;
  error(...data: unknown[]): void; debug(...data: unknown[]): void;
};`;

/** Points the TypeScript service at this exercise's types (`import … from './types'`). */
export function setExerciseTypes(types: string): void {
  const { typescriptDefaults, ScriptTarget, ModuleKind, ModuleResolutionKind } = monaco.typescript;
  typescriptDefaults.setCompilerOptions({
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    lib: ['es2022'],
    strict: true,
    noEmit: true,
    allowNonTsExtensions: true,
  });
  typescriptDefaults.setExtraLibs([
    { content: types, filePath: 'file:///types.d.ts' },
    { content: RUNNER_GLOBALS, filePath: 'file:///runner-globals.d.ts' },
  ]);
}

// vs-dark's comments (#6a9955) and its fading of unused code (about half opacity) fall under 4.5:1
// on its background; these keep the hues and clear 4.5:1. The light theme's pass as they are.
monaco.editor.defineTheme('traffic-cop-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [{ token: 'comment', foreground: '8cbf73' }],
  colors: { 'editorUnnecessaryCode.opacity': '#000000d9', 'editorLineNumber.foreground': '#9a9a9a' },
});

/** Monaco's theme for the site's current theme. */
export function siteTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? 'traffic-cop-dark' : 'vs';
}

/** Calls `apply` whenever the site's light/dark theme changes. */
export function followSiteTheme(apply: (theme: string) => void): () => void {
  const observer = new MutationObserver(() => apply(siteTheme()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

export { monaco };
