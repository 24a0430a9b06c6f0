// `npm start`: migrate the database, build when the sources are newer than the last build, serve.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';

const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = ['app', 'lib', 'content', 'sandbox', 'package-lock.json', 'next.config.ts'];
  const newestSource = Math.max(
    ...sources.map((s) => path.join(root, s)).filter(existsSync).map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  return newestSource > statSync(buildId).mtimeMs;
}

execFileSync(process.execPath, [path.join(root, 'scripts', 'db-migrate.mjs')], { stdio: 'inherit' });
if (buildIsStale()) execFileSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });

const port = process.env.PORT || '3000';
const host = process.env.HOST || '127.0.0.1';
console.log(`Traffic Cop on http://localhost:${port}`);
const server = spawn(process.execPath, [nextBin, 'start', '-H', host, '-p', port], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
