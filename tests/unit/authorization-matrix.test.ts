import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import type { Role } from "#app/auth/permissions.ts";
import { createDraftCourse, requireAuthoredCourse } from "#app/authoring/drafts.server.ts";
import { publishDraft } from "#app/authoring/publish.server.ts";
import { issueCertificate } from "#app/certificates/certificates.server.ts";
import { invalidateCatalog } from "#app/courses/catalog-instance.server.ts";
import { db } from "#app/db.server.ts";
import { ensureUnit, type TreeUnit } from "#app/org/unit-tree.server.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { createPersonWithRole } from "#tests/unit/people.ts";
import { contextFor, outcome, routeArgs, statusOf } from "#tests/unit/route-args.ts";
import { intentsOf, routeTable } from "#tests/unit/route-table.ts";

/**
 * The authorization matrix: every route of app/routes.ts, its loader and every action intent, tried by each
 * role held on district A, against a target inside district A, one in district B (outside) and an id that
 * does not exist. A probe lists who gets through; everyone else must be refused (anonymous: sent to sign
 * in; signed in: 403 or 404), and a target outside one's scope must get exactly the answer an unknown id
 * gets. A route, loader or intent missing from the table fails the test with the entry to add.
 *
 * Intents are found in the route module and the app modules it imports, written as `intent: z.literal("…")`
 * or `intent: z.enum([…])` (the list inline or a constant of the same module).
 */

type Who = "anonymous" | Role;
type Side = "inside" | "outside" | "unknown";
type Target = {
  unit: string;
  /** An app-authored course owned by the unit, published, with the lesson `bai-mo-dau` (file 01-bai-mo-dau.mdx). */
  course: string;
  /** A requirement set on the unit (a fresh one per call, so that withdrawing it can be tried by each role). */
  requirement: () => Promise<string>;
  /** A cadre whose home unit is the unit. */
  person: string;
  /** A club in a branch of the unit. */
  model: string;
  /** An import job: inside, one of the organizer's; outside, one of a trainer of district B. */
  job: string;
  /** Inside: a certificate the acting user holds; outside: one a learner of district B holds. */
  certificate: (who: Who) => string;
  /** The unit's Party executive committee for the 2025–2030 term. */
  committee: string;
  /** An outcome on that committee (a fresh one per call, so that removing it can be tried by each role). */
  committeeMember: () => Promise<string>;
  /** A proposed entry of the unit's 2025–2030 planning list (a fresh one per call, so that each role can approve or remove one). */
  planningEntry: () => Promise<string>;
  /** An in-person class held in a commune of the unit (a fresh one per call, so that each role can try to delete one). */
  classSession: () => Promise<string>;
};
type World = Record<Side, Target> & { now: number };
type Probe = {
  request: (world: World, side: Side, who: Who) => Promise<Request_> | Request_;
  /** Who gets through when the target lies in their unit (or, for probes without a target, at all). */
  inside: readonly Who[];
  /** Who gets through when it lies in another unit; omitted: the probe has no target in a unit. */
  outside?: readonly Who[];
  /** What a refused anonymous visitor gets: the sign-in page, unless the route answers 404 to everyone. */
  anonymous?: "login" | 404;
};
type Request_ = { url: string; params?: Record<string, string>; form?: Record<string, string> };
type RouteCases = { loader?: Probe; action?: Record<string, Probe> };

const signedIn = ["learner", "trainer", "organizer", "admin"] as const satisfies readonly Role[];
const everyone = ["anonymous", ...signedIn] as const satisfies readonly Who[];
const writers = ["trainer", "admin"] as const;
const organizers = ["organizer", "admin"] as const;
const lesson = "bai-mo-dau";
const lessonSource = '---\ntitle: "Bài mở đầu"\nminutes: 5\n---\n\nNội dung bài.\n';
let serial = 0;
const fresh = (prefix: string) => `${prefix}-${++serial}`;
const nextMonth = (world: World) => new Date(world.now + 30 * 86_400_000).toISOString().slice(0, 10);

