import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh SQLite file with every committed migration applied; sets DATABASE_URL for this process. */
export function createFreshSqliteDatabase(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'traffic-cop-')), 'test.db');
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  execFileSync(process.execPath, ['scripts/db-migrate.mjs'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' });
  return url;
}
