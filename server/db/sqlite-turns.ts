import { Mutex } from 'async-mutex';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Makes every statement on a SQLite adapter wait for any open transaction to finish.
 *
 * @prisma/adapter-better-sqlite3 gives the process one connection. It queues transactions behind
 * each other, but runs a statement made outside a transaction at once, on that same connection:
 * if a transaction is open, the statement silently joins it and is undone when it rolls back (a new
 * learner's row vanished that way while another request's transaction was retried). Here a
 * transaction holds one lock from BEGIN until it commits or rolls back, and every other statement
 * takes the same lock for the instant it runs.
 *
 * The price: code inside `db.$transaction(async (tx) => ...)` must query through `tx`; a query
 * through `db` there now waits for the transaction it is part of, until Prisma's transaction
 * timeout ends both.
 */
export function oneTransactionAtATime(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => takingTurns(await factory.connect()),
  };
}

function takingTurns(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const turn = new Mutex();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => turn.runExclusive(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => turn.runExclusive(() => adapter.executeRaw(query)),
    executeScript: (script: string) => turn.runExclusive(() => adapter.executeScript(script)),
    startTransaction: async (isolationLevel) => {
      const release = await turn.acquire();
      try {
        return holdingTurn(await adapter.startTransaction(isolationLevel), release);
      } catch (error) {
        release();
        throw error;
      }
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
  };
}

function holdingTurn(transaction: Transaction, release: () => void): Transaction {
  let released = false;
  const end = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      if (!released) release();
      released = true;
    }
  };
  return {
    provider: transaction.provider,
    adapterName: transaction.adapterName,
    options: transaction.options,
    queryRaw: (query) => transaction.queryRaw(query),
    executeRaw: (query) => transaction.executeRaw(query),
    commit: () => end(() => transaction.commit()),
    rollback: () => end(() => transaction.rollback()),
  };
}
