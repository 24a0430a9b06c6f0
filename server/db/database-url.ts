import path from 'node:path';

/** The databases Traffic Cop runs on. Each has its own schema file, migrations and generated client. */
export type DatabaseProvider = 'sqlite' | 'postgresql';

/** The SQLite file used when DATABASE_URL is not set: created and migrated by `npm start`. */
export const DEFAULT_SQLITE_FILE = path.join(process.cwd(), 'data', 'traffic-cop.db');

/**
 * Where each provider's schema and migrations live. prisma/schema.prisma is the one that is
 * edited; the PostgreSQL schema is derived from it (`npm run db:new-migration`, see the README).
 */
export const PRISMA_FILES: Record<DatabaseProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: path.join('prisma', 'schema.prisma'), migrations: path.join('prisma', 'migrations') },
  postgresql: { schema: path.join('prisma', 'postgresql', 'schema.prisma'), migrations: path.join('prisma', 'postgresql', 'migrations') },
};

/** DATABASE_URL if set, else the embedded SQLite default. */
export function databaseUrl(env: Readonly<Record<string, string | undefined>> = process.env): string {
  return env.DATABASE_URL && env.DATABASE_URL.length > 0 ? env.DATABASE_URL : `file:${DEFAULT_SQLITE_FILE}`;
}

/** Which database a URL names: `file:` is SQLite, `postgres://` or `postgresql://` is PostgreSQL. */
export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  // Only the scheme: the rest of a URL may hold a password.
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), not ${url.split(':')[0]}:`);
}
