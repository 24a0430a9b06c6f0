import 'server-only';
import type { PrismaClient } from '@prisma/client';
import { createDatabaseClient } from './database-client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** One client per process; dev reloads reuse it instead of opening a new pool each time. */
export const db: PrismaClient = globalForPrisma.prisma ?? createDatabaseClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
