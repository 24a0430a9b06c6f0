import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { databaseUrl } from './lib/server/database-url';

// Prisma 7's CLI downloads a schema engine and fails offline; 6.19 with the JS engine and a
// driver adapter runs migrations without any binary (see shared/DESIGN.md).
process.env.DATABASE_URL = databaseUrl();

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaBetterSQLite3({ url: databaseUrl() }),
});
