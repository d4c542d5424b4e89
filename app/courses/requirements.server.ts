import { pageOf } from "#app/http/paging.ts";
import { z } from "zod";
import { isoDay } from "#app/org/days.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { recordAudit } from "#app/audit/audit.server.ts";
import { canOnUnit, courseReaches, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { ancestorIds } from "#app/org/unit-path.ts";
import { heldOnSql } from "#app/people/holdings.server.ts";
import { isPosition, positions, type Position } from "#app/people/positions.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { completedEnrollmentWhere, completedInCoursesSql } from "#app/progress/refresh.server.ts";
import type { CatalogCourse, Recertification } from "./catalog.server.ts";

type Unit = { id: string; path: string; name: string };

// A due day is stored as its first moment in Vietnam (app/org/days.ts) and ends a day later.
const dueDayEndsAfterMs = 24 * 3_600_000;

/** Past due: the due day has ended in Vietnam. */
export const isOverdue = (dueOn: Date, now: Date) => now.getTime() >= dueOn.getTime() + dueDayEndsAfterMs;

export const requirementForm = (now: Date) =>
  z.object({
    course: z.string().min(1, "required.courseInvalid"),
    position: z.union([z.literal(""), z.enum(positions)], { error: "required.positionInvalid" }).transform((p) => (p === "" ? null : p)),
    dueOn: dayField("required.dueInvalid").refine((due) => !isOverdue(due, now), "required.duePast"),
  });
export type RequirementInput = { position: Position | null; dueOn: Date };

/** The courses an organizer may require of a unit: those its people can learn. */
export function coursesForUnit<C extends Pick<CatalogCourse, "ownerUnitId">>(courses: readonly C[], unit: { path: string }) {
  return courses.filter((course) => courseReaches(course.ownerUnitId, unit.path));
}

/** Requires a course of a unit (or of one position there) by a date; assigning the same again moves the date. */
export async function assignRequirement(db: Db, actorId: string, unit: Unit, course: { id: string; slug: string }, input: RequirementInput) {
  return db.$transaction(async (tx) => {
    const key = { courseId: course.id, unitId: unit.id, position: input.position };
    const before = await tx.courseRequirement.findFirst({ where: key, select: { id: true, dueOn: true } });
    const saved = before
      ? await tx.courseRequirement.update({ where: { id: before.id }, data: { dueOn: input.dueOn }, select: { id: true } })
      : await tx.courseRequirement.create({ data: { ...key, dueOn: input.dueOn, createdById: actorId }, select: { id: true } });
    const shown = (dueOn: Date) => ({ course: course.slug, unit: unit.name, position: input.position, dueOn: isoDay(dueOn) });
    await recordAudit(tx, {
      actorId,
      action: "requirement.assign",
      entity: "CourseRequirement",
      entityId: saved.id,
      unitPath: unit.path,
      before: before ? shown(before.dueOn) : undefined,
      after: shown(input.dueOn),
    });
    return saved;
  });
}

/** Withdraws a requirement the organizer's scope covers; false when there is none she may withdraw. */
export async function removeRequirement(db: Db, actor: { id: string; roles: readonly ScopedRole[] }, requirementId: string) {
  return db.$transaction(async (tx) => {
    const row = await tx.courseRequirement.findUnique({
      where: { id: requirementId },
      select: { id: true, position: true, dueOn: true, unit: { select: { name: true, path: true } }, course: { select: { slug: true } } },
    });
    if (!row || !canOnUnit(actor.roles, "course:assign", row.unit.path)) return false;
    await tx.courseRequirement.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "requirement.remove",
      entity: "CourseRequirement",
      entityId: row.id,
      unitPath: row.unit.path,
      before: { course: row.course.slug, unit: row.unit.name, position: row.position, dueOn: isoDay(row.dueOn) },
    });
    return true;
  });
}

/**
 * The courses required of one person, with the earliest due date of each: those required of a unit
 * holding her home unit, those required of a position she holds now in a unit below theirs, and those
 * assigned to her by name (planning assigns a position's missing courses).
 */
export async function requiredOf(db: Db, userId: string) {
  const me = await db.user.findUnique({
    where: { id: userId },
    select: { unit: { select: { path: true } }, holdings: { where: { to: null }, select: { position: true, unit: { select: { path: true } } } } },
  });
  if (!me) return new Map<string, Date>();
  const [rows, assigned] = await Promise.all([
    db.courseRequirement.findMany({
      where: {
        OR: [
          { position: null, unitId: { in: ancestorIds(me.unit.path) } },
          ...me.holdings.map((h) => ({ position: h.position, unitId: { in: ancestorIds(h.unit.path) } })),
        ],
      },
      select: { courseId: true, dueOn: true },
    }),
    db.courseAssignment.findMany({ where: { userId }, select: { courseId: true, dueOn: true } }),
  ]);
  const due = new Map<string, Date>();
  for (const r of [...rows, ...assigned]) if (!due.has(r.courseId) || r.dueOn < due.get(r.courseId)!) due.set(r.courseId, r.dueOn);
  return due;
}