const classAt = (id: string) => ({ url: `/classes/${id}`, params: { id } });
const courseParams = (world: World, side: Side) => ({ slug: world[side].course, lesson, file: "01-bai-mo-dau.mdx" });
const learnAction = (intent: string, form: Record<string, string> = {}): Probe => ({
  request: (w, side) => ({ url: `/courses/${w[side].course}/${lesson}`, params: courseParams(w, side), form: { intent, ...form } }),
  inside: signedIn,
  outside: [],
});
const personAction = (path: string, form: Record<string, string>): Probe => ({
  request: (w, side) => ({ url: `/org/people/${w[side].person}${path}`, params: { id: w[side].person }, form }),
  inside: organizers,
  outside: [],
});
const unitAction = (intent: string, inside: readonly Who[], admin: boolean): Probe => ({
  request: (w, side) =>
    admin
      ? { url: `/admin/units?unit=${w[side].unit}`, form: { intent, name: fresh("Đơn vị") } }
      : { url: `/org/units/${w[side].unit}`, params: { id: w[side].unit }, form: { intent, name: fresh("Chi hội") } },
  inside,
  outside: [],
});
const planningRulesAction = (form: Record<string, string>): Probe => ({ request: () => ({ url: "/admin/planning", form }), inside: ["admin"] });
const unitIntents = ["create", "rename", "move", "close", "merge"];
const modelAction = (intent: string): Probe => ({
  request: (w, side) => ({ url: `/org/models?unit=${w[side].unit}`, form: { intent, modelId: w[side].model, endedOn: "01/01/2020", unitId: "khong-co" } }),
  inside: organizers,
  outside: [],
});
const planningAction = (form: (w: World, side: Side) => Promise<Record<string, string>> | Record<string, string>): Probe => ({
  request: async (w, side) => ({ url: `/org/planning/${w[side].unit}/2025-2030`, params: { unitId: w[side].unit, term: "2025-2030" }, form: await form(w, side) }),
  inside: organizers,
  outside: [],
});
const today = (world: World) => new Date(world.now).toISOString().slice(0, 10);
const authorAction = (form: () => Record<string, string>): Probe => ({
  request: (w, side) => ({ url: `/author/${w[side].course}`, params: courseParams(w, side), form: form() }),
  inside: writers,
  outside: [],
});

const termKey = "2025-2030";
const committeesAction = (form: (w: World, side: Side) => Promise<Record<string, string>> | Record<string, string>): Probe => ({
  request: async (w, side) => ({ url: `/org/planning/${w[side].unit}/${termKey}/committees`, params: { unitId: w[side].unit, term: termKey }, form: await form(w, side) }),
  inside: organizers,
  outside: [],
});

