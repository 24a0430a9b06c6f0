import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRISMA_FILES, databaseProvider, databaseUrl } from '@/server/db/database-url';
import { POSTGRES_CLIENT_OUTPUT, derivePostgresSchema } from '@/scripts/db-schema';

const sqliteSchema = readFileSync(PRISMA_FILES.sqlite.schema, 'utf8');

describe('the PostgreSQL schema', () => {
  it('is derived from prisma/schema.prisma (after editing it, run `npm run db:new-migration -- <name>`)', () => {
    expect(readFileSync(PRISMA_FILES.postgresql.schema, 'utf8')).toBe(derivePostgresSchema(sqliteSchema));
  });

  it('differs from prisma/schema.prisma only in the provider, the client output and the header', () => {
    const derived = derivePostgresSchema(sqliteSchema);
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain(`output     = "${POSTGRES_CLIENT_OUTPUT}"`);
    const body = (schema: string) =>
      schema
        .replace(/^(\/\/[^\n]*\n)+/, '')
        .replace(/^\s*output\s*=.*\n/m, '')
        .replace('"postgresql"', '"sqlite"');
    expect(body(derived)).toBe(body(sqliteSchema));
  });

  it('refuses a provider-specific column type, which only one of the two databases would understand', () => {
    const withNativeType = sqliteSchema.replace('timeZone      String?', 'timeZone      String? @db.VarChar(64)');
    expect(() => derivePostgresSchema(withNativeType)).toThrow(/@db\.VarChar/);
  });

  it('refuses a source that is not the SQLite schema', () => {
    expect(() => derivePostgresSchema(sqliteSchema.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider = "sqlite"/);
    expect(() => derivePostgresSchema('model Learner {\n  id String @id\n}\n')).toThrow(/datasource db/);
  });
});

describe('DATABASE_URL', () => {
  it('defaults to the SQLite file under data/', () => {
    expect(databaseUrl({})).toMatch(/^file:.*data[/\\]traffic-cop\.db$/);
    expect(databaseUrl({ DATABASE_URL: '' })).toBe(databaseUrl({}));
  });

  it('names its provider by scheme', () => {
    expect(databaseProvider('file:/tmp/x.db')).toBe('sqlite');
    expect(databaseProvider('postgres://u:p@127.0.0.1:5432/traffic_cop')).toBe('postgresql');
    expect(databaseProvider('postgresql://u:p@db.internal/traffic_cop?sslmode=require')).toBe('postgresql');
  });

  it('is refused, without echoing its password, when it names another database', () => {
    expect(() => databaseProvider('mysql://root:hunter2@localhost/db')).toThrow(/file:.*postgres:\/\/.*not mysql:$/);
    expect(() => databaseProvider('mysql://root:hunter2@localhost/db')).not.toThrow(/hunter2/);
  });

  it("points at each provider's committed schema and migrations", () => {
    for (const files of Object.values(PRISMA_FILES)) {
      expect(existsSync(files.schema)).toBe(true);
      expect(existsSync(`${files.migrations}/migration_lock.toml`)).toBe(true);
    }
  });
});
