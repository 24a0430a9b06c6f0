import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import type { LessonPageData, OutlinePageData } from './page-data';
import { loadEsbuild, ROOT, SHARED_OPTIONS } from './esbuild';

export interface Prerenderer {
  renderLessonPage(data: LessonPageData): string;
  renderOutlinePage(data: OutlinePageData): string;
}

let cached: Promise<Prerenderer> | undefined;

/**
 * The static pages' renderer: render/pages.tsx and the site components it uses, bundled for Node
 * with their own React (the route handlers run under React's server-components build, which has
 * no hooks to render client components with) and evaluated once per process.
 */
export function prerenderer(): Promise<Prerenderer> {
  cached ??= build();
  return cached;
}

async function build(): Promise<Prerenderer> {
  const esbuild = await loadEsbuild();
  const result = await esbuild.build({
    ...SHARED_OPTIONS,
    entryPoints: [path.join(ROOT, 'app', 'learn', '_static', 'render', 'pages.tsx')],
    platform: 'node',
    format: 'cjs',
    outfile: path.join(ROOT, '.islands', 'prerender.cjs'),
    minify: false,
    loader: { '.css': 'empty' },
  });
  const bundle = { exports: {} as Prerenderer };
  const load = runInThisContext(`(function (module, exports, require) {${result.outputFiles[0]!.text}\n})`, { filename: 'static-pages-prerender.cjs' }) as (
    module: { exports: Prerenderer },
    exports: Prerenderer,
    require: NodeRequire,
  ) => void;
  load(bundle, bundle.exports, createRequire(path.join(ROOT, 'package.json')));
  return bundle.exports;
}