const matrix: Record<string, RouteCases> = {
  "routes/home": { loader: { request: () => ({ url: "/" }), inside: everyone } },
  "routes/auth/login": {
    loader: { request: () => ({ url: "/login" }), inside: everyone },
    action: { "-": { request: () => ({ url: "/login", form: { identifier: "0999999999", password: "sai-mat-khau" } }), inside: everyone } },
  },
  "routes/auth/logout": {
    loader: { request: () => ({ url: "/logout" }), inside: everyone },
    action: { "-": { request: () => ({ url: "/logout", form: {} }), inside: everyone } },
  },
  "routes/language": {
    loader: { request: () => ({ url: "/language" }), inside: everyone },
    action: { "-": { request: () => ({ url: "/language", form: { locale: "en", redirectTo: "/" } }), inside: everyone } },
  },
  "routes/learn/catalog": { loader: { request: () => ({ url: "/courses" }), inside: signedIn } },
  "routes/learn/course": {
    loader: { request: (w, side) => ({ url: `/courses/${w[side].course}`, params: courseParams(w, side) }), inside: signedIn, outside: [] },
  },
  "routes/learn/lesson": {
    loader: { request: (w, side) => ({ url: `/courses/${w[side].course}/${lesson}`, params: courseParams(w, side) }), inside: signedIn, outside: [] },
    action: {
      done: learnAction("done"),
      quiz: learnAction("quiz"),
      scenario: learnAction("scenario", { scenarioId: "khong-co", path: "[]" }),
      reflection: learnAction("reflection", { activityId: "khong-co", value: "Suy nghĩ" }),
      checklist: learnAction("checklist", { activityId: "khong-co", value: "[]" }),
    },
  },
  "routes/lesson-html": { loader: { request: () => ({ url: `/lesson-html?k=${"a".repeat(22)}` }), inside: signedIn } },
  "routes/offline/me": { loader: { request: () => ({ url: "/offline/me" }), inside: everyone } },
  "routes/offline/course": {
    loader: { request: (w, side) => ({ url: `/offline/courses/${w[side].course}`, params: courseParams(w, side) }), inside: signedIn, outside: [] },
  },
  "routes/org/dashboard": {
    loader: { request: (w, side) => ({ url: `/org?unit=${w[side].unit}` }), inside: organizers, outside: [] },
  },
  "routes/org/required": {
    loader: { request: (w, side) => ({ url: `/org/required?unit=${w[side].unit}` }), inside: organizers, outside: [] },
    action: {
      assign: {
        request: (w, side) => ({ url: "/org/required", form: { intent: "assign", unit: w[side].unit, course: w[side].course, position: "", dueOn: nextMonth(w) } }),
        inside: organizers,
        outside: [],
      },
      remove: {
        request: async (w, side) => ({ url: "/org/required", form: { intent: "remove", unit: w[side].unit, requirement: await w[side].requirement() } }),
        inside: organizers,
        outside: [],
      },
    },
  },
  "routes/org/people": {
    loader: { request: (w, side) => ({ url: `/org/people?unit=${w[side].unit}` }), inside: organizers, outside: [] },
  },
  "routes/org/person": {
    loader: { request: (w, side) => ({ url: `/org/people/${w[side].person}`, params: { id: w[side].person } }), inside: organizers, outside: [] },
    action: {
      profile: personAction("", { intent: "profile", name: "" }),
      addPosition: personAction("", { intent: "addPosition", position: "chi_hoi_truong" }),
      endPosition: personAction("", { intent: "endPosition", holding: "khong-co" }),
    },
  },
  "routes/org/person-account": {
    loader: { request: (w, side) => ({ url: `/org/people/${w[side].person}/account`, params: { id: w[side].person } }), inside: organizers, outside: [] },
    action: {
      create: personAction("/account", { intent: "create", password: "" }),
      reset: personAction("/account", { intent: "reset", password: "" }),
      deactivate: personAction("/account", { intent: "deactivate" }),
      reactivate: personAction("/account", { intent: "reactivate" }),
      grant: personAction("/account", { intent: "grant", role: "learner", unitId: "khong-co" }),
      revoke: personAction("/account", { intent: "revoke", assignmentId: "khong-co" }),
    },
  },
  "routes/org/audit": {
    loader: { request: (w, side) => ({ url: `/org/audit?unit=${w[side].unit}` }), inside: organizers, outside: [] },
  },
  "routes/org/planning/index": {
    loader: { request: (w, side) => ({ url: `/org/planning?unit=${w[side].unit}&term=2025-2030` }), inside: organizers, outside: [] },
  },
  "routes/org/planning/list": {
    loader: { request: (w, side) => ({ url: `/org/planning/${w[side].unit}/2025-2030`, params: { unitId: w[side].unit, term: "2025-2030" } }), inside: organizers, outside: [] },
    action: {
      plan: planningAction((w, side) => ({ intent: "plan", cadre: w[side].person, position: "dang_uy_vien_ban_chap_hanh", dueOn: nextMonth(w) })),
      approve: planningAction(async (w, side) => ({ intent: "approve", entry: await w[side].planningEntry() })),
      remove: planningAction(async (w, side) => ({ intent: "remove", entry: await w[side].planningEntry(), reason: "Chuyển công tác" })),
      review: planningAction((w) => ({ intent: "review", year: today(w).slice(0, 4), heldOn: today(w), note: "" })),
      step: planningAction((w) => ({ intent: "step", kind: "appraisal", heldOn: today(w), participants: "9", note: "" })),
    },
  },
  "routes/org/unit": {
    loader: { request: (w, side) => ({ url: `/org/units/${w[side].unit}`, params: { id: w[side].unit } }), inside: organizers, outside: [] },
    action: Object.fromEntries(unitIntents.map((intent) => [intent, unitAction(intent, organizers, false)])),
  },
  "routes/admin/units": {
    loader: { request: (w, side) => ({ url: `/admin/units?unit=${w[side].unit}` }), inside: ["admin"], outside: [] },
    action: Object.fromEntries(unitIntents.map((intent) => [intent, unitAction(intent, ["admin"], true)])),
  },
  "routes/admin/planning": {
    // Terms, requirements and rules are the same for every unit: the probes have no target in a unit.
    loader: { request: () => ({ url: "/admin/planning" }), inside: ["admin"] },
    action: {
      addTerm: planningRulesAction({ intent: "addTerm", key: "2035-2030" }),
      addRequirement: planningRulesAction({ intent: "addRequirement", position: "hoi_chu_tich", unitLevel: "commune", item: "khong-co" }),
      endRequirement: planningRulesAction({ intent: "endRequirement", requirementId: "khong-co", effectiveTo: "2030-01-01" }),
      addRule: planningRulesAction({ intent: "addRule", key: "planning-women-share", value: "200" }),
    },
  },
  "routes/org/membership": {
    loader: { request: (w, side) => ({ url: `/org/membership?unit=${w[side].unit}&period=2019-H1` }), inside: organizers, outside: [] },
  },
  "routes/org/membership-edit": {
    loader: { request: (w, side) => ({ url: `/org/membership/edit?unit=${w[side].unit}&period=2019-H1` }), inside: organizers, outside: [] },
    action: { "-": { request: (w, side) => ({ url: `/org/membership/edit?unit=${w[side].unit}&period=2019-H1`, form: { members: "-1" } }), inside: organizers, outside: [] } },
  },
  "routes/org/models": {
    loader: { request: (w, side) => ({ url: `/org/models?unit=${w[side].unit}` }), inside: organizers, outside: [] },
    action: Object.fromEntries(["create", "effective", "end", "replicate"].map((intent) => [intent, modelAction(intent)])),
  },
  "routes/org/classes": {
    loader: { request: (w, side) => ({ url: `/org/classes?unit=${w[side].unit}` }), inside: organizers, outside: [] },
  },
  "routes/classes/record": {
    loader: { request: (w, side) => ({ url: `/classes?unit=${w[side].unit}` }), inside: writers, outside: [] },
    action: { "-": { request: (w, side) => ({ url: `/classes?unit=${w[side].unit}`, form: { place: "" } }), inside: writers, outside: [] } },
  },
  "routes/classes/recorded": {
    loader: { request: () => ({ url: "/classes/recorded" }), inside: writers },
  },
  "routes/classes/edit": {
    loader: { request: async (w, side) => classAt(await w[side].classSession()), inside: writers, outside: [] },
    action: {
      save: { request: async (w, side) => ({ ...classAt(await w[side].classSession()), form: { intent: "save", heldOn: "" } }), inside: writers, outside: [] },
      delete: { request: async (w, side) => ({ ...classAt(await w[side].classSession()), form: { intent: "delete", confirm: "on" } }), inside: writers, outside: [] },
    },
  },
  "routes/org/pipeline": {
    loader: { request: (w, side) => ({ url: `/org/pipeline?unit=${w[side].unit}&term=${termKey}` }), inside: organizers, outside: [] },
  },
  "routes/org/pipeline-stage": {
    loader: { request: (w, side) => ({ url: `/org/pipeline/planned?unit=${w[side].unit}&term=${termKey}&gender=female`, params: { stage: "planned" } }), inside: organizers, outside: [] },
  },
  "routes/org/planning-warnings": {
    loader: { request: (w, side) => ({ url: `/org/planning/warnings?unit=${w[side].unit}&term=${termKey}` }), inside: organizers, outside: [] },
  },
  "routes/org/committees": {
    loader: { request: (w, side) => ({ url: `/org/planning/${w[side].unit}/${termKey}/committees`, params: { unitId: w[side].unit, term: termKey } }), inside: organizers, outside: [] },
    action: {
      committee: committeesAction(() => ({ intent: "committee", kind: "party_executive", seats: "không số", formedOn: "" })),
      outcome: committeesAction((w, side) => ({ intent: "outcome", committee: w[side].committee, person: w[side].person, position: "dang_uy_vien_ban_chap_hanh", how: "elected", on: "" })),
      removeOutcome: committeesAction(async (w, side) => ({ intent: "removeOutcome", member: await w[side].committeeMember() })),
    },
  },
  "routes/org/import/index": {
    loader: { request: () => ({ url: "/org/import" }), inside: organizers },
    action: { "-": { request: () => ({ url: "/org/import", form: { kind: "cadres" } }), inside: organizers } },
  },
  "routes/org/import/template": {
    loader: { request: () => ({ url: "/org/import/template/cadres", params: { kind: "cadres" } }), inside: organizers },
  },
  "routes/org/import/job": {
    // Only the one who uploaded a file sees its job; for everyone else it does not exist.
    loader: { request: (w, side) => ({ url: `/org/import/${w[side].job}`, params: { id: w[side].job } }), inside: ["organizer"], outside: [] },
    action: { "-": { request: (w, side) => ({ url: `/org/import/${w[side].job}`, params: { id: w[side].job }, form: {} }), inside: ["organizer"], outside: [] } },
  },
  "routes/account/password": {
    loader: { request: () => ({ url: "/account/password" }), inside: signedIn },
    action: { "-": { request: () => ({ url: "/account/password", form: { current: "", password: "", confirm: "" } }), inside: signedIn } },
  },
  "routes/author/index": {
    loader: { request: () => ({ url: "/author" }), inside: writers },
    action: {
      "-": {
        request: (w, side) => ({ url: "/author", form: { slug: fresh("khoa-ma-tran"), title: "Khóa ma trận", ownerUnitId: w[side].unit } }),
        inside: writers,
        outside: [],
      },
    },
  },
  "routes/author/preview": {
    action: { "-": { request: () => ({ url: "/author/preview", form: { name: "01-bai-mo-dau.mdx", source: lessonSource } }), inside: writers } },
  },
  "routes/author/course": {
    loader: { request: (w, side) => ({ url: `/author/${w[side].course}`, params: courseParams(w, side) }), inside: writers, outside: [] },
    action: {
      publish: authorAction(() => ({ intent: "publish" })),
      addLesson: authorAction(() => ({ intent: "addLesson", name: `${String((serial % 90) + 10)}-${fresh("bai")}`, title: "Bài thêm" })),
      restore: authorAction(() => ({ intent: "restore", version: "1" })),
      recertify: authorAction(() => ({ intent: "recertify", version: "1", required: "false" })),
    },
  },
  "routes/author/file": {
    loader: { request: (w, side) => ({ url: `/author/${w[side].course}/files/01-bai-mo-dau.mdx`, params: courseParams(w, side) }), inside: writers, outside: [] },
    action: {
      "-": {
        request: (w, side) => ({ url: `/author/${w[side].course}/files/01-bai-mo-dau.mdx`, params: courseParams(w, side), form: { source: lessonSource } }),
        inside: writers,
        outside: [],
      },
    },
  },
  "routes/author/reflections": {
    loader: { request: (w, side) => ({ url: `/author/${w[side].course}/reflections`, params: courseParams(w, side) }), inside: writers, outside: [] },
  },
  "routes/verify-form": {
    action: { "-": { request: () => ({ url: "/verify", form: { code: "ABCD-EFGH" } }), inside: everyone } },
  },
  "routes/verify": {
    loader: { request: (w) => ({ url: `/verify/${w.outside.certificate("learner")}`, params: { code: w.outside.certificate("learner") } }), inside: everyone },
  },
  "routes/certificate-pdf": {
    loader: {
      request: (w, side, who) => ({ url: `/certificates/${w[side].certificate(who)}.pdf`, params: { code: w[side].certificate(who) } }),
      inside: signedIn,
      outside: [],
    },
  },
  "routes/not-found": {
    loader: { request: () => ({ url: "/khong-co-trang-nay" }), inside: [], anonymous: 404 },
    action: { "-": { request: () => ({ url: "/khong-co-trang-nay", form: {} }), inside: [], anonymous: 404 } },
  },
};

