import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metafile, OutputFile, Plugin } from 'esbuild';
import { loadEsbuild, ROOT, SHARED_OPTIONS } from './esbuild';

/** Where the islands are served from (app/islands/[file]/route.ts). */
export const ISLANDS_PATH = '/islands';

export interface IslandsBuild {
  files: Map<string, { contents: Uint8Array; contentType: string }>;
  /** The boot module's URL and the chunks it imports at once. */
  boot: string;
  preloads: string[];
  /** The lab embed's stylesheet URL. */
  labCss: string;
  /** The lesson and outline pages' stylesheet URL. */
  pageCss: string;
}

const ISLANDS = path.join(ROOT, 'app', 'learn', '_islands');
const PAGE_CSS = path.join(ROOT, 'app', 'learn', '_static', 'static-pages.css');
const LAB_CSS = path.join(ROOT, 'app', 'ui', 'lab', 'lab.css');
/** The workers lab embeds start, each with the hook that starts it and the URL it uses under Turbopack. */
const WORKERS = [
  { name: 'sim-worker', entry: path.join(ROOT, 'sandbox', 'sim.worker.ts'), hook: /use-lab-run\.ts$/, url: "new URL('../../../sandbox/sim.worker.ts', import.meta.url)" },
  { name: 'sweep-worker', entry: path.join(ROOT, 'sandbox', 'sweep.worker.ts'), hook: /use-sweep-run\.ts$/, url: "new URL('../../../../sandbox/sweep.worker.ts', import.meta.url)" },
] as const;

let cached: Promise<IslandsBuild> | undefined;

/**
 * Every script the static pages load, built once per process with esbuild (at build time, for the
 * prerendered pages and files): the boot module, the islands it imports on demand, Mermaid's chunks
 * the simulation and sweep workers and the pages' stylesheets. Names carry a content hash, so the files are cached for good.
 */
export function islandsBuild(): Promise<IslandsBuild> {
  cached ??= build();
  return cached;
}

/** The lab's hooks start their workers the Turbopack way; here each worker is our own hashed file. */
function workerUrls(workerFiles: ReadonlyMap<string, string>): Plugin {
  return {
    name: 'worker-urls',
    setup(build) {
      for (const worker of WORKERS) {
        build.onLoad({ filter: worker.hook }, async (args) => {
          const source = await readFile(args.path, 'utf8');
          if (!source.includes(worker.url)) throw new Error(`${args.path} no longer starts its worker with ${worker.url}: update islands-bundle.ts`);
          return { contents: source.replace(worker.url, `new URL('./${workerFiles.get(worker.name)}', import.meta.url)`), loader: 'ts' };
        });
      }
    },
  };
}

function outputName(file: OutputFile): string {
  return path.basename(file.path);
}

function outputFor(metafile: Metafile, entry: string): string {
  const relative = path.relative(ROOT, entry);
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === relative);
  if (!found) throw new Error(`islands build: no output for ${relative}`);
  return path.basename(found[0]);
}

async function build(): Promise<IslandsBuild> {
  const esbuild = await loadEsbuild();
  const outdir = path.join(ROOT, '.islands');
  const common = { ...SHARED_OPTIONS, platform: 'browser' as const, format: 'esm' as const, outdir, metafile: true as const, loader: { '.css': 'empty' as const } };
  const workers = await esbuild.build({ ...common, entryPoints: Object.fromEntries(WORKERS.map((worker) => [worker.name, worker.entry])), entryNames: '[name]-[hash]' });
  const workerFiles = new Map(WORKERS.map((worker) => [worker.name, outputFor(workers.metafile, worker.entry)]));
  const boot = path.join(ISLANDS, 'boot.ts');
  const islands = await esbuild.build({
    ...common,
    entryPoints: [boot],
    splitting: true,
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    plugins: [workerUrls(workerFiles)],
  });
  const styles = await esbuild.build({ ...SHARED_OPTIONS, entryPoints: [PAGE_CSS, LAB_CSS], outdir, entryNames: '[name]-[hash]', metafile: true as const, loader: { '.css': 'css' as const } });

  const files = new Map<string, { contents: Uint8Array; contentType: string }>();
  for (const file of [...workers.outputFiles, ...islands.outputFiles]) files.set(outputName(file), { contents: file.contents, contentType: 'text/javascript; charset=utf-8' });
  for (const file of styles.outputFiles) files.set(outputName(file), { contents: file.contents, contentType: 'text/css; charset=utf-8' });

  const bootFile = outputFor(islands.metafile, boot);
  const bootOutput = islands.metafile.outputs[path.relative(ROOT, path.join(outdir, bootFile))]!;
  const preloads = bootOutput.imports.filter((item) => item.kind === 'import-statement').map((item) => `${ISLANDS_PATH}/${path.basename(item.path)}`);
  return {
    files,
    boot: `${ISLANDS_PATH}/${bootFile}`,
    preloads,
    labCss: `${ISLANDS_PATH}/${outputFor(styles.metafile, LAB_CSS)}`,
    pageCss: `${ISLANDS_PATH}/${outputFor(styles.metafile, PAGE_CSS)}`,
  };
}
