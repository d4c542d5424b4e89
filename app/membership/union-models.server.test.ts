import { beforeAll, expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { modelsWithin } from "./union-models.server.ts";

let home: TreeUnit;

async function model(unit: TreeUnit, name: string, replicatedFromId: string | null = null) {
  return db.unionModel.create({ data: { unitId: unit.id, kind: "club", name, members: 10, startedOn: new Date("2025-01-01T00:00:00+07:00"), replicatedFromId }, select: { id: true } });
}

beforeAll(async () => {
  const province = await ensureUnit(db, { code: "UM-P", name: "Tỉnh UM", level: "province", kind: "tinh", parent: null, validFrom: null, validTo: null });
  const commune = (code: string) => ensureUnit(db, { code, name: `Xã ${code}`, level: "commune", kind: "xa", parent: province, validFrom: null, validTo: null });
  const branch = (code: string, parent: TreeUnit) => ensureUnit(db, { code, name: `Chi hội ${code}`, level: "branch", kind: "ap", parent, validFrom: null, validTo: null });
  home = await commune("UM-A");
  const away = await commune("UM-B");
  const [homeBranch, homeBranch2, awayBranch] = [await branch("UM-A1", home), await branch("UM-A2", home), await branch("UM-B1", away)];
  // A model of the home commune copied to a branch beside it and to the other commune; one of the other commune copied home.
  const origin = await model(homeBranch, "Tổ tiết kiệm nhà");
  await model(homeBranch2, "Tổ tiết kiệm nhà 2", origin.id);
  await model(awayBranch, "Tổ tiết kiệm bên kia", origin.id);
  const outside = await model(awayBranch, "CLB bí mật bên kia");
  await model(homeBranch, "CLB chép về", outside.id);
});

test("a commune sees its models' copies and origins inside it, and of an origin outside only that unit's name", async () => {
  const models = await modelsWithin(db, (await db.orgUnit.findUniqueOrThrow({ where: { id: home.id }, select: { path: true } })).path);
  const byName = new Map(models.map((m) => [m.name, m]));
  expect([...byName.keys()].sort()).toEqual(["CLB chép về", "Tổ tiết kiệm nhà", "Tổ tiết kiệm nhà 2"]);
  expect(byName.get("Tổ tiết kiệm nhà")!.replicas).toEqual([{ unit: { name: "Chi hội UM-A2" } }]);
  expect(byName.get("Tổ tiết kiệm nhà 2")!.replicatedFrom).toEqual({ name: "Tổ tiết kiệm nhà", unit: { name: "Chi hội UM-A1" } });
  expect(byName.get("CLB chép về")!.replicatedFrom).toEqual({ name: null, unit: { name: "Chi hội UM-B1" } });
  expect(JSON.stringify(models)).not.toContain("bên kia");
});