// ---- the routes as React Router reads them ----

const appFile = (file: string) => path.resolve("app", file);

function missingEntry(route: { id: string; path: string }, parts: string[]) {
  return [
    `Route "${route.id}" (${route.path}) is not fully in the authorization matrix: ${parts.join("; ")}.`,
    `Add it to \`matrix\` in tests/unit/authorization-matrix.test.ts, e.g.`,
    `  "${route.id}": {`,
    `    loader: { request: (w, side) => ({ url: \`${route.path.replace(/:(\w+)/g, "${…}")}\`, params: { … } }), inside: ["organizer", "admin"], outside: [] },`,
    `    action: { "<intent, or - when the action has one>": { request: (w, side) => ({ url: …, form: { … } }), inside: […], outside: [] } },`,
    `  },`,
    `(inside/outside: the roles held on district A that get through when the target is in district A / in district B;`,
    ` leave outside out when the route has no target in a unit.)`,
  ].join("\n");
}

// ---- the world every probe runs in ----

let world: World;
const users = {} as Record<Role, string>;

async function publishedCourse(slug: string, unit: TreeUnit, trainer: string) {
  await createDraftCourse(db, { slug, title: `Khóa ${slug}` }, unit.id);
  const roles = [{ role: "trainer" as const, unitId: unit.id, unitPath: unit.path, unitName: "" }];
  const course = await requireAuthoredCourse(db, slug, roles);
  expect(await publishDraft(db, trainer, course, course.files)).toMatchObject({ ok: true });
  return db.course.findUniqueOrThrow({ where: { slug }, select: { id: true, title: true, version: true } });
}

