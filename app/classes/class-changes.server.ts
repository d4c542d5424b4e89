import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import { canOnUnit, hasPermission, scopesFor, type ScopedRole } from "#app/auth/permissions.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { isoDay } from "#app/org/days.ts";
import { settleAttendance, withdrawClassCompletion } from "#app/progress/steps.server.ts";
import { classListSize, classRoster, rosterRows, type ClassInput } from "./classes.server.ts";

/** The edit page's two forms: save the class as changed, or delete it (with its box ticked). */
export const classChangeForm = z.object({ intent: z.enum(["save", "delete"]) });
export const deleteConfirmed = (form: FormData) => form.get("confirm") === "on";

type Actor = { id: string; roles: readonly ScopedRole[] };

/** Who may change a recorded class: the trainer who recorded it, and anyone who records classes for its unit or a unit above. */
export function mayChangeClass(actor: Actor, session: { recordedById: string; unit: { path: string } }) {
  return canOnUnit(actor.roles, "class:record", session.unit.path) || (session.recordedById === actor.id && hasPermission(actor.roles, "class:record"));
}

/** A class the actor may change, or null: an unknown id and a class out of her reach are the same answer. */
export async function changeableClass(db: Db, actor: Actor, id: string) {
  const session = await db.classSession.findUnique({
    where: { id },
    select: {
      id: true, courseId: true, heldOn: true, place: true, recordedById: true,
      unit: { select: { id: true, name: true, path: true, validFrom: true, validTo: true } },
      recordedBy: { select: { name: true } },
      attendance: { select: { userId: true } },
    },
  });
  if (!session || !mayChangeClass(actor, session)) return null;
  // Her own class in a unit her scope has left: she may correct it, not read the unit's roster of today.
  return { ...session, inScope: canOnUnit(actor.roles, "class:record", session.unit.path) };
}
export type ChangeableClass = NonNullable<Awaited<ReturnType<typeof changeableClass>>>;

const attendeesOf = (session: ChangeableClass) => session.attendance.map((a) => a.userId);

/** The edit page: the class, and the unit's roster on its day with whoever attended it even if she has since left. */
export async function editPage(db: Db, session: ChangeableClass, course: CatalogCourse) {
  const roster = await classRoster(db, session.inScope ? session.unit : null, session.heldOn, attendeesOf(session));
  return {
    session: { id: session.id, heldOn: session.heldOn, place: session.place, unitId: session.unit.id, unit: session.unit.name, recordedBy: session.recordedBy.name, attendees: attendeesOf(session) },
    course: { title: course.title },
    roster: rosterRows(roster.people),
    rosterCut: roster.cut,
  };
}

/**
 * Changes a class's day, place and attendees, audited with before and after, in the caller's transaction. Someone
 * no longer on it (or everyone, when the day moved, which decides whether it counts) loses what it alone granted:
 * `withdrawClassCompletion` decides her course again by the one rule; someone added completes as at recording.
 */
/** Who attended, read in the change's transaction: another change may have landed since the page was read. Null: the class is gone. */
async function attendeesNow(tx: DbTx, session: ChangeableClass) {
  const found = await tx.classSession.findUnique({ where: { id: session.id }, select: { attendance: { select: { userId: true } } } });
  return found && found.attendance.map((a) => a.userId);
}

/** Changes a class, audited, in the caller's transaction; false when it was deleted meanwhile. */
export async function updateClass(tx: DbTx, actorId: string, session: ChangeableClass, { course, heldOn, place, attendeeIds }: ClassInput) {
  const before = await attendeesNow(tx, session);
  if (!before) return false;
  const removed = before.filter((id) => !attendeeIds.includes(id));
  await tx.classSession.update({ where: { id: session.id }, data: { heldOn, place } });
  await tx.classAttendance.deleteMany({ where: { sessionId: session.id, userId: { in: removed } } });
  await tx.classAttendance.createMany({ data: attendeeIds.filter((id) => !before.includes(id)).map((userId) => ({ sessionId: session.id, userId })) });
  const withdrawn: string[] = [];
  for (const userId of heldOn.getTime() === session.heldOn.getTime() ? removed : before) withdrawn.push(...(await withdrawClassCompletion(tx, userId, course, session.id)));
  for (const userId of attendeeIds) await settleAttendance(tx, userId, course);
  await recordAudit(tx, {
    actorId, action: "class.update", entity: "ClassSession", entityId: session.id, unitPath: session.unit.path,
    before: { course: course.slug, heldOn: isoDay(session.heldOn), place: session.place, attendees: before },
    after: { course: course.slug, heldOn: isoDay(heldOn), place, attendees: attendeeIds, withdrawnCertificates: withdrawn },
  });
  return true;
}

/** Deletes a class recorded by mistake, audited, in the caller's transaction: it grants nobody anything any more. False when it was already gone. */
export async function deleteClass(tx: DbTx, actorId: string, session: ChangeableClass, course: CatalogCourse) {
  const attendees = await attendeesNow(tx, session);
  if (!attendees) return false;
  // Gone from her classes first, so deciding her course again no longer finds it.
  await tx.classAttendance.deleteMany({ where: { sessionId: session.id } });
  const withdrawn: string[] = [];
  for (const userId of attendees) withdrawn.push(...(await withdrawClassCompletion(tx, userId, course, session.id)));
  await tx.classSession.delete({ where: { id: session.id } });
  await recordAudit(tx, {
    actorId, action: "class.delete", entity: "ClassSession", entityId: session.id, unitPath: session.unit.path,
    before: { course: course.slug, heldOn: isoDay(session.heldOn), place: session.place, attendees },
    after: { withdrawnCertificates: withdrawn },
  });
  return true;
}

/** The trainer's "classes recorded": those of the units she records classes for and those she recorded, newest first. */
export function recordedClasses(db: Db, actor: Actor) {
  const within = scopesFor(actor.roles, "class:record").map((scope) => ({ unit: { path: { startsWith: scope.unitPath } } }));
  return db.classSession.findMany({
    where: { OR: [{ recordedById: actor.id }, ...within] },
    orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }],
    take: classListSize,
    select: { id: true, heldOn: true, place: true, course: { select: { title: true } }, unit: { select: { name: true } }, _count: { select: { attendance: true } } },
  });
}
