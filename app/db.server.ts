import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import Database from "better-sqlite3";
import { Prisma, PrismaClient } from "#app/generated/prisma/client.ts";
import { env } from "#app/env.server.ts";
import { isPostgresUrl, sqliteFilePath } from "./db-url.ts";
import { oneWriter, sqliteOf } from "./sqlite-one-writer.server.ts";
import { reuseStatements } from "./sqlite-statements.server.ts";

export type Db = PrismaClient;
/** The client or a transaction on it: Prisma 7 nests `$transaction`, so a function taking this joins its caller's transaction. */
export type DbTx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export { isPostgresUrl, sqliteFilePath } from "./db-url.ts";

/** On SQLite, the prepared statement of a client's own connection (undefined before it has connected and after it has closed). */
const directReads = new WeakMap<object, (sql: string) => Database.Statement<unknown[]> | undefined>();

// Both generated clients expose the same models; the SQLite one is the type of record.
export async function createDb(url: string): Promise<Db> {
  if (isPostgresUrl(url)) {
    const [{ PrismaClient: PostgresClient }, { PrismaPg }] = await Promise.all([
      import("#app/generated/prisma-postgres/client.ts"),
      import("@prisma/adapter-pg"),
    ]);
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers proceed while a lesson is being marked done; the mode persists in the file.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  // `timeout` is the busy timeout: a backup or a migration holding the file makes writes wait, not fail.
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 5000 });
  const connect = adapter.connect.bind(adapter);
  let statements: ReturnType<typeof reuseStatements> | undefined;
  // Two connections: one for transactions, one for everything else (sqlite-one-writer.server.ts), each keeping its statements.
  adapter.connect = async () => {
    const [queries, transactions] = await Promise.all([connect(), connect()]);
    for (const connection of [queries, transactions]) {
      // In WAL, NORMAL already survives a killed process; FULL, the default, also survives a power cut (each
      // commit is synced before it is acknowledged), which a server in a commune office can meet. FULL's fsync
      // per commit cost ~2.7× in writes/s in `npm run bench:write`: a server on a UPS may choose NORMAL (SQLITE_SYNCHRONOUS).
      sqliteOf(connection).pragma(`synchronous = ${env.SQLITE_SYNCHRONOUS}`);
    }
    statements = reuseStatements(sqliteOf(queries));
    reuseStatements(sqliteOf(transactions));
    return oneWriter(queries, transactions, statements.readonly);
  };
  const client = new PrismaClient({ adapter });
  directReads.set(client, (sql) => statements?.statement(sql));
  await client.$connect();
  return client;
}

// What better-sqlite3 binds as it is; Prisma would convert a Date or a boolean, readRows refuses them.
const bindable = new Set(["string", "number", "bigint"]);

/**
 * The rows of a hand-written read that every page runs (the session, a lesson's progress). On SQLite they come
 * from the connection's prepared statement: Prisma's raw query path around the same statement cost a tenth of a
 * lesson page's main thread (`npm run bench`). It reads as Prisma's own queries outside a transaction do, on the
 * connection that sees only what was committed, never waiting; a transaction client, and PostgreSQL, go through
 * Prisma. Values come as each driver gives them (SQLite: dates as ISO text, integers and booleans as bigint, since
 * the adapter turns on safe integers for its connection; through Prisma: Date, boolean, number or bigint): the
 * caller converts them. A text parameter in a join or beside ORDER BY goes through `keepPlan`.
 */
export async function readRows<Row>(client: Db | DbTx, query: Prisma.Sql): Promise<Row[]> {
  const statement = directReads.get(client)?.(query.sql);
  if (!statement) return client.$queryRaw<Row[]>(query);
  // A write here would skip the one-writer lock (sqlite-one-writer.server.ts).
  if (!statement.readonly) throw new TypeError("readRows: only reads; write through Prisma");
  for (const value of query.values)
    if (value !== null && !bindable.has(typeof value)) throw new TypeError(`readRows: a ${typeof value} cannot be bound on SQLite`);
  return statement.raw(false).all(...query.values) as Row[];
}

/**
 * A text parameter the query planner does not read, for reads that run on every page. SQLite reads a bare parameter
 * it may plan by (an equality in a join or in a query with ORDER BY, a LIMIT, a LIKE pattern) and marks it, and binding
 * a marked parameter anew expires the statement, so each run prepares it again: the session read took 24 µs and the
 * lesson's progress 51 µs, against 6 and 8 µs with the parameter cast; SQLite reads only a bare parameter. Same result
 * on either database. Prisma's own `LIMIT ?` is rewritten where statements are kept (sqlite-statements.server.ts).
 */
export const keepPlan = (value: string) => Prisma.sql`cast(${value} as text)`;

/**
 * Whether a write outside a transaction waits for an open one to end: on SQLite, which has one writer, it does
 * (sqlite-one-writer.server.ts), so code holding a transaction must not await such a write; on PostgreSQL it does not.
 */
export const writesWaitForTransactions = (client: Db) => directReads.has(client);

/** The pragmas that make an acknowledged write durable, as the connection has them. */
export async function sqliteDurability(client: Db) {
  const pragma = async (name: string) => Object.values((await client.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0] ?? {})[0];
  return { journalMode: String(await pragma("journal_mode")), synchronous: Number(await pragma("synchronous")), busyTimeout: Number(await pragma("busy_timeout")) };
}

const globalForDb = globalThis as unknown as { lantoaDb?: Map<string, Promise<Db>> };
const clients = (globalForDb.lantoaDb ??= new Map());
if (!clients.has(env.DATABASE_URL)) clients.set(env.DATABASE_URL, createDb(env.DATABASE_URL));

// One client per process and database, kept across dev-server module reloads.
export const db: Db = await clients.get(env.DATABASE_URL)!;
