import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// No vitest here: the benches in scripts/bench serve the build through the same helpers.

/** Applies every committed migration to `url` exactly as `npm start` does (creating a PostgreSQL database that is missing). */
export function migrateDatabase(url: string): void {
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
}

/** A URL for a new SQLite file in a fresh temporary folder; nothing is created until it is migrated. */
export function newSqliteUrl(prefix = 'traffic-cop-'): string {
  return `file:${path.join(mkdtempSync(path.join(tmpdir(), prefix)), 'test.db')}`;
}
