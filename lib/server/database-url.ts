import path from 'node:path';

/** The SQLite file used when DATABASE_URL is not set: created and migrated by `npm start`. */
export const DEFAULT_SQLITE_FILE = path.join(process.cwd(), 'data', 'traffic-cop.db');

/** DATABASE_URL if set, else the embedded SQLite default. */
export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : `file:${DEFAULT_SQLITE_FILE}`;
}
