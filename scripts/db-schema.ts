// The PostgreSQL schema is derived from prisma/schema.prisma, never edited: the provider changes and
// its client is generated beside the default one. test/unit/db checks the committed copy is current.

/** Where the PostgreSQL client is generated, relative to prisma/postgresql/schema.prisma; imported as `.prisma/postgresql`. */
export const POSTGRES_CLIENT_OUTPUT = '../../node_modules/.prisma/postgresql';

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:new-migration\`: do not edit.
// Same models; only the datasource provider and the client's output differ.
`;

function replaceBlock(schema: string, header: string, rewrite: (body: string) => string): string {
  const block = new RegExp(`^${header} \\{\\n([^}]*)\\}`, 'm');
  const match = block.exec(schema);
  if (!match) throw new Error(`prisma/schema.prisma has no "${header}" block`);
  return schema.replace(block, () => `${header} {\n${rewrite(match[1]!)}}`);
}

/** prisma/postgresql/schema.prisma's text for a given prisma/schema.prisma. */
export function derivePostgresSchema(source: string): string {
  const nativeType = /@db\.\w+/.exec(source);
  if (nativeType) throw new Error(`prisma/schema.prisma must stay portable between SQLite and PostgreSQL, but uses ${nativeType[0]}`);
  let schema = replaceBlock(source, 'datasource db', (body) => {
    if (!/^\s*provider\s*=\s*"sqlite"\s*$/m.test(body)) throw new Error('the datasource in prisma/schema.prisma must say provider = "sqlite"');
    return body.replace(/^(\s*provider\s*=\s*)"sqlite"/m, '$1"postgresql"');
  });
  schema = replaceBlock(schema, 'generator client', (body) => {
    if (/^\s*output\s*=/m.test(body)) throw new Error('the generator in prisma/schema.prisma must keep the default output (@prisma/client)');
    return body.replace(/^(\s*)provider(\s*)=.*$/m, (line, indent: string, gap: string) => `${line}\n${indent}output${' '.repeat(Math.max(1, gap.length + 2))}= "${POSTGRES_CLIENT_OUTPUT}"`);
  });
  // The source's opening comment speaks of itself; the header replaces it.
  return HEADER + schema.replace(/^(\/\/[^\n]*\n)+/, '');
}
