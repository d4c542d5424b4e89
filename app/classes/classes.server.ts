import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import { canOnUnit, courseReaches, type ScopedRole } from "#app/auth/permissions.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { isoDay } from "#app/org/days.ts";
import { unitTrail } from "#app/org/learning-report.server.ts";
import { heldOn as holdingOn } from "#app/people/holdings.server.ts";
import { settleAttendance } from "#app/progress/steps.server.ts";

/** A class is held in a commune, for the commune or one of its branches: higher units pick one of these first. */
export const classLevels = ["commune", "branch", "group"] as const;
export const holdsClasses = (unit: { level: string }) => (classLevels as readonly string[]).includes(unit.level);

// A commune's roster is a few dozen cadres; the bound keeps a form that lists a bigger subtree honest.
export const rosterLimit = 500;

type ClassUnit = { id: string; path: string; validFrom: Date | null; validTo: Date | null };

/**
 * A roster that stops at the bound: it shows `shown` of the unit's `total` cadres, the first by name and, past them,
 * `kept` attendees of the class being edited. `unitsBelow`: the others are reached by recording a class for a unit
 * below; without one, no page reaches them (the name filter searches only the roster shown).
 */
export type RosterCut = { shown: number; total: number; kept: number; unitsBelow: boolean };

/**
 * Who may be marked present: the cadres of the unit and its branches, not deactivated, by name; and an edited class's
 * attendees (`kept`), past the bound too: one left off the form would be taken off the class when it is saved.
 * No unit (a recorder whose scope has left it, correcting her own class): its attendees only. `cut` says when the
 * unit has more cadres than the bound lets the form list, so the page can say that people are missing.
 */
export async function classRoster(db: Db, unit: { id: string; path: string } | null, on: Date, kept: readonly string[] = []) {
  const select = {
    id: true, name: true,
    unit: { select: { name: true } },
    holdings: { where: holdingOn(on), select: { position: true }, orderBy: { from: "asc" } },
  } as const;
  const orderBy = [{ name: "asc" }, { id: "asc" }] as const;
  const cadresOf = unit && { unit: { path: { startsWith: unit.path } }, deactivatedAt: null };
  const [cadres, attendees] = await Promise.all([
    cadresOf ? db.user.findMany({ where: cadresOf, orderBy: [...orderBy], take: rosterLimit, select }) : [],
    kept.length > 0 ? db.user.findMany({ where: { id: { in: [...kept] } }, select }) : [],
  ]);
  const listed = new Set(cadres.map((p) => p.id));
  const missing = attendees.filter((p) => !listed.has(p.id));
  const cut = unit && cadresOf && cadres.length === rosterLimit ? await cutOf(db, unit, cadresOf, missing.map((p) => p.id)) : null;
  if (missing.length === 0) return { people: cadres, cut };
  return { people: [...cadres, ...missing].sort((a, b) => a.name.localeCompare(b.name, "vi") || a.id.localeCompare(b.id)), cut };
}

/** A full roster's cut, if any: the attendees listed past the bound who are still the unit's cadres are shown too. */
async function cutOf(db: Db, unit: { id: string }, cadresOf: Prisma.UserWhereInput, missing: readonly string[]): Promise<RosterCut | null> {
  const [total, kept, below] = await Promise.all([
    db.user.count({ where: cadresOf }),
    missing.length > 0 ? db.user.count({ where: { ...cadresOf, id: { in: [...missing] } } }) : 0,
    db.orgUnit.count({ where: { parentId: unit.id } }),
  ]);
  const shown = rosterLimit + kept;
  return shown < total ? { shown, total, kept, unitsBelow: below > 0 } : null;
}

/** The roster as a class form shows it: each person with her unit and the positions she holds on the roster's day. */
export const rosterRows = (people: Awaited<ReturnType<typeof classRoster>>["people"]) =>
  people.map((p) => ({ id: p.id, name: p.name, unitName: p.unit.name, positions: p.holdings.map((h) => h.position) }));

/** The day whose positions the roster shows: today, or a closed unit's last day. */
const rosterDay = (unit: ClassUnit, now: Date) => (unit.validTo && unit.validTo <= now ? new Date(unit.validTo.getTime() - 1) : now);

/**
 * The record page for a unit in the trainer's scope: the way up (when in scope) and down the tree, and where the
 * unit holds classes, the courses and roster the form offers; with the class just recorded there, if any.
 */