beforeAll(async () => {
  const province = await ensureUnit(db, { code: "MT0", name: "Tỉnh Ma Trận", level: "province", kind: "tinh", parent: null });
  const a = await ensureUnit(db, { code: "MTA", name: "Huyện A", level: "district", kind: "huyen", parent: province });
  const b = await ensureUnit(db, { code: "MTB", name: "Huyện B", level: "district", kind: "huyen", parent: province });
  for (const role of signedIn) users[role] = await createPersonWithRole(db, role, a, `Người ${role}`);
  const trainerB = await createPersonWithRole(db, "trainer", b);
  const learnerB = await createPersonWithRole(db, "learner", b);
  const [personA, personB] = [await createPersonWithRole(db, "learner", a, "Cán bộ A"), await createPersonWithRole(db, "learner", b, "Cán bộ B")];
  const communeOf = (district: TreeUnit) => ensureUnit(db, { code: `${district.id}-xa`, name: "Xã", level: "commune", kind: "xa", parent: district });
  const model = async (district: TreeUnit) => {
    const commune = await communeOf(district);
    const branch = await ensureUnit(db, { code: `${district.id}-ap`, name: "Chi hội ấp", level: "branch", kind: "ap", parent: commune });
    return (await db.unionModel.create({ data: { unitId: branch.id, kind: "club", name: "Câu lạc bộ", members: 20, startedOn: new Date("2020-01-01") }, select: { id: true } })).id;
  };
  // Failed jobs: confirming one starts nothing.
  const job = async (userId: string, unitId: string) =>
    (await db.importJob.create({ data: { userId, unitId, kind: "cadres", fileName: "can-bo.csv", sha256: "-", content: new Uint8Array(), status: "failed" }, select: { id: true } })).id;
  const courseA = await publishedCourse("khoa-huyen-a", a, users.trainer);
  const courseB = await publishedCourse("khoa-huyen-b", b, trainerB);
  invalidateCatalog();
  const certificates = Object.fromEntries(
    await Promise.all(signedIn.map(async (role) => [role, (await issueCertificate(db, { userId: users[role], course: courseA })).code] as const)),
  ) as Record<Role, string>;
  const outsideCertificate = (await issueCertificate(db, { userId: learnerB, course: courseB })).code;
  await ensurePlanningDefaults(db);
  const term = await db.term.findUniqueOrThrow({ where: { key: "2025-2030" }, select: { id: true } });
  const planningEntry = (unit: TreeUnit) => async () => {
    const userId = await createPersonWithRole(db, "learner", unit, fresh("Cán bộ quy hoạch"));
    return (await db.planningEntry.create({ data: { userId, unitId: unit.id, termId: term.id, position: "dang_uy_vien_ban_chap_hanh", status: "proposed" }, select: { id: true } })).id;
  };
  const committee = async (unitId: string) => (await db.committee.create({ data: { unitId, termId: term.id, kind: "party_executive", seats: 500, formedOn: new Date() }, select: { id: true } })).id;
  const [committeeA, committeeB] = [await committee(a.id), await committee(b.id)];
  const member = (committeeId: string, userId: string) => async () =>
    (await db.committeeMember.create({ data: { committeeId, userId, position: fresh("p"), how: "elected", on: new Date() }, select: { id: true } })).id;
  const requirement = (unitId: string, courseId: string) => async () =>
    (await db.courseRequirement.create({ data: { courseId, unitId, position: fresh("p"), dueOn: new Date(), createdById: "ma-tran" }, select: { id: true } })).id;
  const classSession = (district: TreeUnit, courseId: string, recordedById: string) => async () =>
    (await db.classSession.create({ data: { courseId, unitId: (await communeOf(district)).id, heldOn: new Date("2025-03-15"), place: "Hội trường", recordedById }, select: { id: true } })).id;
  world = {
    now: Date.now(),
    inside: { unit: a.id, person: personA, model: await model(a), job: await job(users.organizer, a.id), course: "khoa-huyen-a", requirement: requirement(a.id, courseA.id), certificate: (who) => certificates[who as Role] ?? "KHONGCO1", planningEntry: planningEntry(a), committee: committeeA, committeeMember: member(committeeA, personA), classSession: classSession(a, courseA.id, trainerB) },
    outside: { unit: b.id, person: personB, model: await model(b), job: await job(trainerB, b.id), course: "khoa-huyen-b", requirement: requirement(b.id, courseB.id), certificate: () => outsideCertificate, planningEntry: planningEntry(b), committee: committeeB, committeeMember: member(committeeB, personB), classSession: classSession(b, courseB.id, trainerB) },
    unknown: { unit: "khong-co-don-vi", person: "khong-co-nguoi", model: "khong-co-mo-hinh", job: "khong-co-viec", course: "khong-co-khoa", requirement: async () => "khong-co-yeu-cau", certificate: () => "ZZZZ-ZZZZ", planningEntry: async () => "khong-co-muc", committee: "khong-co-cap-uy", committeeMember: async () => "khong-co-ket-qua", classSession: async () => "khong-co-lop" },
  };
}, 180_000);

