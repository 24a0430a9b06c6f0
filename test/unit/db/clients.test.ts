import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Prisma as SqlitePrisma } from '@prisma/client';
import { Prisma as PostgresPrisma } from '.prisma/postgresql';
import { describe, expect, it } from 'vitest';
import { PRISMA_FILES } from '@/server/db/database-url';
import { createDatabaseClient } from '@/server/db/database-client';

const generatedSchema = (dir: string) => readFileSync(path.join('node_modules', '.prisma', dir, 'schema.prisma'), 'utf8');

describe('the generated Prisma clients', () => {
  it('are generated from the committed schemas (else run `npm run db:generate`)', () => {
    expect(generatedSchema('client')).toBe(readFileSync(PRISMA_FILES.sqlite.schema, 'utf8'));
    expect(generatedSchema('postgresql')).toBe(readFileSync(PRISMA_FILES.postgresql.schema, 'utf8'));
  });

  it('have the same models and fields on both providers', () => {
    const shape = (models: readonly { name: string; fields: readonly { name: string; type: string; isRequired: boolean; isList: boolean }[] }[]) =>
      models.map((model) => ({ name: model.name, fields: model.fields.map(({ name, type, isRequired, isList }) => ({ name, type, isRequired, isList })) }));
    expect(shape(PostgresPrisma.dmmf.datamodel.models)).toEqual(shape(SqlitePrisma.dmmf.datamodel.models));
  });

  it('throw the same error classes, so a unique violation (P2002) is recognised on either database', () => {
    expect(PostgresPrisma.PrismaClientKnownRequestError).toBe(SqlitePrisma.PrismaClientKnownRequestError);
    expect(PostgresPrisma.PrismaClientValidationError).toBe(SqlitePrisma.PrismaClientValidationError);
  });
});

describe('createDatabaseClient', () => {
  it('opens SQLite for a file: URL and PostgreSQL for a postgres:// URL, without connecting yet', async () => {
    const clients = [createDatabaseClient('file:/nonexistent/never-opened.db'), createDatabaseClient('postgres://nobody@127.0.0.1:9/never_opened')];
    for (const client of clients) expect(typeof client.learner.findMany).toBe('function');
    await Promise.all(clients.map((client) => client.$disconnect()));
  });

  it('refuses a URL of another database', () => {
    expect(() => createDatabaseClient('mysql://root@localhost/db')).toThrow(/postgres:\/\//);
  });
});
