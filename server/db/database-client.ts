import { PrismaClient } from '@prisma/client';
import { PrismaClient as PostgresPrismaClient } from '.prisma/postgresql';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { databaseProvider, databaseUrl } from './database-url';
import { oneTransactionAtATime } from './sqlite-turns';

// Not server-only, unlike ./db: tests and the benches in scripts/ open their own clients with it.

// A burst of writes queues for one of the pool's connections (PostgreSQL, 10 by default) or for
// the writer lock (SQLite); Prisma's default 2 s wait to start a transaction turns that queue into
// errors (P2028) at around a hundred concurrent writes.
const transactionOptions = { maxWait: 10_000 };

/**
 * A client for the database a URL names. The PostgreSQL client is generated from a schema derived
 * from the SQLite one (same models) and shares @prisma/client's runtime (scripts/db-generate.mjs),
 * so it is used through the SQLite client's type and throws the same Prisma error classes.
 */
export function createDatabaseClient(url: string = databaseUrl()): PrismaClient {
  if (databaseProvider(url) === 'postgresql') {
    return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }), transactionOptions }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: oneTransactionAtATime(new PrismaBetterSQLite3({ url })), transactionOptions });
}
