import 'server-only';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { authSecret } from './auth-secret';
import { databaseProvider, databaseUrl } from '../db/database-url';
import { db } from '../db/db';
import { LEARNER_COOKIE } from '../learners/cookie';
import { sendMail } from './mailer';
import { claimLearner } from '../learners/accounts';
import { passwordHashing } from './password-hashing';
import { takeSignInAttempt } from './sign-in-throttle';

/** How long a password reset link works. */
export const PASSWORD_RESET_TTL_SECONDS = 60 * 60;

/** The reset email: a link to the site's own reset page (not better-auth's redirecting endpoint), which posts the token back. */
function passwordResetMail(to: string, origin: string, token: string) {
  const link = `${origin}/account/reset-password?token=${encodeURIComponent(token)}`;
  return {
    to,
    subject: 'Reset your Traffic Cop password',
    text: `Someone (hopefully you) asked to reset the password of your Traffic Cop account.\n\nChoose a new password here, within the next hour:\n${link}\n\nThe link works once. If you did not ask for this, ignore this email: your password stays as it is.\n`,
  };
}

/** Sign-in attempts per address (better-auth's limiter, keyed by IP and path) in a minute. */
export const SIGN_IN_PER_ADDRESS = { window: 60, max: 10 };

function createAuth() {
  return betterAuth({
    appName: 'Traffic Cop',
    basePath: '/api/auth',
    secret: authSecret(),
    database: prismaAdapter(db, { provider: databaseProvider(databaseUrl()) }),
    // Passwords are hashed with better-auth's scrypt (memory-hard), a few at a time
    // (./password-hashing); sessions live in the database, so any instance can check any session.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      autoSignIn: true,
      password: passwordHashing,
      // better-auth's reset flow: a single-use token, valid for an hour; resetting signs out every session.
      resetPasswordTokenExpiresIn: PASSWORD_RESET_TTL_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url, token }, request) => {
        // The link goes back to the host the learner asked from. A failed send answers like a sent
        // one: the form must not tell which addresses have accounts.
        await sendMail(passwordResetMail(user.email, requestOrigin(request) ?? new URL(url).origin, token)).catch((error: unknown) => console.error('[mail] the password reset email could not be sent:', error));
      },
    },
    user: { deleteUser: { enabled: true } },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    rateLimit: {
      enabled: true,
      // In the database, so every instance counts the same attempts.
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': SIGN_IN_PER_ADDRESS,
        '/sign-up/email': { window: 60, max: 5 },
        '/change-password': { window: 60, max: 5 },
        '/request-password-reset': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: 10 },
        '/delete-user': { window: 60, max: 5 },
      },
    },
    // Only the origin the request was sent to: the site is served from one origin per deployment.
    trustedOrigins: (request) => [requestOrigin(request)],
    advanced: {
      useSecureCookies: process.env.BETTER_AUTH_URL?.startsWith('https://') ?? false,
      // nginx replaces X-Forwarded-For with the connecting address (README, deployment).
      ipAddress: { ipAddressHeaders: ['x-forwarded-for'] },
    },
    telemetry: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email : '';
        const wait = await takeSignInAttempt(email);
        if (wait > 0) throw new APIError('TOO_MANY_REQUESTS', { message: `Too many sign-in attempts for this account. Try again in ${wait} s.` });
      }),
    },
    databaseHooks: {
      user: {
        create: {
          // Signing up keeps what the learner did anonymously on this device.
          after: async (user, ctx) => claimLearner(user.id, ctx?.getCookie(LEARNER_COOKIE) ?? undefined),
        },
      },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { auth?: Auth };

/** The auth instance, made on first use (not at build time, which has no secret to read). */
export function getAuth(): Auth {
  globalForAuth.auth ??= createAuth();
  return globalForAuth.auth;
}

function requestOrigin(request: Request | undefined): string | undefined {
  if (!request) return undefined;
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(':', '');
  return `${protocol}://${host}`;
}
