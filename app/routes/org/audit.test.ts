import { expect, test } from "vitest";
import { recordAudit } from "#app/audit/audit.server.ts";
import { auditPageSize } from "#app/audit/audit-log.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, get, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { loader } from "./audit.tsx";

test("the audit log filters by action and entity, pages through them and names the vocabulary of the unit", async () => {
  const commune = await ensureUnit(db, { code: "NK1", name: "Xã Nhật Ký", level: "commune", kind: "xa", parent: null });
  const organizer = await contextFor(db, await createPersonWithRole(db, "organizer", commune));
  const at = new Date("2025-05-20T01:02:03.000Z");
  const event = { actorId: null, entity: "person", unitPath: commune.path };
  await recordAudit(db, { ...event, action: "person.update", entityId: "nguoi-1", after: { name: "Mới" } });
  for (let i = 0; i < auditPageSize; i += 1) await recordAudit(db, { ...event, action: "position.add", entity: "position", entityId: `chuc-vu-${i}` });
  await db.auditEvent.updateMany({ where: { unitPath: commune.path }, data: { at } });
  const read = async (query: string) => (await outcome(() => loader(routeArgs(get(`/org/audit?unit=${commune.id}&${query}`), organizer)))) as Awaited<ReturnType<typeof loader>>;

  const all = await read("page=2");
  expect(all).toMatchObject({ unit: { id: commune.id, name: "Xã Nhật Ký" }, filter: { action: "", entity: "" }, vocabulary: { actions: ["person.update", "position.add"], entities: ["person", "position"] } });
  expect(all.log).toMatchObject({ total: auditPageSize + 1, page: 2, pages: 2 });
  expect(all.log.events).toHaveLength(1);
  expect(all.log.events[0]!.at).toBe(at.toISOString());

  const updates = await read("action=person.update");
  expect(updates.filter).toEqual({ action: "person.update", entity: "" });
  expect(updates.log.events.map((e) => [e.entityId, e.after])).toEqual([["nguoi-1", { name: "Mới" }]]);
  expect((await read("entity=position")).log.total).toBe(auditPageSize);
  expect((await read(`action=${"x".repeat(61)}`)).log.total).toBe(auditPageSize + 1);
  expect(statusOf(await outcome(() => loader(routeArgs(get("/org/audit?unit="), organizer))))).toBe(400);
});