export async function recordPage(db: Db, roles: readonly ScopedRole[], unit: ClassUnit & { name: string; level: string; parentId: string | null }, courses: readonly CatalogCourse[], now: Date, recordedId: string | null) {
  const day = rosterDay(unit, now);
  const [parent, children, roster, recorded] = await Promise.all([
    unit.parentId ? db.orgUnit.findUnique({ where: { id: unit.parentId }, select: { id: true, name: true, path: true } }) : null,
    db.orgUnit.findMany({ where: { parentId: unit.id }, orderBy: [{ code: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    holdsClasses(unit) ? classRoster(db, unit, day) : { people: [], cut: null },
    recordedId
      ? db.classSession.findFirst({
          where: { id: recordedId, unit: { path: { startsWith: unit.path } } },
          select: { heldOn: true, _count: { select: { attendance: true, certificates: true } } },
        })
      : null,
  ]);
  return {
    unit: { id: unit.id, name: unit.name, holdsClasses: holdsClasses(unit) },
    parent: parent && canOnUnit(roles, "class:record", parent.path) ? { id: parent.id, name: parent.name } : null,
    children,
    courses: holdsClasses(unit) ? classCourses(courses, unit).map((c) => ({ id: c.id, title: c.title, completes: c.rule.attendance === "completes" })) : [],
    roster: rosterRows(roster.people),
    rosterCut: roster.cut,
    /** the form's default day */
    day,
    recorded: recorded ? { heldOn: recorded.heldOn, attendees: recorded._count.attendance, completed: recorded._count.certificates } : null,
  };
}

/** The courses a class may be held for in the unit: those its people can learn. */
export const classCourses = <C extends Pick<CatalogCourse, "ownerUnitId">>(courses: readonly C[], unit: { path: string }) =>
  courses.filter((c) => courseReaches(c.ownerUnitId, unit.path));

export type ClassError = "classes.error.course" | "classes.error.date" | "classes.error.future" | "classes.error.closed" | "classes.error.place" | "classes.error.attendees" | "classes.error.self";

const classForm = z.object({
  courseId: z.string({ error: "classes.error.course" }).min(1, "classes.error.course"),
  heldOn: dayField("classes.error.date"),
  place: z.string({ error: "classes.error.place" }).trim().min(2, "classes.error.place").max(200, "classes.error.place"),
  attendees: z.array(z.string()).min(1, "classes.error.attendees").max(rosterLimit, "classes.error.attendees"),
});

export type ClassInput = { course: CatalogCourse; heldOn: Date; place: string; attendeeIds: string[] };

/**
 * Reads a posted class: a course its people learn, a day that has come and on which the unit existed, a place, and
 * at least one attendee, every one of them on the unit's roster, and not the person recording it: where attending
 * completes a course, nobody certifies her own attendance. Errors name the field they belong to. A class being
 * edited keeps its course and may keep its attendees; out of the editor's scope, it may only lose some.
 */
export async function parseClass(db: Db, unit: ClassUnit, courses: readonly CatalogCourse[], form: FormData, now: Date, recorderId: string, edited?: { course: CatalogCourse; attendeeIds: readonly string[]; inScope: boolean }) {
  const parsed = classForm.safeParse({
    courseId: edited ? edited.course.id : (form.get("courseId") ?? undefined),
    heldOn: form.get("heldOn") ?? undefined,
    place: form.get("place") ?? undefined,
    attendees: form.getAll("attendees").map(String),
  });
  const errors: Partial<Record<"courseId" | "heldOn" | "place" | "attendees", ClassError>> = {};
  for (const issue of parsed.error?.issues ?? []) errors[String(issue.path[0]) as keyof typeof errors] ??= issue.message as ClassError;
  const course = edited?.course ?? classCourses(courses, unit).find((c) => c.id === form.get("courseId"));
  if (!course) errors.courseId = "classes.error.course";
  if (parsed.success) {
    const day = parsed.data.heldOn;
    if (day > now) errors.heldOn = "classes.error.future";
    else if ((unit.validFrom && day < unit.validFrom) || (unit.validTo && day >= unit.validTo)) errors.heldOn = "classes.error.closed";
    const roster = new Set((await classRoster(db, !edited || edited.inScope ? unit : null, day, edited?.attendeeIds)).people.map((p) => p.id));
    if (!parsed.data.attendees.every((id) => roster.has(id))) errors.attendees = "classes.error.attendees";
    else if (parsed.data.attendees.includes(recorderId)) errors.attendees = "classes.error.self";
  }
  if (!parsed.success || !course || Object.keys(errors).length > 0) return { ok: false as const, errors };
  const input: ClassInput = { course, heldOn: parsed.data.heldOn, place: parsed.data.place, attendeeIds: [...new Set(parsed.data.attendees)] };
  return { ok: true as const, input };
}

/**
 * Records a class and who attended, audited, in the caller's transaction (the form's idempotency key is stored
 * in it too: app/http/once.server.ts); each attendee's course is completed where its rule says attending does.
 */
export async function recordClass(tx: DbTx, actorId: string, unit: { id: string; path: string }, { course, heldOn, place, attendeeIds }: ClassInput) {
  const session = await tx.classSession.create({
    data: { courseId: course.id, unitId: unit.id, heldOn, place, recordedById: actorId, attendance: { createMany: { data: attendeeIds.map((userId) => ({ userId })) } } },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId, action: "class.record", entity: "ClassSession", entityId: session.id, unitPath: unit.path,
    after: { course: course.slug, heldOn: isoDay(heldOn), place, attendees: attendeeIds },
  });
  let completed = 0;
  for (const userId of attendeeIds) {
    const progress = await settleAttendance(tx, userId, course);
    if (progress?.completedAt && !progress.needsRefresh) completed++;
  }
  return { id: session.id, attendees: attendeeIds.length, completed };
}

/** One level of the tree for the organizer's classes page: per unit below, the classes held in its subtree and the people who attended them. */
export async function classesByChild(db: Db, unit: { id: string }) {
  const rows = await db.$queryRaw<{ id: string; classes: number | bigint; attendees: number | bigint }[]>`
    select c."id" as "id", count(distinct s."id") as "classes", count(distinct a."userId") as "attendees"
    from "OrgUnit" c
    join "OrgUnit" u on substr(u."path", 1, length(c."path")) = c."path"
    join "ClassSession" s on s."unitId" = u."id"
    left join "ClassAttendance" a on a."sessionId" = s."id"
    where c."parentId" = ${unit.id}
    group by c."id"`;
  return new Map(rows.map((r) => [r.id, { classes: Number(r.classes), attendees: Number(r.attendees) }]));
}

export const classListSize = 50;

/** The classes held in a unit's subtree, newest first, with their totals; the list stops at `classListSize`. */
export async function classesWithin(db: Db, unit: { path: string }) {
  const where = { unit: { path: { startsWith: unit.path } } };
  const below = `${unit.path.replace(/[\\%_]/g, "\\$&")}%`;
  const [total, [people], list] = await Promise.all([
    db.classSession.count({ where }),
    db.$queryRaw<{ attendees: number | bigint }[]>`
      select count(distinct a."userId") as "attendees"
      from "ClassAttendance" a join "ClassSession" s on s."id" = a."sessionId" join "OrgUnit" u on u."id" = s."unitId"
      where u."path" like ${below} escape '\\'`,
    db.classSession.findMany({
      where,
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
      take: classListSize,
      select: {
        id: true, heldOn: true, place: true,
        course: { select: { title: true } },
        unit: { select: { name: true } },
        recordedBy: { select: { name: true } },
        _count: { select: { attendance: true } },
      },
    }),
  ]);
  return { total, attendees: Number(people?.attendees ?? 0), list };
}

/** The organizer's classes page for a unit she reads: the way up, the units below with their counts, and the classes of its subtree. */
export async function classesPage(db: Db, unit: { id: string; path: string }, readable: (path: string) => boolean) {
  const [trail, children, counts, within] = await Promise.all([
    unitTrail(db, unit, readable),
    db.orgUnit.findMany({ where: { parentId: unit.id }, orderBy: [{ level: "asc" }, { code: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    classesByChild(db, unit),
    classesWithin(db, unit),
  ]);
  return {
    trail: trail.map((u) => ({ id: u.id, name: u.name })),
    children: children.map((c) => ({ ...c, ...(counts.get(c.id) ?? { classes: 0, attendees: 0 }) })),
    ...within,
  };
}

/** The classes a cadre attended, newest first, and whether one earned her the course's certificate. */
export function classesAttended(db: Db, userId: string) {
  return db.classAttendance.findMany({
    where: { userId },
    orderBy: { session: { heldOn: "desc" } },
    select: {
      session: {
        select: {
          id: true, heldOn: true, place: true,
          course: { select: { title: true } },
          unit: { select: { name: true } },
          certificates: { where: { userId }, select: { code: true } },
        },
      },
    },
  });
}