// ---- running a probe ----

type Module = { loader?: (args: unknown) => unknown; action?: (args: unknown) => unknown };
const modules = new Map<string, Promise<Module>>();
const load = (file: string) => modules.get(file) ?? modules.set(file, import(appFile(file)) as Promise<Module>).get(file)!;

type Seen = { status: number; toLogin: boolean };
async function run(file: string, kind: "loader" | "action", probe: Probe, side: Side, who: Who): Promise<Seen> {
  const spec = await probe.request(world, side, who);
  const url = `http://localhost${spec.url}`;
  const request = spec.form ? new Request(url, { method: "POST", body: new URLSearchParams(spec.form) }) : new Request(url);
  const context = await contextFor(db, who === "anonymous" ? null : users[who]);
  const handler = (await load(file))[kind]!;
  const result = await outcome(() => handler(routeArgs(request, context, spec.params ?? {})));
  // A thrown error is a bug, not a refusal: it must not pass as an answer.
  if (result instanceof Error) throw result;
  const location = result instanceof Response ? result.headers.get("Location") : null;
  return { status: statusOf(result), toLogin: location?.startsWith("/login?redirectTo=") ?? false };
}

const refused = (seen: Seen) => seen.toLogin || seen.status === 403 || seen.status === 404;

async function check(route: { id: string; file: string }, kind: "loader" | "action", probe: Probe, label: string) {
  const sides: Side[] = probe.outside ? ["inside", "outside", "unknown"] : ["inside"];
  const problems: string[] = [];
  for (const who of everyone) {
    const seen = {} as Record<Side, Seen>;
    for (const side of sides) {
      seen[side] = await run(route.file, kind, probe, side, who);
      const allowed = (side === "inside" ? probe.inside : side === "outside" ? probe.outside! : []).includes(who);
      const got = `${seen[side].status}${seen[side].toLogin ? " to sign-in" : ""}`;
      if (allowed && refused(seen[side])) problems.push(`${label} ${who} ${side}: expected through, got ${got}`);
      if (!allowed) {
        const expected = who === "anonymous" ? (probe.anonymous === 404 ? seen[side].status === 404 : seen[side].toLogin) : refused(seen[side]);
        if (!expected) problems.push(`${label} ${who} ${side}: expected ${who === "anonymous" ? (probe.anonymous === 404 ? "404" : "sign-in") : "403/404"}, got ${got}`);
      }
    }
    if (probe.outside && who !== "anonymous" && !probe.outside.includes(who) && seen.outside.status !== seen.unknown.status)
      problems.push(`${label} ${who}: outside answered ${seen.outside.status}, an unknown id ${seen.unknown.status}; they must be the same`);
  }
  expect(problems, route.id).toEqual([]);
}

