import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { sqliteFilePath } from "#app/db.server.ts";
import { sqliteOnly } from "#tests/unit/database.ts";
import { oneWriter, sqliteOf } from "./sqlite-one-writer.server.ts";
import { reuseStatements } from "./sqlite-statements.server.ts";

/** The one writer over two fresh connections of the adapter, wired as db.server.ts wires it. */
async function connectOneWriter(adapter: PrismaBetterSqlite3) {
  const [queries, transactions] = [await adapter.connect(), await adapter.connect()];
  return oneWriter(queries, transactions, reuseStatements(sqliteOf(queries)).readonly);
}

test("a transaction that cannot begin (another process writing, an isolation level SQLite lacks) lets the next one in", async (context) => {
  sqliteOnly(context, "the one writer is SQLite's");
  const file = sqliteFilePath(process.env.DATABASE_URL!);
  // Without a busy timeout, so that BEGIN fails at once rather than after five seconds.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 0 });
  const connection = await connectOneWriter(adapter);
  const otherProcess = new Database(file);
  try {
    otherProcess.exec("BEGIN IMMEDIATE");
    await expect(connection.startTransaction()).rejects.toMatchObject({ cause: { kind: "SocketTimeout" } });
    otherProcess.exec("ROLLBACK");
    await expect(connection.startTransaction("READ COMMITTED")).rejects.toMatchObject({ cause: { kind: "InvalidIsolationLevel" } });
    const transaction = await connection.startTransaction();
    await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
    await transaction.rollback();
    expect(await connection.executeRaw({ sql: "delete from AuditEvent where id = 'none'", args: [], argTypes: [] })).toBe(0);
  } finally {
    otherProcess.close();
    await connection.dispose();
  }
});

test("a transaction ended twice does not end the one that began after it", async (context) => {
  sqliteOnly(context, "the one writer is SQLite's");
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(process.env.DATABASE_URL!) });
  const connection = await connectOneWriter(adapter);
  try {
    const first = await connection.startTransaction();
    await first.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
    await first.rollback();
    const second = await connection.startTransaction();
    await first.rollback();
    // Still open: a ROLLBACK sent by the second call would make this COMMIT fail ("no transaction is active").
    await second.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
    await second.commit();
  } finally {
    await connection.dispose();
  }
});
