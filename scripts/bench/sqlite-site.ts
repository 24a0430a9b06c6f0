import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateDatabase } from '../../test/support/migrated-database';
import { startSite } from '../../test/support/server';

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** One `next start` of the production build on a fresh, migrated SQLite file; stop() removes the file. */
export async function startSqliteSite(): Promise<{ baseUrl: string; databaseUrl: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'traffic-cop-bench-'));
  const databaseUrl = `file:${path.join(dir, 'bench.db')}`;
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  try {
    migrateDatabase(databaseUrl);
    const site = await startSite(await freePort(), databaseUrl);
    return {
      baseUrl: site.baseUrl,
      databaseUrl,
      stop: async () => {
        await site.stop();
        removeDir();
      },
    };
  } catch (error) {
    removeDir();
    throw error;
  }
}