// ---- the tests ----

test("every entry of the matrix is a route of app/routes.ts", () => {
  const ids = new Set(routeTable.map((r) => r.id));
  expect(Object.keys(matrix).filter((id) => !ids.has(id)), "matrix entries for routes that no longer exist").toEqual([]);
});

describe.each(routeTable)("$id ($path)", (route) => {
  test("has a loader entry and an entry for every action intent", async () => {
    const module = await load(route.file);
    const cases = matrix[route.id];
    const parts: string[] = [];
    if (!cases) parts.push("no entry");
    if (module.loader && !cases?.loader) parts.push("its loader has no probe");
    if (module.action) {
      const intents = intentsOf(route.file);
      const wanted = intents.length ? intents : ["-"];
      const missing = wanted.filter((intent) => !cases?.action?.[intent]);
      if (missing.length) parts.push(`its action has no probe for ${missing.map((i) => (i === "-" ? "the action" : `intent "${i}"`)).join(", ")}`);
    }
    if (parts.length) expect.fail(missingEntry(route, parts));
  });

  test("lets through exactly who the matrix says", async () => {
    const cases = matrix[route.id];
    if (!cases) return expect.fail(missingEntry(route, ["no entry"]));
    if (cases.loader) await check(route, "loader", cases.loader, "loader");
    for (const [intent, probe] of Object.entries(cases.action ?? {})) await check(route, "action", probe, `action ${intent}`);
  }, 120_000);
});
