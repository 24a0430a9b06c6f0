import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PRISMA_FILES, databaseProvider, databaseUrl } from './server/db/database-url';

// Prisma 7's CLI downloads a schema engine and fails offline; 6.19 with the JS engine and a
// driver adapter runs migrations without any binary (see shared/DESIGN.md).
// DATABASE_URL picks the provider, and with it the schema, the migrations and the adapter.
const url = databaseUrl();
const provider = databaseProvider(url);
process.env.DATABASE_URL = url;

// PostgreSQL catalog types whose text form is all the schema engine needs: "char", name.
const CATALOG_TEXT_OIDS = new Set([18, 19]);
const PG_TEXT_OID = 25;

type Result = { fields?: { dataTypeID: number }[] };
const nameAsText = (result: Result | Result[]) => {
  for (const one of Array.isArray(result) ? result : [result]) for (const field of one?.fields ?? []) if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = PG_TEXT_OID;
  return result;
};

/**
 * A pool for Prisma's schema engine. The engine reads catalog columns of PostgreSQL's `name` and
 * `"char"` types, which @prisma/adapter-pg 6.19 refuses to map ("Column type 'name' could not be
 * deserialized", prisma/orm#27403); both are text, so every client of this pool reports them as text.
 * The app's own queries never return `name` columns and use a plain pool (server/db/db.ts).
 */
function migrationPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        args[args.length - 1] = (error: unknown, result: Result | Result[]) => callback(error, result && nameAsText(result));
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(nameAsText) : pending;
    }) as typeof client.query;
  });
  return pool;
}

export default defineConfig({
  schema: PRISMA_FILES[provider].schema,
  migrations: { path: PRISMA_FILES[provider].migrations },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => (provider === 'postgresql' ? new PrismaPg(migrationPool(url), { disposeExternalPool: true }) : new PrismaBetterSQLite3({ url })),
});
