import { hashPassword } from "#app/auth/password.server.ts";
import { issueCertificate } from "#app/certificates/certificates.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { isCourseComplete } from "#app/courses/completion.ts";
import { gradeQuiz, type QuizAnswers, type QuizDefinition } from "#app/courses/quiz.ts";
import { pathToEnding } from "#app/courses/scenario.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { importBacLieuUnits, legalBasis, reorganisedOn, type BacLieuTree } from "#app/org/baclieu-units.server.ts";
import { carryOverChildren } from "#app/org/unit-admin.server.ts";
import { insertUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";
import { cadreProfile, newTermStart, oldTermEnd, seedSuccessorPositions, type CadreRole } from "./demo-cadres.server.ts";
import { seedClassesDemo } from "./classes-demo.server.ts";
import { seedMembershipDemo } from "./membership-demo.server.ts";
import { seedPlanningDemo } from "./planning-demo.server.ts";
import { randomSource, type Random } from "./vietnamese-names.ts";

export const demoPassword = "LanToa@2025";

export const demoAccounts = [
  { key: "learner", name: "Nguyễn Thị Lan", phone: "0900000001", email: "hocvien@lantoa.vn", position: "chi_hoi_truong" },
  { key: "trainer", name: "Trần Ngọc Hương", phone: "0900000002", email: "giangvien@lantoa.vn", position: "bao_cao_vien" },
  { key: "organizer", name: "Lê Thị Hồng", phone: "0900000003", email: "tochuc@lantoa.vn", position: "hoi_truong_ban" },
  { key: "districtOrganizer", name: "Phạm Thị Thu", phone: "0900000004", email: "tochuc.giarai@lantoa.vn", position: "hoi_chu_tich" },
  { key: "admin", name: "Võ Minh Tâm", phone: "0900000005", email: "quantri@lantoa.vn", position: null },
  { key: "communeOrganizer", name: "Huỳnh Ngọc Trinh", phone: "0900000006", email: "tochuc.phongthanh@lantoa.vn", position: null },
] as const;

const hamletNames = ["Nội Ô", "Phước Thạnh", "Thạnh Hưng", "Vĩnh Mới", "Cái Cùng", "Bửu Đông", "Kinh Tế", "Giồng Nhãn", "Nhà Việc", "Huy Điền", "Cây Gừa", "Tà Ky", "Xóm Lớn", "Bà Chăng", "Lung Lá", "Chòm Duông", "Thông Lưu", "Cái Dầy", "Vĩnh Hòa", "Ninh Điền"];

// Demo positions on the old tree all start on one day of the 2021 round of commune Union congresses.
const termStart = new Date("2021-07-01T00:00:00+07:00");

type Commune = TreeUnit & { code: string; kind: string; name: string };

// Created open: carryBranchesOver closes them on 1 July 2025, when their hamlets pass to the new communes.
async function ensureBranches(db: Db, commune: Commune, random: Random) {
  const count = random.int(6, 12);
  const urban = commune.kind === "phuong" || commune.kind === "thi_tran";
  const names = urban
    ? Array.from({ length: count }, (_, i) => `Khóm ${i + 1}`)
    : [...hamletNames].sort(() => random.next() - 0.5).slice(0, count).map((n) => `Ấp ${n}`);
  const existing = new Map(
    (await db.orgUnit.findMany({ where: { parentId: commune.id, level: "branch" }, select: { id: true, path: true, depth: true, code: true } })).map((u) => [u.code, u]),
  );
  // One transaction per commune: a commit each is what makes seeding slow on a busy disk.
  return db.$transaction(async (tx) => {
    const branches: (TreeUnit & { name: string })[] = [];
    for (const [i, name] of names.entries()) {
      const input = { code: `${commune.code}-${String(i + 1).padStart(2, "0")}`, name: `Chi hội ${name}`, level: "branch", kind: urban ? "khom" : "ap", parent: commune };
      const unit = existing.get(input.code) ?? (await insertUnit(tx, input));
      branches.push({ id: unit.id, path: unit.path, depth: unit.depth, name: input.name });
    }
    return branches;
  });
}

/** Each hamlet branch continues, from 1 July 2025, under the new commune that holds its hamlet. */
async function carryBranchesOver(db: Db, tree: BacLieuTree) {
  for (const { unit, predecessors } of tree.successors)
    for (const predecessor of predecessors)
      await db.$transaction((tx) => carryOverChildren(tx, { actorId: null, effectiveOn: reorganisedOn, legalBasis }, predecessor, unit));
}

function answersFor(quiz: QuizDefinition, random: Random, accuracy: number): QuizAnswers {
  return Object.fromEntries(
    quiz.questions.map((q) => {
      const right = q.choices.filter((c) => c.correct).map((c) => c.id);
      const wrong = q.choices.filter((c) => !c.correct).map((c) => c.id);
      return [q.id, random.next() < accuracy || wrong.length === 0 ? right : [random.pick(wrong)]];
    }),
  );
}

/** A learner's progress in a course: none, part of it or all of it (always all with `finish`), with a certificate when complete. */
async function seedProgress(db: Db | DbTx, userId: string, course: CatalogCourse, random: Random, finish = false) {
  const roll = finish ? 1 : random.next();
  if (roll < 0.35) return;
  const startedAt = new Date(Date.UTC(2024, 8, 1) + random.int(0, 700) * 86_400_000);
  const finishing = roll >= 0.7;
  const lessonCount = finishing ? course.lessons.length : random.int(1, course.lessons.length - 1);
  const doneLessons = course.lessons.slice(0, lessonCount);
  const at = (i: number) => new Date(startedAt.getTime() + (i + 1) * 86_400_000);
  const attempt = course.quiz && finishing ? gradeQuiz(course.quiz, answersFor(course.quiz, random, 0.9), course.passMark) : null;
  const scenarioRuns = finishing ? course.scenarios.map((s) => ({ scenarioId: s.id, path: pathToEnding(s, "good")!, createdAt: at(lessonCount) })) : [];
  const complete = isCourseComplete(course.rule, {
    doneLessonIds: new Set(doneLessons.map((l) => l.id)),
    bestQuizScore: attempt?.score ?? null,
    endedScenarioIds: new Set(scenarioRuns.map((r) => r.scenarioId)),
    attendedClass: false,
  });
  const completedAt = complete ? at(lessonCount + 1) : null;
  await db.enrollment.create({
    data: {
      userId,
      courseId: course.id,
      courseVersion: course.version,
      startedAt,
      bestScore: attempt?.score ?? null,
      completedAt,
      lessons: { create: doneLessons.map((l, i) => ({ lessonId: l.id, completedAt: at(i) })) },
      attempts: attempt && course.quiz
        ? { create: [{ quizId: course.quiz.id, answers: "{}", score: attempt.score, passed: attempt.passed, createdAt: at(lessonCount) }] }
        : undefined,
      scenarios: { create: scenarioRuns.map((r) => ({ ...r, path: JSON.stringify(r.path), ending: "good" })) },
    },
  });
  if (completedAt) await issueCertificate(db, { userId, course, issuedAt: completedAt });
}

/**
 * Demo data: the real Bạc Liêu tree, hamlet branches, ~700 cadres with varied progress and one
 * account per role. Deterministic and idempotent: running it twice adds nothing.
 */
export async function seedDemo(db: Db, courses: CatalogCourse[]) {
  const random = randomSource(819);
  const tree = await importBacLieuUnits(db);
  const hash = await hashPassword(demoPassword);
  const learnerIds: string[] = [];
  let firstBranch: TreeUnit | null = null;

  // People draw from their own random stream, so that the units (branches) and the cadres change independently.
  const people = randomSource(1655);
  const districtName = new Map((await db.orgUnit.findMany({ where: { id: { in: tree.districts.map((d) => d.id) } }, select: { id: true, name: true } })).map((d) => [d.id, d.name]));
  const holders = new Map<string, { userId: string; role: CadreRole; unitId: string }[]>();
  for (const [c, commune] of tree.communes.entries()) {
    const branches = await ensureBranches(db, commune, random);
    firstBranch ??= branches[0]!;
    const district = districtName.get(commune.path.split("/").filter(Boolean).at(-2)!) ?? "";
    const cadres = [
      { unit: commune, role: "chair" as const, positions: ["hoi_chu_tich", "dang_uy_vien_ban_chap_hanh"] as const },
      { unit: commune, role: "vice" as const, positions: ["hoi_pho_chu_tich"] as const },
      // A head in every branch, a deputy in the first: with 6–12 branches per commune, deputies everywhere
      // would double the cadres and the seeding time for little more to see.
      ...branches.map((b) => ({ unit: b, role: "branchHead" as const, positions: ["chi_hoi_truong"] as const })),
      { unit: branches[0]!, role: "deputy" as const, positions: ["chi_hoi_pho"] as const },
      // Party committee members of the commune, men and women (after the branches, so that earlier phone numbers stay).
      { unit: commune, role: "party" as const, positions: [people.pick(["dang_pho_bi_thu", "dang_uy_vien_ban_thuong_vu"] as const)] },
    ];
    const inCommune: { userId: string; role: CadreRole; unitId: string }[] = [];
    for (const [p, cadre] of cadres.entries()) {
      const user = await upsertPerson(
        db,
        {
          ...cadreProfile(people, cadre.role, district),
          phone: `09${String(c + 10).padStart(2, "0")}${String(p + 1).padStart(6, "0")}`,
          unitId: cadre.unit.id,
          positions: cadre.positions.map((position) => ({ position, unitId: cadre.unit.id, from: termStart, to: oldTermEnd })),
          roles: [{ role: "learner", unitId: cadre.unit.id }],
        },
        // No password: nobody can sign in as a seeded cadre until an organizer opens her account.
        null,
      );
      learnerIds.push(user.id);
      inCommune.push({ userId: user.id, role: cadre.role, unitId: cadre.unit.id });
    }
    holders.set(commune.id, inCommune);
  }
  await carryBranchesOver(db, tree);
  await seedSuccessorPositions(db, holders);

  const giaRai = tree.districts[1]!;
  const phongThanh = await db.orgUnit.findFirstOrThrow({ where: { code: "31957", validFrom: newTermStart }, select: { id: true, path: true, depth: true } });
  const scopes: Record<(typeof demoAccounts)[number]["key"], { unit: TreeUnit; roles: ("learner" | "trainer" | "organizer" | "admin")[]; alsoOn?: TreeUnit[] }> = {
    learner: { unit: firstBranch!, roles: ["learner"] },
    trainer: { unit: tree.province, roles: ["trainer"] },
    organizer: { unit: tree.province, roles: ["organizer"] },
    districtOrganizer: { unit: giaRai, roles: ["organizer"] },
    // the tree of today is Cà Mau's: the admin manages both
    admin: { unit: tree.province, roles: ["admin"], alsoOn: [tree.camau] },
    communeOrganizer: { unit: phongThanh, roles: ["organizer"] },
  };
  for (const account of demoAccounts) {
    const scope = scopes[account.key];
    await upsertPerson(
      db,
      {
        name: account.name,
        phone: account.phone,
        email: account.email,
        gender: account.key === "admin" ? "male" : "female",
        unitId: scope.unit.id,
        positions: account.position ? [{ position: account.position, unitId: scope.unit.id, from: termStart }] : [],
        roles: [scope.unit, ...(scope.alsoOn ?? [])].flatMap((unit) => scope.roles.map((role) => ({ role, unitId: unit.id }))),
      },
      { hash },
    );
  }

  const enrolled = new Set(
    (await db.enrollment.findMany({ where: { userId: { in: learnerIds } }, select: { userId: true, courseId: true } })).map((e) => `${e.userId}:${e.courseId}`),
  );
  for (const userId of learnerIds)
    for (const course of courses) {
      const progressRandom = randomSource(hashString(`${userId}:${course.slug}`));
      if (!enrolled.has(`${userId}:${course.id}`)) await seedProgress(db, userId, course, progressRandom);
    }
  await seedMembershipDemo(db, tree.communes);
  // Công văn 819 ordered every branch head trained in mass mobilization: the province requires it of them.
  const mobilization = courses.find((c) => c.slug === "van-dong-tap-hop-hoi-vien");
  const organizer = await db.user.findUnique({ where: { phone: "0900000003" }, select: { id: true } });
  if (mobilization && organizer)
    await db.courseRequirement.upsert({
      where: { courseId_unitId_position: { courseId: mobilization.id, unitId: tree.province.id, position: "chi_hoi_truong" } },
      create: { courseId: mobilization.id, unitId: tree.province.id, position: "chi_hoi_truong", dueOn: new Date("2020-12-31T00:00:00+07:00"), createdById: organizer.id },
      update: {},
    });
  await seedPlanningDemo(db, courses, (tx, userId, course, random) => seedProgress(tx, userId, course, random, true));
  // Classes in three communes (the first, one of Giá Rai's and one more) attended by seeded cadres only: the demo accounts keep their own progress.
  const trainer = await db.user.findUniqueOrThrow({ where: { phone: "0900000002" }, select: { id: true } });
  const classCommunes = [tree.communes[0]!, tree.communes.find((c) => c.path.startsWith(giaRai.path))!, tree.communes[20]!];
  await seedClassesDemo(db, courses, trainer.id, classCommunes.map((c) => ({ id: c.id, path: c.path, name: c.name, cadreIds: (holders.get(c.id) ?? []).map((h) => h.userId) })));
  return { units: tree.communes.length, cadres: learnerIds.length };
}

function hashString(text: string) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