/**
 * requiredOf as a condition on many people at once, for counting them in the database: the person whose id
 * is the column `userId` has at least one course required of her on `day` (of a unit holding her home unit,
 * of a position she held that day in a unit below the requirement's, or assigned to her by name) and has
 * completed every one of them by the one completion rule, each course judged by its own re-certification.
 */
export function completedEveryRequiredSql(userId: Prisma.Sql, day: Date, courses: readonly Pick<CatalogCourse, "id" | "recertification">[]) {
  const applies = Prisma.sql`(
    (r."position" is null and exists (select 1 from "User" ru_u join "OrgUnit" ru_h on ru_h."id" = ru_u."unitId" where ru_u."id" = ${userId} and ru_h."path" like ro."path" || '%'))
    or exists (select 1 from "PositionHolding" rh join "OrgUnit" rh_u on rh_u."id" = rh."unitId"
               where rh."userId" = ${userId} and rh."position" = r."position" and ${heldOnSql("rh", day)} and rh_u."path" like ro."path" || '%'))`;
  const required = Prisma.sql`(select r."courseId" as "courseId" from "CourseRequirement" r join "OrgUnit" ro on ro."id" = r."unitId" where ${applies}
    union select ra."courseId" from "CourseAssignment" ra where ra."userId" = ${userId})`;
  return Prisma.sql`(exists ${required}
    and not exists (select 1 from ${required} req where not exists (select 1 from "Enrollment" re where re."userId" = ${userId} and re."courseId" = req."courseId" and ${completedInCoursesSql("re", courses)})))`;
}

/** What a learner sees of a requirement: its date, and whether it has passed with the course not completed. */
export function requirementBadge(dueOn: Date | undefined, completed: boolean, now: Date) {
  return dueOn ? { dueOn: dueOn.toISOString(), overdue: !completed && isOverdue(dueOn, now) } : null;
}

export type UnitRequirement = Awaited<ReturnType<typeof requirementsAround>>[number];

/** Requirements that concern a unit: set on it or above (they apply to it), or on a unit below it. */
export function requirementsAround(db: Db, unit: { path: string }) {
  return db.courseRequirement.findMany({
    where: { OR: [{ unitId: { in: ancestorIds(unit.path) } }, { unit: { path: { startsWith: unit.path } } }] },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    select: { id: true, courseId: true, position: true, dueOn: true, unit: { select: { id: true, name: true, path: true } } },
  });
}

/** The people a requirement asks, within the unit being looked at (the deeper of the two subtrees). */
function askedOf(requirement: Pick<UnitRequirement, "position" | "unit">, within: { path: string }) {
  const path = requirement.unit.path.length > within.path.length ? requirement.unit.path : within.path;
  const inTree = { path: { startsWith: path } };
  return requirement.position === null
    ? { deactivatedAt: null, unit: inTree }
    : { deactivatedAt: null, holdings: { some: { position: requirement.position, to: null, unit: inTree } } };
}

const completedCourse = (courseId: string, recertification: Recertification | null) => ({
  enrollments: { some: { courseId, ...completedEnrollmentWhere(recertification) } },
});

export type RequirementStanding = { people: number; done: number; notDone: number; overdue: number };

/** Counted in the database: how many of those asked have completed the course, and how many are past due. */
export async function requirementStanding(
  db: Db,
  requirement: UnitRequirement,
  within: { path: string },
  recertification: Recertification | null,
  now: Date,
): Promise<RequirementStanding> {
  const asked = askedOf(requirement, within);
  const [people, done] = await Promise.all([
    db.user.count({ where: asked }),
    db.user.count({ where: { ...asked, ...completedCourse(requirement.courseId, recertification) } }),
  ]);
  const notDone = people - done;
  return { people, done, notDone, overdue: isOverdue(requirement.dueOn, now) ? notDone : 0 };
}

export const overduePerPage = 50;

/** Those asked who have not completed the course once it is past due, a page at a time. */
export async function overduePeople(db: Db, requirement: UnitRequirement, within: { path: string }, recertification: Recertification | null, page: number, now: Date) {
  if (!isOverdue(requirement.dueOn, now)) return { rows: [], total: 0, page: 1, pages: 1 };
  const where = { ...askedOf(requirement, within), NOT: completedCourse(requirement.courseId, recertification) };
  const total = await db.user.count({ where });
  const { page: shown, pages, skip } = pageOf(page, total, overduePerPage);
  const users = await db.user.findMany({
    where,
    orderBy: [{ unit: { path: "asc" } }, { name: "asc" }, { id: "asc" }],
    skip,
    take: overduePerPage,
    select: { id: true, name: true, unit: { select: { name: true } }, holdings: { where: { to: null }, select: { position: true }, orderBy: { from: "asc" } } },
  });
  return {
    rows: users.map((u) => ({ id: u.id, name: u.name, unit: u.unit.name, positions: u.holdings.map((h) => h.position).filter(isPosition) })),
    total,
    page: shown,
    pages,
  };
}
