import Database from "better-sqlite3";
import { expect, test, vi } from "vitest";
import { createDb, db, readRows, sqliteDurability, sqliteFilePath } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { onSqlite, sqliteOnly } from "#tests/unit/database.ts";

test("the SQLite connection writes ahead, waits when busy and syncs every commit", async (context) => {
  sqliteOnly(context, "journal_mode, synchronous and busy_timeout are SQLite pragmas");
  // synchronous 2 is FULL, the default of SQLITE_SYNCHRONOUS: see createDb for why not NORMAL (1).
  expect(await sqliteDurability(db)).toEqual({ journalMode: "wal", synchronous: 2, busyTimeout: 5000 });
});

test("a hand-written read gives its rows; on SQLite straight from the prepared statement, elsewhere through Prisma", async () => {
  const queryRaw = vi.spyOn(db, "$queryRaw");
  const rows = await readRows<{ word: string; n: unknown }>(db, Prisma.sql`select ${"hội viên"} as "word", 41 + ${1} as "n"`);
  expect(rows.map((r) => ({ word: r.word, n: Number(r.n) }))).toEqual([{ word: "hội viên", n: 42 }]);
  expect(queryRaw).toHaveBeenCalledTimes(onSqlite ? 0 : 1);
  queryRaw.mockRestore();
});

test("a hand-written read in a transaction sees the transaction's own writes, and only they are undone", async () => {
  const code = `READ-${Date.now()}`;
  const count = () => Prisma.sql`select count(*) as "n" from "OrgUnit" where "code" = ${code}`;
  await expect(
    db.$transaction(async (tx) => {
      await tx.orgUnit.create({ data: { code, name: "Chi hội Đọc thử", level: "branch", kind: "ap", path: `/${code}/`, depth: 0 } });
      expect(Number((await readRows<{ n: unknown }>(tx, count()))[0]!.n)).toBe(1);
      throw new Error("undo");
    }),
  ).rejects.toThrow("undo");
  expect(Number((await readRows<{ n: unknown }>(db, count()))[0]!.n)).toBe(0);
});

test("on SQLite a value better-sqlite3 cannot bind, or a write, is refused rather than sent", async (context) => {
  sqliteOnly(context, "the direct read binds its values itself");
  await expect(readRows(db, Prisma.sql`select ${new Date()} as "at"`)).rejects.toThrow(TypeError);
  // Nor is a write, which would go around the one writer.
  await expect(readRows(db, Prisma.sql`delete from "Session" where "id" = ${"none"} returning "id"`)).rejects.toThrow(/only reads/);
});

test("a hand-written read after $disconnect reconnects, as Prisma's own queries do", async () => {
  const other = await createDb(process.env.DATABASE_URL!);
  const one = () => readRows<{ one: unknown }>(other, Prisma.sql`select ${1} as "one"`);
  expect(Number((await one())[0]!.one)).toBe(1);
  await other.$disconnect();
  expect(Number((await one())[0]!.one)).toBe(1);
  await other.$disconnect();
});

test("an open transaction's writes are its own: other requests neither read them nor lose their writes when it rolls back", async () => {
  const stamp = Date.now();
  const unit = (code: string) => ({ code, name: "Chi hội Giao dịch", level: "branch", kind: "ap", path: `/${code}/`, depth: 0 });
  const count = async (code: string) => ({
    prisma: await db.orgUnit.count({ where: { code } }),
    direct: Number((await readRows<{ n: unknown }>(db, Prisma.sql`select count(*) as "n" from "OrgUnit" where "code" = ${code}`))[0]!.n),
  });
  const outside = await db.orgUnit.create({ data: unit(`OUT-${stamp}`), select: { id: true } });
  let written!: () => void;
  const inside = new Promise<void>((resolve) => (written = resolve));
  let undo!: () => void;
  const undone = new Promise<void>((resolve) => (undo = resolve));
  const importing = db.$transaction(async (tx) => {
    await tx.orgUnit.create({ data: unit(`IN-${stamp}`) });
    written();
    await undone;
    throw new Error("undo");
  });
  await inside;
  expect(await count(`IN-${stamp}`)).toEqual({ prisma: 0, direct: 0 });
  // Another request's write meanwhile (started: a Prisma query runs once awaited or then'd). On SQLite it waits
  // for the one writer, on PostgreSQL it goes ahead.
  const rename = db.orgUnit.update({ where: outside, data: { name: "Chi hội Đổi tên" }, select: { id: true } }).then(() => {});
  await new Promise((resolve) => setTimeout(resolve, 50));
  undo();
  await expect(importing).rejects.toThrow("undo");
  await rename;
  expect(await count(`IN-${stamp}`)).toEqual({ prisma: 0, direct: 0 });
  expect((await db.orgUnit.findUniqueOrThrow({ where: outside })).name).toBe("Chi hội Đổi tên");
  await db.orgUnit.delete({ where: outside });
});

