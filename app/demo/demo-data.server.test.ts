import { beforeAll, describe, expect, test } from "vitest";
import { buildCatalog } from "#app/courses/catalog.server.ts";
import { db } from "#app/db.server.ts";
import { demoAccounts, seedDemo } from "#app/demo/demo-data.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { sourcesOfUnits, unitsOfPeriod } from "#app/org/unit-history.server.ts";
import { activeEntries, allTerms, listFacts, rulesFor } from "#app/planning/lists.server.ts";
import { readinessOf } from "#app/planning/readiness.server.ts";
import { committeeWomenWarning, listWarnings } from "#app/planning/rules.ts";

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
  auditEvents: await db.auditEvent.count(),
  committees: await db.committee.count(),
  committeeMembers: await db.committeeMember.count(),
  planningEntries: await db.planningEntry.count(),
  planningEvents: await db.planningEvent.count(),
  planningSteps: await db.planningStep.count(),
  planningVotes: await db.planningVote.count(),
  planningReviews: await db.planningReview.count(),
  classSessions: await db.classSession.count(),
  classAttendance: await db.classAttendance.count(),
});

let afterFirst: Awaited<ReturnType<typeof counts>>;
let afterSecond: typeof afterFirst;
let catalog: Awaited<ReturnType<typeof buildCatalog>>;

