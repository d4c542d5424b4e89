import type { Database, Statement } from "better-sqlite3";

/**
 * Prisma's better-sqlite3 adapter prepares every query afresh: SQLite parses and plans the same few
 * dozen statements on every page, 7 % of a lesson page's server time (`npm run bench`, CPU profile).
 * This keeps each prepared statement and hands the adapter a fresh binding of it. The adapter calls
 * `prepare(sql)` then either `.run()` or `.bind(args)` followed by `.reader`, `.columns()`,
 * `.raw().all()` or `.run()`; better-sqlite3 binds a statement once for good, so the arguments are
 * passed to each call instead. A test runs every query of the suite through it.
 */
export function reuseStatements(database: Database, limit = 2000) {
  const prepare = database.prepare.bind(database);
  // A statement's columns are fixed once it is prepared (migrations run before the server starts), and
  // better-sqlite3 builds their descriptions anew on each call: 2.5 % of a lesson page's main thread.
  const columnsOf = new WeakMap<Statement<unknown[]>, ReturnType<Statement["columns"]>>();
  const columns = (stmt: Statement<unknown[]>) => {
    let found = columnsOf.get(stmt);
    if (!found) columnsOf.set(stmt, (found = stmt.columns()));
    return found;
  };
  const bound = (stmt: Statement<unknown[]>, args: unknown[]) => ({
    reader: stmt.reader,
    columns: () => columns(stmt),
    raw: () => ({ all: () => stmt.raw(true).all(...args) }),
    run: () => stmt.run(...args),
  });
  // Prisma ends its model queries (and count's subquery) with ` LIMIT ? OFFSET ?`, and SQLite reads a bare LIMIT
  // parameter when it plans, so each run would prepare the statement again (db.server.ts keepPlan says why): a
  // findUnique took 14 µs, 6 with `+?`. The plan is then made without knowing the limit; on the national bench
  // database, 226 queries of the app's organizer pages kept the same plans.
  const planOnce = (sql: string) => sql.replaceAll(" LIMIT ? OFFSET ?", " LIMIT +? OFFSET ?");
  // What `prepare` hands the adapter, made once per statement: only a binding is new for each query.
  type Kept = ReturnType<typeof bound> & { bind: (...args: unknown[]) => ReturnType<typeof bound>; statement: Statement<unknown[]>; readonly: boolean };
  const prepared = new Map<string, Kept>();
  const kept = (sql: string) => {
    let found = prepared.get(sql);
    // Statements whose SQL differs only by the length of an IN list are many: keep the `limit` used last
    // (a Map iterates in insertion order, so each use moves its statement to the end).
    if (found) prepared.delete(sql);
    else {
      const stmt = prepare(planOnce(sql)) as Statement<unknown[]>;
      found = { ...bound(stmt, []), bind: (...args) => bound(stmt, args.length === 1 && Array.isArray(args[0]) ? args[0] : args), statement: stmt, readonly: stmt.readonly };
      if (prepared.size >= limit) prepared.delete(prepared.keys().next().value!);
    }
    prepared.set(sql, found);
    return found;
  };
  (database as unknown as { prepare: typeof kept }).prepare = kept;
  return {
    size: () => prepared.size,
    /**
     * The prepared statement itself, from the same store, for reads that do not go through Prisma (db.server.ts readRows);
     * none once the connection is closed (`$disconnect`), so that the read goes through Prisma, which opens another.
     */
    statement: (sql: string) => (database.open ? kept(sql).statement : undefined),
    /**
     * Whether a statement only reads, for the one writer (sqlite-one-writer.server.ts), which asks just before the
     * adapter prepares the same SQL: a statement already kept is looked at without moving it, since that prepare moves it.
     */
    readonly: (sql: string) => (prepared.get(sql) ?? kept(sql)).readonly,
  };
}