test("a hand-written query the database cannot run fails as Prisma's raw query error, with the database's message", async () => {
  for (const query of [db.$queryRawUnsafe("selec 1"), db.$executeRawUnsafe("updat x set y = 1")])
    await expect(query).rejects.toMatchObject({ code: "P2010", message: expect.stringMatching(/syntax error/) });
});

test("a transaction whose COMMIT fails is rolled back whole, and the next one starts", async (context) => {
  sqliteOnly(context, "deferred foreign keys are checked at COMMIT, which SQLite then leaves open");
  const code = `FK-${Date.now()}`;
  await expect(
    db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      await tx.orgUnit.create({ data: { code, name: "Chi hội Mồ côi", level: "branch", kind: "ap", path: `/${code}/`, depth: 1, parentId: "no-such-unit" } });
    }),
  ).rejects.toThrow(/ForeignKeyConstraintViolation/);
  expect(await db.$transaction((tx) => tx.orgUnit.count({ where: { code } }))).toBe(0);
  expect(await db.orgUnit.count({ where: { code } })).toBe(0);
});

test("with several processes, a transaction that reads before it writes is not refused for another's commit meanwhile", async (context) => {
  sqliteOnly(context, "SQLite's deferred BEGIN refuses such a write at once (SQLITE_BUSY_SNAPSHOT), without a busy wait");
  // Another worker (WEB_CONCURRENCY): a connection of its own. Without a busy timeout, so it tells when it would wait.
  const otherProcess = new Database(sqliteFilePath(process.env.DATABASE_URL!), { timeout: 0 });
  const stamp = Date.now();
  const audit = () => otherProcess.prepare("insert into AuditEvent (id, at, action, entity, entityId, unitPath) values (?, ?, 'test', 'test', 'x', '/')").run(`other-${stamp}`, stamp);
  try {
    let waited = false;
    await db.$transaction(async (tx) => {
      await tx.orgUnit.count();
      try {
        audit();
      } catch (error) {
        if ((error as { code?: string }).code !== "SQLITE_BUSY") throw error;
        waited = true;
      }
      await tx.orgUnit.create({ data: { code: `PROC-${stamp}`, name: "Chi hội Hai tiến trình", level: "branch", kind: "ap", path: `/PROC-${stamp}/`, depth: 0 } });
    });
    expect(waited).toBe(true);
    audit();
  } finally {
    otherProcess.close();
  }
  expect(await db.orgUnit.count({ where: { code: `PROC-${stamp}` } })).toBe(1);
  await db.orgUnit.deleteMany({ where: { code: `PROC-${stamp}` } });
  await db.auditEvent.deleteMany({ where: { id: `other-${stamp}` } });
});

test("a transaction Prisma gave up waiting for lets the writer go once it has begun", async (context) => {
  sqliteOnly(context, "on PostgreSQL a second transaction does not wait for the first");
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  let begun!: () => void;
  const holding = new Promise<void>((resolve) => (begun = resolve));
  const first = db.$transaction(async (tx) => {
    await tx.orgUnit.count();
    begun();
    await ended;
  });
  await holding;
  await expect(db.$transaction((tx) => tx.orgUnit.count(), { maxWait: 1 })).rejects.toMatchObject({ code: "P2028" });
  end();
  await first;
  const code = `WAIT-${Date.now()}`;
  await db.orgUnit.create({ data: { code, name: "Chi hội Chờ", level: "branch", kind: "ap", path: `/${code}/`, depth: 0 } });
  expect(await db.$transaction((tx) => tx.orgUnit.count({ where: { code } }))).toBe(1);
  await db.orgUnit.deleteMany({ where: { code } });
});
