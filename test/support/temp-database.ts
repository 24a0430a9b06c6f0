import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll } from 'vitest';
import { PRISMA_FILES, type DatabaseProvider } from '@/server/db/database-url';
import { migrateDatabase, newSqliteUrl } from './migrated-database';

/**
 * The database the integration suite runs on: SQLite by default; PostgreSQL when TEST_POSTGRES_URL
 * names a server and a role that may create databases, e.g.
 * postgres://traffic_cop:traffic_cop@127.0.0.1:5432/postgres (README, "PostgreSQL").
 */
export const testProvider: DatabaseProvider = process.env.TEST_POSTGRES_URL ? 'postgresql' : 'sqlite';

/** The committed migrations of the provider under test. */
export const migrationsDirectory = path.join(process.cwd(), PRISMA_FILES[testProvider].migrations);

const TEST_DATABASE_PREFIX = 'traffic_cop_test_';
const STALE_AFTER_MS = 60 * 60 * 1000;

function adminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_POSTGRES_URL is not set');
  return url;
}

/** A new, unused PostgreSQL database name and its URL on the TEST_POSTGRES_URL server. Names carry their creation time. */
function newPostgresDatabase(): { name: string; url: string } {
  const name = `${TEST_DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return { name, url: url.href };
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabases(names: string[]): Promise<void> {
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/**
 * Drops a test database after the file's tests (FORCE ends the app's pooled connections), and any
 * left behind over an hour ago by a run that never reached its afterAll (vitest ignores an afterAll
 * registered inside a test or hook, as test/support/server.ts's default argument would).
 */
function dropAfterTests(name: string): void {
  afterAll(async () => {
    const existing = await withAdmin((client) => client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DATABASE_PREFIX}%`]));
    const createdAt = (other: string) => parseInt(other.slice(TEST_DATABASE_PREFIX.length).split('_')[0]!, 36);
    const stale = existing.rows.map((row) => row.datname).filter((other) => Date.now() - createdAt(other) > STALE_AFTER_MS);
    await dropDatabases([name, ...stale]);
  });
}

/**
 * A fresh database with every committed migration applied, for one test file; sets DATABASE_URL
 * for this process. A temporary SQLite file, or with TEST_POSTGRES_URL a new PostgreSQL database,
 * created and migrated by scripts/db-migrate.mjs exactly as `npm start` does it. Call it at the
 * top level of a test file: the PostgreSQL database is dropped after that file's tests.
 */
export function createFreshDatabase(): string {
  let url: string;
  if (testProvider === 'postgresql') {
    const database = newPostgresDatabase();
    url = database.url;
    dropAfterTests(database.name);
  } else {
    url = newSqliteUrl();
  }
  process.env.DATABASE_URL = url;
  migrateDatabase(url);
  return url;
}

/** A second client on the same database, as a restarted server would open it. Call after createFreshDatabase. */
export async function openDatabase(url: string): Promise<PrismaClient> {
  const { createDatabaseClient } = await import('@/server/db/database-client');
  return createDatabaseClient(url);
}

/** Raw SQL on a database no migration has touched, for tests of the migrations themselves. */
export interface EmptyDatabase {
  /** Runs one or more statements. */
  exec(sql: string): Promise<void>;
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** The names of the tables in it. */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

/** An empty database of the provider under test: a SQLite file, or a new PostgreSQL database, dropped by close(). */
export async function createEmptyDatabase(): Promise<EmptyDatabase> {
  if (testProvider === 'sqlite') {
    const db = new Database(path.join(mkdtempSync(path.join(tmpdir(), 'traffic-cop-empty-')), 'empty.db'));
    return {
      exec: async (sql) => void db.exec(sql),
      rows: async <T>(sql: string) => db.prepare(sql).all() as T[],
      tables: async () => db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all().map((row) => (row as { name: string }).name),
      close: async () => void db.close(),
    };
  }
  const database = newPostgresDatabase();
  await withAdmin((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(database.name)}`));
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    tables: async () =>
      (await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`)).rows.map((row) => row.name),
    close: async () => {
      await client.end();
      await dropDatabases([database.name]);
    },
  };
}