beforeAll(async () => {
  catalog = await buildCatalog(db, "content/courses");
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

  test("the trainer held classes in three Bạc Liêu communes; where attending completes the course, attendees hold a certificate from the class", async () => {
    const classes = await db.classSession.findMany({
      select: { course: { select: { slug: true } }, unit: { select: { level: true, validTo: true } }, heldOn: true, _count: { select: { attendance: true, certificates: true } } },
    });
    expect(classes).toHaveLength(4);
    for (const c of classes) {
      expect(c.unit.level).toBe("commune");
      expect(c.heldOn < c.unit.validTo!).toBe(true);
      expect(c._count.attendance).toBeGreaterThan(0);
    }
    const resolutions = classes.filter((c) => c.course.slug === "nghi-quyet-chi-thi-ve-cong-tac-phu-nu");
    expect(resolutions).toHaveLength(3);
    // Some attendees had completed the course online before: their certificate is not from the class.
    expect(resolutions.some((c) => c._count.certificates > 0)).toBe(true);
    expect(classes.find((c) => c.course.slug === "hoa-giai-o-co-so")?._count.certificates).toBe(0);
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
    const expected = { learner: ["learner"], trainer: ["trainer"], organizer: ["organizer"], districtOrganizer: ["organizer"], admin: ["admin", "admin"], communeOrganizer: ["organizer"] };
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

  test("only the demo accounts have a password: no seeded cadre can be signed in as", async () => {
    const withPassword = await db.user.findMany({ where: { password: { isNot: null } }, select: { phone: true } });
    expect(withPassword.map((u) => u.phone).sort()).toEqual(demoAccounts.map((a) => a.phone).sort());
  });

  test("Union chairs, vice-chairs and branch officers are women; Party committee members are men and women", async () => {
    const genders = async (positions: string[]) =>
      (await db.user.groupBy({ by: ["gender"], where: { holdings: { some: { position: { in: positions } } } }, _count: { _all: true } })).map((g) => g.gender).sort();
    expect(await genders(["hoi_chu_tich", "hoi_pho_chu_tich", "chi_hoi_truong", "chi_hoi_pho"])).toEqual(["female"]);
    expect(await genders(["dang_pho_bi_thu", "dang_uy_vien_ban_thuong_vu"])).toEqual(["female", "male"]);
  });

  test("cadres have realistic profiles: Khmer cadres, Party members with a joining date, theory levels", async () => {
    expect(await db.user.count({ where: { ethnicity: "khmer" } })).toBeGreaterThan(30);
    expect(await db.user.count({ where: { partyMember: true, partySince: null } })).toBe(0);
    expect(await db.user.count({ where: { holdings: { some: { position: "hoi_chu_tich" } }, theoryLevel: null, password: null } })).toBe(0);
  });

  test("positions on the old tree end on 30/6/2025; today's leaders hold positions in the 25 new units from 1/7/2025", async () => {
    const newTerm = new Date("2025-07-01T00:00:00+07:00");
    expect(await db.positionHolding.count({ where: { unit: { validTo: { not: null } }, to: null, user: { password: null } } })).toBe(0);
    const camau = await db.orgUnit.findFirstOrThrow({ where: { code: "96", level: "province" }, select: { path: true } });
    const chairs = await db.positionHolding.findMany({ where: { position: "hoi_chu_tich", to: null, from: newTerm, unit: { path: { startsWith: camau.path } } }, select: { userId: true } });
    expect(chairs).toHaveLength(25);
    const history = await db.positionHolding.findMany({ where: { userId: chairs[0]!.userId }, select: { to: true } });
    expect(history.some((h) => h.to?.getTime() === new Date("2025-06-30T00:00:00+07:00").getTime())).toBe(true);
  });

  test("both genders are present", async () => {
    const genders = await db.user.groupBy({ by: ["gender"], _count: { _all: true } });
    expect(genders.map((g) => g.gender).sort()).toEqual(["female", "male"]);
  });

  test("every old commune has 6–12 hamlet branches, closed on 1/7/2025 and carried over to its successor", async () => {
    const july = vietnamDay(2025, 7, 1);
    const communes = await db.orgUnit.findMany({
      where: { level: "commune", validTo: july },
      select: { successors: { select: { successor: { select: { id: true } } } }, children: { select: { validTo: true, successors: { select: { effectiveOn: true, successor: { select: { parentId: true, validFrom: true, name: true } } } } } } },
    });
    expect(communes).toHaveLength(64);
    for (const commune of communes) {
      expect(commune.children.length).toBeGreaterThanOrEqual(6);
      expect(commune.children.length).toBeLessThanOrEqual(12);
      const successorId = commune.successors[0]!.successor.id;
      for (const branch of commune.children) {
        expect(branch.validTo).toEqual(july);
        expect(branch.successors.map((s) => [s.effectiveOn, s.successor.parentId, s.successor.validFrom])).toEqual([[july, successorId, july]]);
      }
    }
    const camau = await db.orgUnit.findFirstOrThrow({ where: { code: "96", level: "province" }, select: { path: true } });
    const names = await db.orgUnit.groupBy({ by: ["parentId", "name"], where: { level: "branch", path: { startsWith: camau.path } }, _count: { _all: true } });
    expect(names.every((n) => n._count._all === 1)).toBe(true);
  });

  test("a period uses the tree of its reporting day; Cà Mau's communes roll up their predecessors before July 2025", async () => {
    const [baclieu, camau] = await Promise.all(["95", "96"].map((code) => db.orgUnit.findFirstOrThrow({ where: { code, level: "province" }, select: { path: true } })));
    const communes = (period: { year: number; half: 0 | 1 | 2 }, within: string) => unitsOfPeriod(db, period, { within, levels: ["commune"] });
    expect(await communes({ year: 2019, half: 1 }, baclieu!.path)).toHaveLength(64);
    expect(await communes({ year: 2025, half: 1 }, camau!.path)).toHaveLength(0);
    const today = await communes({ year: 2025, half: 2 }, camau!.path);
    expect(today).toHaveLength(25);

    const phongThanh = today.find((u) => u.name === "Xã Phong Thạnh")!;
    const sources = async (period: { year: number; half: 0 | 1 | 2 }) => (await sourcesOfUnits(db, today, period)).get(phongThanh.id)!.map((u) => u.code).sort();
    expect(await sources({ year: 2025, half: 2 })).toEqual(["31957"]);
    expect(await sources({ year: 2025, half: 1 })).toEqual(["31957", "31966", "31969"]);
    expect(await sources({ year: 2019, half: 0 })).toEqual(["31957", "31966", "31969"]);
    // Every old commune's history belongs to exactly one of today's communes.
    const all = await sourcesOfUnits(db, today, { year: 2020, half: 2 });
    expect([...all.values()].flat().length).toBe(64);
    expect(new Set([...all.values()].flat().map((u) => u.id)).size).toBe(64);
  });

  test("the commune organizer is scoped to Xã Phong Thạnh of 1 July 2025, whose 2025–2030 Party list has three Phó Bí thư", async () => {
    const organizer = demoAccounts.find((a) => a.key === "communeOrganizer")!;
    const scope = await db.roleAssignment.findFirstOrThrow({ where: { user: { phone: organizer.phone } }, select: { unit: { select: { id: true, name: true, validFrom: true } } } });
    expect(scope.unit).toMatchObject({ name: "Xã Phong Thạnh", validFrom: vietnamDay(2025, 7, 1) });
    const deputies = await db.planningEntry.count({ where: { unitId: scope.unit.id, term: { key: "2025-2030" }, position: "dang_pho_bi_thu", status: "approved" } });
    expect(deputies).toBe(3);
  });
});

describe("planning demo", () => {
  const lists = async () => {
    const now = new Date();
    const out = [];
    for (const term of await allTerms(db)) {
      const unitIds = (await db.planningEntry.findMany({ where: { termId: term.id }, distinct: ["unitId"], select: { unitId: true } })).map((u) => u.unitId);
      const entries = await activeEntries(db, unitIds, term);
      const rules = await rulesFor(db, term, now);
      out.push({ term, entries, rules, facts: await listFacts(db, entries, term, rules, now) });
    }
    return out;
  };

  test("both terms have committees on every unit of their tree, with the 2020 and 2025 congresses' dates", async () => {
    const committees = await db.committee.findMany({ select: { kind: true, seats: true, formedOn: true, term: { select: { key: true } }, unit: { select: { level: true } } } });
    const of = (key: string) => committees.filter((c) => c.term.key === key);
    // Province, 7 districts, 64 communes on the old tree; Cà Mau and the 25 new units on the new one; four committees each.
    expect(of("2020-2025")).toHaveLength(72 * 4);
    expect(of("2025-2030")).toHaveLength(26 * 4);
    expect(new Set(of("2020-2025").map((c) => c.formedOn!.getFullYear()))).toEqual(new Set([2020]));
    expect(of("2025-2030").every((c) => c.formedOn! >= vietnamDay(2025, 7, 1)! && c.formedOn! < vietnamDay(2025, 11, 1)!)).toBe(true);
    const commune = committees.filter((c) => c.unit.level === "commune");
    const seats = (kind: string) => commune.filter((c) => c.kind === kind).map((c) => c.seats);
    expect(Math.min(...seats("party_executive"))).toBeGreaterThanOrEqual(13);
    expect(Math.max(...seats("party_standing"))).toBeLessThanOrEqual(5);
    expect(new Set(seats("union_standing"))).toEqual(new Set([3]));
  });

  test("lists are proposed, approved and removed with reasons; every step of the procedure is recorded with votes", async () => {
    const statuses = await db.planningEntry.groupBy({ by: ["status"], _count: { _all: true } });
    expect(statuses.map((s) => s.status).sort()).toEqual(["approved", "proposed", "removed"]);
    expect(await db.planningEntry.count({ where: { status: "removed", reason: null } })).toBe(0);
    const reasons = await db.planningEvent.findMany({ where: { status: "removed", reviewId: { not: null } }, distinct: ["reason"], select: { reason: true } });
    expect(reasons.map((r) => r.reason)).toEqual(expect.arrayContaining(["Chuyển công tác", "Nghỉ hưu", "Không hoàn thành nhiệm vụ"]));
    const steps = await db.planningStep.groupBy({ by: ["kind"], _count: { _all: true } });
    expect(steps.map((s) => [s.kind, s._count._all]).sort()).toEqual(["appraisal", "approval", "executive_ballot", "nomination", "selection"].map((k) => [k, 98]));
    expect(await db.planningVote.count({ where: { votes: { not: null }, step: { kind: "nomination" } } })).toBeGreaterThan(1_000);
    const reviews = await db.planningReview.groupBy({ by: ["year"], _count: { _all: true }, orderBy: { year: "asc" } });
    expect(reviews.map((r) => [r.year, r._count._all])).toEqual([[2021, 72], [2022, 72], [2023, 72], [2024, 72], [2026, 26]]);
  });

  test("each kind of list warning shows in both terms, on a few lists", async () => {
    for (const { facts, rules } of await lists()) {
      const kinds = [...facts.values()].flatMap((f) => listWarnings(f, rules).map((w) => w.kind));
      expect(new Set(kinds)).toEqual(new Set(["over-per-position", "women-share", "young-share", "ages-out"]));
    }
  });

  test("some Party committees are under 15 % women", async () => {
    const committees = await db.committee.findMany({ where: { kind: { startsWith: "party" } }, select: { members: { select: { user: { select: { gender: true } } } } } });
    const rule = { value: 0.15, source: "Chỉ thị 35-CT/TW" };
    const under = committees.filter((c) => committeeWomenWarning(c.members.map((m) => ({ female: m.user.gender === "female" })), rule));
    expect(under.length).toBeGreaterThan(0);
    expect(under.length).toBeLessThan(committees.length / 10);
  });

  test("readiness takes every state; some planned women were elected, some not", async () => {
    for (const { term, entries } of await lists()) {
      const readiness = await readinessOf(db, entries.map((e) => ({ entryId: e.id, position: e.position, unitLevel: e.unit.level, termEndsOn: term.endsOn, user: e.user })), new Date(), catalog);
      expect(new Set([...readiness.values()].map((r) => r.state))).toEqual(new Set(["ready", "gaps", "not_ready"]));
      const women = new Set(entries.filter((e) => e.user.gender === "female").map((e) => `${e.user.id}:${e.unitId}`));
      const members = await db.committeeMember.findMany({ where: { committee: { termId: term.id } }, select: { userId: true, committee: { select: { unitId: true } } } });
      const elected = [...women].filter((w) => members.some((m) => `${m.userId}:${m.committee.unitId}` === w)).length;
      expect(elected).toBeGreaterThan(women.size / 2);
      expect(elected).toBeLessThan(women.size);
    }
  });
});
