import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const NEXT_BIN = path.join('node_modules', 'next', 'dist', 'bin', 'next');

export interface RunningSite {
  baseUrl: string;
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL): a crash, not a shutdown. */
  crash(): Promise<void>;
}

async function waitUntilServing(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * The production build served on 127.0.0.1 (built first if needed), on a fresh database unless one
 * is given; ready once /api/health says so. The fresh database comes from temp-database.ts, loaded
 * only then, since it needs vitest and the benches in scripts/bench use this too.
 */
export async function startSite(port: number, givenDatabaseUrl?: string): Promise<RunningSite & { databaseUrl: string }> {
  const databaseUrl = givenDatabaseUrl ?? (await import('./temp-database')).createFreshDatabase();
  if (!existsSync(path.join('.next', 'BUILD_ID'))) execFileSync(process.execPath, [NEXT_BIN, 'build'], { stdio: 'inherit' });
  const server = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilServing(`${baseUrl}/api/health`, server, 60_000);
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (server.exitCode !== null || server.signalCode !== null) return resolve();
      server.once('exit', () => resolve());
      server.kill(signal);
    });
  return { baseUrl, databaseUrl, stop: () => end('SIGTERM'), crash: () => end('SIGKILL') };
}
