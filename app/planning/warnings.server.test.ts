import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import { subtreeWarnings } from "./warnings.server.ts";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;

test("a subtree's warnings name each list and committee that breaks a rule, by the rules of the day", async () => {
  await ensureDefaultPolicies(db);
  const term = await db.term.create({ data: { key: "2025-2030-canh-bao", startsOn: day(2025, 7, 1), endsOn: day(2030, 7, 1), treeOn: day(2025, 7, 1) }, select: { id: true, key: true, startsOn: true, endsOn: true, treeOn: true } });
  const province = await ensureUnit(db, { code: "CB0", name: "Tỉnh Cảnh Báo", level: "province", kind: "tinh", parent: null });
  const [ok, broken] = [
    await ensureUnit(db, { code: "CB1", name: "Xã Đủ", level: "commune", kind: "xa", parent: province }),
    await ensureUnit(db, { code: "CB2", name: "Xã Thiếu", level: "commune", kind: "xa", parent: province }),
  ];
  let serial = 0;
  const person = async (name: string, gender: "female" | "male", unitId: string, birthYear: number) =>
    (await upsertPerson(db, { name, gender, unitId, birthYear, phone: `093300000${++serial}` }, null)).id;
  // Xã Thiếu: four men planned as chair (over 3 per position; 0 % women, under 25 %; three of four under 35, young enough),
  // one born 1963 who retires before 2030. Xã Đủ: one young woman, no warning.
  const men = [await person("Ông Một", "male", broken.id, 1963), await person("Ông Hai", "male", broken.id, 1995), await person("Ông Ba", "male", broken.id, 1996), await person("Ông Bốn", "male", broken.id, 1997)];
  const woman = await person("Bà Đủ", "female", ok.id, 1995);
  await db.planningEntry.createMany({
    data: [...men.map((userId) => ({ userId, unitId: broken.id, termId: term.id, position: "hoi_chu_tich", status: "approved" })), { userId: woman, unitId: ok.id, termId: term.id, position: "hoi_chu_tich", status: "approved" }],
  });
  const committee = await db.committee.create({ data: { unitId: broken.id, termId: term.id, kind: "party_executive", seats: 9, formedOn: day(2025, 9, 1) }, select: { id: true } });
  await db.committeeMember.createMany({ data: men.map((userId) => ({ committeeId: committee.id, userId, position: "dang_uy_vien_ban_chap_hanh", how: "elected", on: day(2025, 9, 1) })) });

  const found = await subtreeWarnings(db, province, term, day(2026, 3, 1));
  expect(found.count).toEqual({ "over-per-position": 1, "over-positions-per-person": 0, "women-share": 1, "young-share": 0, "ages-out": 1, "committee-women": 1 });
  expect(found.lists.every((l) => l.unit.name === "Xã Thiếu")).toBe(true);
  expect(found.lists.find((l) => l.warning.kind === "ages-out")?.person).toBe("Ông Một");
  expect(found.lists.find((l) => l.warning.kind === "over-per-position")?.warning.source).toMatch(/Quy định 377/);
  expect(found.committees).toMatchObject([{ unit: { name: "Xã Thiếu" }, kind: "party_executive", warning: { women: 0, total: 4 } }]);
});
