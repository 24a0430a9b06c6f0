// `postinstall` and `npm run db:generate`: generates both Prisma clients. SQLite's is the default
// @prisma/client; PostgreSQL's goes to node_modules/.prisma/postgresql (its schema's `output`).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PRISMA_CLI = path.join('node_modules', 'prisma', 'build', 'index.js');
const POSTGRES_CLIENT = path.join('node_modules', '.prisma', 'postgresql');

function generate(schema, databaseUrl) {
  // `generate` validates the datasource URL against the provider, though no connection is made.
  execFileSync(process.execPath, [PRISMA_CLI, 'generate', '--schema', schema], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/**
 * A client generated to a custom output carries its own copy of Prisma's runtime, and with it its
 * own error classes; server/ checks `error instanceof Prisma.PrismaClientKnownRequestError`
 * (P2002) with the class @prisma/client exports. Pointing the PostgreSQL client at that same
 * runtime, as the default client is, makes one class serve both providers.
 */
function shareRuntime(dir) {
  for (const file of readdirSync(dir).filter((name) => /\.(js|mjs|d\.ts)$/.test(name))) {
    const full = path.join(dir, file);
    const text = readFileSync(full, 'utf8');
    const shared = text.replaceAll("'./runtime/", "'@prisma/client/runtime/");
    if (shared !== text) writeFileSync(full, shared);
  }
  if (!readFileSync(path.join(dir, 'index.js'), 'utf8').includes("require('@prisma/client/runtime/client.js')")) {
    throw new Error(`${dir}/index.js does not load @prisma/client/runtime/client.js; Prisma changed how it generates clients`);
  }
  rmSync(path.join(dir, 'runtime'), { recursive: true, force: true });
}

generate(path.join('prisma', 'schema.prisma'), '');
generate(path.join('prisma', 'postgresql', 'schema.prisma'), 'postgresql://generate@localhost/unused');
shareRuntime(POSTGRES_CLIENT);
