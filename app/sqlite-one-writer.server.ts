import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Database } from "better-sqlite3";

type Connection = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;

/** The better-sqlite3 database under a connection of Prisma's adapter (its `client`, not in its types). */
export const sqliteOf = (connection: Connection) => (connection as unknown as { client: Database }).client;

/** First come, first served: `await lock()` gives the function that lets the next one in. */
function fifoLock() {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const acquired = last.then(() => release);
    last = acquired.then(() => held);
    return acquired;
  };
}

/**
 * Prisma's adapter runs everything on one connection and locks only to start a transaction, so while one
 * request's transaction is open, another request's queries run inside it: they read rows that may never be
 * committed, and their writes, already answered 2xx, are undone if it rolls back. This gives transactions a
 * connection of their own and lets one writer in at a time, in order: any write outside a transaction waits
 * for the open transaction to end, however long (on PostgreSQL only a write to the same rows would, also
 * without a limit), and reads never wait and see only what was committed (WAL). SQLite has one writer per
 * database anyway; waiting here, not in its busy handler, keeps the event loop free meanwhile.
 */
export function oneWriter(queries: Connection, transactions: Connection, readonly: (sql: string) => boolean): Connection {
  const lock = fifoLock();
  const exclusive = async <T>(run: () => Promise<T>) => {
    const release = await lock();
    try {
      return await run();
    } finally {
      release();
    }
  };
  const writes = (sql: string) => {
    try {
      return !readonly(sql);
    } catch {
      return false; // SQL that does not prepare: the adapter runs it and reports the error as its own
    }
  };
  // The adapter begins DEFERRED: in a transaction that reads first, another process's commit (WEB_CONCURRENCY) before
  // its first write fails that write at once (SQLITE_BUSY_SNAPSHOT, no busy wait). IMMEDIATE takes SQLite's write lock
  // at the start, waiting up to the busy timeout as any write does. It is sent here, where a failure lets go of the
  // lock; the adapter's own BEGIN does nothing, since its failure would keep the adapter's lock for good.
  const database = sqliteOf(transactions);
  const prepare = database.prepare.bind(database);
  const begun = { run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  database.prepare = ((sql: string) => (sql === "BEGIN" ? begun : prepare(sql))) as typeof database.prepare;
  const { queryRaw, executeRaw, executeScript, dispose } = queries;
  return Object.assign(queries, {
    queryRaw: (query: Parameters<Connection["queryRaw"]>[0]) =>
      writes(query.sql) ? exclusive(() => queryRaw.call(queries, query)) : queryRaw.call(queries, query),
    executeRaw: (query: Parameters<Connection["executeRaw"]>[0]) =>
      writes(query.sql) ? exclusive(() => executeRaw.call(queries, query)) : executeRaw.call(queries, query),
    executeScript: (script: string) => exclusive(() => executeScript.call(queries, script)),
    // Held from BEGIN until Prisma commits or rolls back, which it also does for a transaction it gave up waiting for.
    startTransaction: async (isolationLevel?: Parameters<Connection["startTransaction"]>[0]) => {
      const release = await lock();
      try {
        await transactions.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
        const transaction = await transactions.startTransaction(isolationLevel);
        const { commit, rollback } = transaction;
        // A transaction ends once: a second call, after the lock has passed on, would end the next one's.
        let ended = false;
        const end = (finish: () => Promise<void>) => async () => {
          if (ended) return;
          ended = true;
          try {
            await finish();
          } finally {
            release();
          }
        };
        return Object.assign(transaction, {
          commit: end(() => commit.call(transaction)),
          // A COMMIT that fails (a deferred foreign key, a busy database) leaves SQLite's transaction open, and Prisma
          // then rolls back without a ROLLBACK: the connection would refuse every BEGIN after it.
          rollback: end(async () => {
            await rollback.call(transaction);
            if (database.inTransaction) database.exec("ROLLBACK");
          }),
        });
      } catch (error) {
        if (database.inTransaction) database.exec("ROLLBACK");
        release();
        throw error;
      }
    },
    dispose: async () => {
      await transactions.dispose();
      await dispose.call(queries);
    },
  });
}
