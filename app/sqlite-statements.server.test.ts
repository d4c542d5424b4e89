import Database from "better-sqlite3";
import { expect, test, vi } from "vitest";
import { reuseStatements } from "./sqlite-statements.server.ts";

// The calls Prisma's better-sqlite3 adapter makes (performIO, executeIO, startTransaction).
type Adapted = { bind(args: unknown[]): Adapted; reader: boolean; columns(): { name: string }[]; raw(): { all(): unknown[][] }; run(): { changes: number } };

function database() {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE cadre (id INTEGER PRIMARY KEY, name TEXT, unit TEXT)");
  const prepare = vi.spyOn(db, "prepare");
  const kept = reuseStatements(db, 3);
  const adapted = (sql: string) => (db.prepare as unknown as (sql: string) => Adapted)(sql);
  return { adapted, prepare, kept };
}

test("a statement is prepared once and bound afresh for each query", () => {
  const { adapted, prepare, kept } = database();
  const insert = "INSERT INTO cadre (name, unit) VALUES (?, ?)";
  expect(adapted(insert).bind(["Lan", "Giá Rai"]).run().changes).toBe(1);
  expect(adapted(insert).bind(["Hồng", "Hồng Dân"]).run().changes).toBe(1);
  const select = "SELECT name FROM cadre WHERE unit = ? ORDER BY id";
  for (const [unit, names] of [["Giá Rai", [["Lan"]]], ["Hồng Dân", [["Hồng"]]], ["Phước Long", []]] as const) {
    const bound = adapted(select).bind([unit]);
    expect(bound.reader).toBe(true);
    expect(bound.columns().map((c) => c.name)).toEqual(["name"]);
    expect(bound.raw().all()).toEqual(names);
  }
  adapted("BEGIN").run();
  adapted("ROLLBACK").run();
  expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, select, "BEGIN", "ROLLBACK"]);
  expect(kept.size()).toBe(3);
});

test("past its limit the statement used longest ago is let go, and prepared again when it returns", () => {
  const { adapted, prepare } = database();
  const select = (column: string) => `SELECT ${column} FROM cadre`;
  for (const column of ["id", "name", "unit", "id", "id, name", "id", "name"]) adapted(select(column)).bind([]).raw().all();
  // "id" was used again before the fourth statement came, so "name" went instead.
  expect(prepare.mock.calls.map(([sql]) => sql)).toEqual(["id", "name", "unit", "id, name", "name"].map(select));
});

test("whether a statement only reads is told from the same store, preparing it once and not counting as a use", () => {
  const { adapted, prepare, kept } = database();
  const select = (column: string) => `SELECT ${column} FROM cadre`;
  const insert = "INSERT INTO cadre (name) VALUES (?)";
  expect(kept.readonly(insert)).toBe(false);
  expect(kept.readonly(select("id"))).toBe(true);
  for (const column of ["id", "name", "unit"]) adapted(select(column)).bind([]).raw().all();
  // Asked about, "id" is still the one used longest ago, so the fourth statement lets it go.
  expect(kept.readonly(select("id"))).toBe(true);
  adapted(select("id, name")).bind([]).raw().all();
  adapted(select("id")).bind([]).raw().all();
  expect(prepare.mock.calls.map(([sql]) => sql)).toEqual([insert, ...["id", "name", "unit", "id, name", "id"].map(select)]);
  expect(() => kept.readonly("SELECT name FROM nowhere")).toThrow(/no such table/);
});

test("Prisma's LIMIT parameter is prepared as a value the planner does not read, and still pages", () => {
  const { adapted, prepare } = database();
  for (const name of ["Lan", "Hồng", "Mai"]) adapted("INSERT INTO cadre (name) VALUES (?)").bind([name]).run();
  const page = "SELECT `main`.`cadre`.`name` FROM `main`.`cadre` WHERE `main`.`cadre`.`unit` IS NULL ORDER BY `main`.`cadre`.`id` ASC LIMIT ? OFFSET ?";
  const count = `SELECT COUNT(*) FROM (${page}) AS \`sub\``;
  // As Prisma binds them: take and skip as bigint, count's "no limit" as -1.
  expect(adapted(page).bind([1n, 1n]).raw().all()).toEqual([["Hồng"]]);
  expect(adapted(page).bind([-1, 1n]).raw().all()).toEqual([["Hồng"], ["Mai"]]);
  expect(adapted(count).bind([2n, 0n]).raw().all()).toEqual([[2]]);
  expect(prepare.mock.calls.slice(1).map(([sql]) => sql)).toEqual([page, count].map((sql) => sql.replace("LIMIT ? OFFSET ?", "LIMIT +? OFFSET ?")));
});

test("a statement's columns are described once, however often it is run", () => {
  const { adapted } = database();
  const select = "SELECT id, name FROM cadre WHERE unit = ?";
  const described = vi.spyOn(Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")), "columns");
  for (const unit of ["Giá Rai", "Hồng Dân", "Phước Long"]) expect(adapted(select).bind([unit]).columns().map((c) => c.name)).toEqual(["id", "name"]);
  expect(described).toHaveBeenCalledTimes(1);
  described.mockRestore();
});
