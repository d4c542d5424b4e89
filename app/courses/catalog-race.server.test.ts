import { expect, test } from "vitest";
import { createDb, db } from "#app/db.server.ts";
import { tinyCourse, writeContentRoot } from "#tests/unit/course-fixture.ts";
import { catalogStore } from "./catalog.server.ts";

test("processes starting together on one database all mirror the same new content", async () => {
  const other = await createDb(process.env.DATABASE_URL!);
  const root = writeContentRoot({ "khoa-cung-luc": tinyCourse(), "khoa-cung-luc-hai": tinyCourse("Thêm.") });
  const stores = [db, other, db, other].map((client) => catalogStore(client, root, { watch: false }));
  const catalogs = await Promise.all(stores.map((getCatalog) => getCatalog()));
  for (const catalog of catalogs) expect(catalog.bySlug.get("khoa-cung-luc-hai")?.version).toBe(1);
  await other.$disconnect();
});
