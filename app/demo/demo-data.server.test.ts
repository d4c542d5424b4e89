import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { demoAccounts, seedDemo } from "#app/demo/demo-data.server.ts";

const counts = async () => ({
  orgUnits: await db.orgUnit.count(),
  users: await db.user.count(),
  roleAssignments: await db.roleAssignment.count(),
  enrollments: await db.enrollment.count(),
  lessonProgress: await db.lessonProgress.count(),
  quizAttempts: await db.quizAttempt.count(),
  scenarioRuns: await db.scenarioRun.count(),
  unitSuccessions: await db.unitSuccession.count(),
  certificates: await db.certificate.count(),
});

let afterFirst: Awaited<ReturnType<typeof counts>>;
let afterSecond: typeof afterFirst;

beforeAll(async () => {
  const catalog = await buildCatalog(db, "content/courses");
  await seedDemo(db, catalog.courses);
  afterFirst = await counts();
  await seedDemo(db, catalog.courses);
  afterSecond = await counts();
}, 180_000);

describe("seedDemo", () => {
  test("a second run adds nothing", () => {
    expect(afterFirst.users).toBeGreaterThan(0);
    expect(afterFirst.enrollments).toBeGreaterThan(0);
    expect(afterFirst.quizAttempts).toBeGreaterThan(0);
    expect(afterFirst.scenarioRuns).toBeGreaterThan(0);
    expect(afterSecond).toEqual(afterFirst);
  });

  test("Bạc Liêu (95) has 7 districts and 64 communes", async () => {
    const province = await db.orgUnit.findFirstOrThrow({ where: { code: "95", level: "province" }, select: { path: true } });
    const below = (level: string) => db.orgUnit.count({ where: { level, path: { startsWith: province.path } } });
    expect(await below("district")).toBe(7);
    expect(await below("commune")).toBe(64);
  });

  test("Cà Mau (96) holds the 25 successor units, each formed from Bạc Liêu communes", async () => {
    const camau = await db.orgUnit.findFirstOrThrow({ where: { code: "96", level: "province" }, select: { id: true } });
    const successors = await db.orgUnit.findMany({ where: { parentId: camau.id }, select: { _count: { select: { predecessors: true } } } });
    expect(successors).toHaveLength(25);
    expect(successors.every((s) => s._count.predecessors > 0)).toBe(true);
  });

  test("every demo account exists with its role", async () => {
    const expected = { learner: ["learner"], trainer: ["trainer"], organizer: ["organizer"], districtOrganizer: ["organizer"], admin: ["admin"] };
    for (const account of demoAccounts) {
      const user = await db.user.findUniqueOrThrow({ where: { phone: account.phone }, select: { email: true, roles: { select: { role: true } } } });
      expect(user.email).toBe(account.email);
      expect(user.roles.map((r) => r.role)).toEqual(expected[account.key]);
    }
  });

  test("the district organizer is scoped to a district, the organizer to the province", async () => {
    const scope = async (phone: string) =>
      (await db.roleAssignment.findFirstOrThrow({ where: { user: { phone } }, select: { unit: { select: { level: true, code: true } } } })).unit;
    expect(await scope(demoAccounts[2].phone)).toEqual({ level: "province", code: "95" });
    expect((await scope(demoAccounts[3].phone)).level).toBe("district");
  });

  test("both genders are present", async () => {
    const genders = await db.user.groupBy({ by: ["gender"], _count: { _all: true } });
    expect(genders.map((g) => g.gender).sort()).toEqual(["female", "male"]);
  });
});
