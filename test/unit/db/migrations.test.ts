import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRISMA_FILES } from '@/server/db/database-url';
import { applyMigrations, migrationNames, missingMigration, nextMigrationName } from '@/scripts/db-migrations';
import { createFreshDatabase, testProvider } from '../../support/temp-database';

// Replaying the migrations and introspecting the result runs the Prisma CLI several times.
const CLI_TIMEOUT = 90_000;

// With TEST_POSTGRES_URL set, a PostgreSQL database with the committed migrations applied.
const postgresUrl = testProvider === 'postgresql' ? createFreshDatabase() : null;

describe('the committed migrations', () => {
  it('are the same steps, in the same order, for SQLite and PostgreSQL', () => {
    expect(migrationNames('postgresql')).toEqual(migrationNames('sqlite'));
    expect(migrationNames('sqlite').length).toBeGreaterThan(0);
  });

  it("are locked to each folder's provider", () => {
    expect(readFileSync(path.join(PRISMA_FILES.sqlite.migrations, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "sqlite"/);
    expect(readFileSync(path.join(PRISMA_FILES.postgresql.migrations, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
  });

  it('build exactly prisma/schema.prisma on SQLite (else run `npm run db:new-migration -- <name>`)', { timeout: CLI_TIMEOUT }, () => {
    const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'traffic-cop-migrations-')), 'replay.db')}`;
    applyMigrations(url);
    expect(missingMigration(url)).toBe('');
  });

  it.runIf(postgresUrl)('build exactly prisma/postgresql/schema.prisma on PostgreSQL', { timeout: CLI_TIMEOUT }, () => {
    expect(missingMigration(postgresUrl!)).toBe('');
  });
});

describe('a new migration', () => {
  const newest = migrationNames('sqlite').at(-1)!;

  it('is stamped with the current UTC time', () => {
    expect(nextMigrationName('add_auth', new Date(Date.UTC(2031, 0, 2, 3, 4, 5)))).toBe('20310102030405_add_auth');
  });

  it('sorts after every existing migration even when the clock is behind them', () => {
    const name = nextMigrationName('add_auth', new Date(Date.UTC(2000, 0, 1)));
    expect(name > newest).toBe(true);
    expect(name).toMatch(/^\d{14}_add_auth$/);
  });

  it('takes a snake_case name that no migration has yet', () => {
    expect(() => nextMigrationName('Add Auth')).toThrow(/snake_case/);
    expect(() => nextMigrationName(newest.slice(15))).toThrow(/exists already/);
  });
});
