// Migrations for both providers, authored and checked without a shadow database (SQLite's fails
// offline through the driver adapter, see shared/DESIGN.md): what the committed migrations build is
// read back by introspecting a database they were applied to, and diffed against the schema.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRISMA_FILES, databaseProvider, type DatabaseProvider } from '@/server/db/database-url';
import { derivePostgresSchema } from './db-schema';

const PRISMA_CLI = path.join('node_modules', 'prisma', 'build', 'index.js');
const EMPTY_MIGRATION = /^-- This is an empty migration\.?\s*$/;
export const PROVIDERS: DatabaseProvider[] = ['sqlite', 'postgresql'];

function run(args: string[], env: Record<string, string>): string {
  try {
    return execFileSync(process.execPath, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${args.slice(1).join(' ')} failed:\n${failed.stderr || failed.stdout || failed.message}`);
  }
}

const prisma = (args: string[], databaseUrl: string) => run([PRISMA_CLI, ...args], { DATABASE_URL: databaseUrl });

/** Runs work in a scratch folder, with a SQLite URL inside it for the commands that want some database to open. */
function inScratch<T>(work: (dir: string, url: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'traffic-cop-schema-'));
  try {
    return work(dir, `file:${path.join(dir, 'scratch.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The migration folder names of a provider, oldest first. */
export function migrationNames(provider: DatabaseProvider): string[] {
  return readdirSync(PRISMA_FILES[provider].migrations, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{14}_\w+$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Applies the committed migrations to the database a URL names (creating it if missing), as `npm start` does. */
export function applyMigrations(databaseUrl: string): void {
  run([path.join('scripts', 'db-migrate.mjs')], { DATABASE_URL: databaseUrl });
}

/** The schema a database has, as Prisma introspects it. */
export function introspect(databaseUrl: string): string {
  const printed = prisma(['db', 'pull', '--print'], databaseUrl);
  // With a driver adapter, `db pull --print` puts a warning about the schema's `url` before the schema.
  const start = printed.search(/^(\/\/|generator |datasource |model )/m);
  if (start < 0) throw new Error(`db pull printed no schema:\n${printed}`);
  return printed.slice(start);
}

/**
 * The SQL that takes a database shaped like `from` (null: an empty one) to `to`, both schema texts
 * of one provider; '' when there is nothing to do. Offline: the datamodels' provider picks the SQL.
 */
export function diffSchemas(from: string | null, to: string): string {
  return inScratch((dir, url) => {
    if (from !== null) writeFileSync(path.join(dir, 'from.prisma'), from);
    writeFileSync(path.join(dir, 'to.prisma'), to);
    const source = from === null ? ['--from-empty'] : ['--from-schema-datamodel', path.join(dir, 'from.prisma')];
    const sql = prisma(['migrate', 'diff', ...source, '--to-schema-datamodel', path.join(dir, 'to.prisma'), '--script'], url);
    return EMPTY_MIGRATION.test(sql.trim()) ? '' : sql;
  });
}

/** The committed schema of a provider. */
export function readSchema(provider: DatabaseProvider): string {
  return readFileSync(PRISMA_FILES[provider].schema, 'utf8');
}

/** The SQL a migrated database still needs to match its provider's committed schema: '' when the migrations are complete. */
export function missingMigration(databaseUrl: string): string {
  return diffSchemas(introspect(databaseUrl), readSchema(databaseProvider(databaseUrl)));
}

/**
 * Each provider's schema as the committed migrations build it, read from a scratch SQLite database.
 * PostgreSQL's is derived from SQLite's as the schema itself is: the two sets of migrations are
 * kept in step (same names, checked against a real PostgreSQL by test/unit/db when one is configured).
 */
export function schemasBuiltByMigrations(): Record<DatabaseProvider, string> {
  const sqlite = inScratch((_, url) => {
    applyMigrations(url);
    return introspect(url);
  });
  return { sqlite, postgresql: derivePostgresSchema(sqlite) };
}

/** A migration folder name: a UTC timestamp later than every existing migration's, then the name. */
export function nextMigrationName(name: string, now = new Date()): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`migration names are snake_case words, like add_auth; got "${name}"`);
  const existing = PROVIDERS.flatMap(migrationNames);
  if (existing.some((folder) => folder.slice(15) === name)) throw new Error(`a migration named ${name} exists already`);
  const newest = existing.map((folder) => folder.slice(0, 14)).sort().at(-1) ?? '';
  const stamp = (date: Date) => date.toISOString().replace(/\D/g, '').slice(0, 14);
  const [year, month, day, hour, minute, second] = (newest.match(/^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/) ?? []).slice(1).map(Number);
  const afterNewest = newest ? stamp(new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second! + 1))) : '';
  return `${[stamp(now), afterNewest].sort().at(-1)}_${name}`;
}

/** Writes a migration's SQL for one provider. */
export function writeMigration(provider: DatabaseProvider, folder: string, sql: string): string {
  const dir = path.join(PRISMA_FILES[provider].migrations, folder);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'migration.sql');
  writeFileSync(file, sql);
  return file;
}
