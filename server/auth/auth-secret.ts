import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SECRET_FILE = path.join(process.cwd(), 'data', 'auth-secret');

/**
 * The key better-auth signs cookies with: BETTER_AUTH_SECRET when set (required when several
 * instances share sessions), else one made on first start and kept beside the SQLite file, so
 * `npm start` works on a fresh machine and sessions survive a restart.
 */
export function authSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.BETTER_AUTH_SECRET;
  if (configured && configured.length >= 32) return configured;
  if (configured) throw new Error('BETTER_AUTH_SECRET must be at least 32 characters.');
  try {
    return readFileSync(SECRET_FILE, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    // 'wx': if another process made it first, keep theirs.
    try {
      writeFileSync(SECRET_FILE, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      return readFileSync(SECRET_FILE, 'utf8').trim();
    }
  }
}
