import { canOnUnit, type ScopedRole } from "#app/auth/permissions.ts";
import { classesAttended } from "#app/classes/classes.server.ts";
import type { Catalog } from "#app/courses/catalog.server.ts";
import { isOverdue, requiredOf } from "#app/courses/requirements.server.ts";
import type { Db } from "#app/db.server.ts";
import { activeStatuses } from "#app/planning/lists.server.ts";
import { readinessOf, type PlannedCadre } from "#app/planning/readiness.server.ts";
import type { Readiness } from "#app/planning/readiness.ts";
import { isCompleted, needsRefresh } from "#app/progress/refresh.server.ts";

export type TrainingState = "completed" | "needs_refresh" | "in_progress";

const cadreFacts = { id: true, theoryLevel: true, partyMember: true, birthDate: true, birthYear: true, gender: true } as const;

/**
 * Everything about one cadre's preparation besides her profile and positions: her planning entries with their
 * dated history and readiness, her committee seats, and her training. Planning entries and seats show only
 * where the viewer may read the planning of their unit. Readiness is computed here, on read, from her
 * training as it is now and the positions' requirements in force today.
 */
export async function cadreRecord(db: Db, viewer: readonly ScopedRole[], userId: string, catalog: Catalog, now: Date) {
  const [cadre, entries, seats, enrollments, certificates, assignments, required, classes] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: cadreFacts }),
    db.planningEntry.findMany({
      where: { userId },
      orderBy: [{ term: { startsOn: "desc" } }, { createdAt: "asc" }],
      select: {
        id: true, position: true, status: true, reason: true,
        term: { select: { key: true, endsOn: true } },
        unit: { select: { name: true, path: true, level: true } },
        events: { orderBy: [{ on: "asc" }, { id: "asc" }], select: { id: true, on: true, status: true, reason: true } },
      },
    }),
    db.committeeMember.findMany({
      where: { userId },
      orderBy: { on: "desc" },
      select: { id: true, position: true, how: true, on: true, committee: { select: { kind: true, term: { select: { key: true } }, unit: { select: { name: true, path: true } } } } },
    }),
    db.enrollment.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, select: { courseId: true, courseVersion: true, startedAt: true, completedAt: true } }),
    db.certificate.findMany({
      where: { userId },
      orderBy: { issuedAt: "desc" },
      select: { code: true, courseTitle: true, courseVersion: true, issuedAt: true, classSessionId: true },
    }),
    db.courseAssignment.findMany({ where: { userId }, select: { courseId: true, dueOn: true } }),
    requiredOf(db, userId),
    classesAttended(db, userId),
  ]);
  const mayRead = (unitPath: string) => canOnUnit(viewer, "planning:read", unitPath);
  const visible = entries.filter((e) => mayRead(e.unit.path));

  // An ended term's list is history: readiness is what is still to be done for a term ahead or under way.
  const planned: PlannedCadre[] = visible
    .filter((e) => (activeStatuses as readonly string[]).includes(e.status) && e.term.endsOn > now)
    .map((e) => ({ entryId: e.id, position: e.position, unitLevel: e.unit.level, termEndsOn: e.term.endsOn, user: cadre }));
  const readiness = planned.length ? await readinessOf(db, planned, now, catalog) : new Map<string, Readiness>();

  const courseById = new Map(catalog.courses.map((c) => [c.id, c]));
  const missing = [...new Set([...enrollments.map((e) => e.courseId), ...required.keys()])].filter((id) => !courseById.has(id));
  const titles = new Map(
    (missing.length ? await db.course.findMany({ where: { id: { in: missing } }, select: { id: true, title: true } }) : []).map((c) => [c.id, c.title]),
  );
  const titleOf = (courseId: string) => courseById.get(courseId)?.title ?? titles.get(courseId) ?? courseId;

  const training = enrollments.map((e) => {
    const recertification = courseById.get(e.courseId)?.recertification;
    const state: TrainingState = isCompleted(e, recertification) ? "completed" : needsRefresh(e, recertification) ? "needs_refresh" : "in_progress";
    return { courseId: e.courseId, title: titleOf(e.courseId), startedAt: e.startedAt, completedAt: e.completedAt, state };
  });
  const stateOf = new Map(training.map((t) => [t.courseId, t.state]));

  // requiredOf already takes the earlier day of a course required of her unit or position and assigned to her by name.
  const assignedOn = new Map(assignments.map((a) => [a.courseId, a.dueOn.getTime()]));
  const requiredCourses = [...required]
    .map(([courseId, dueOn]) => {
      const done = stateOf.get(courseId) === "completed";
      return { courseId, title: titleOf(courseId), dueOn, assigned: assignedOn.get(courseId) === dueOn.getTime(), done, overdue: !done && isOverdue(dueOn, now) };
    })
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime());

  return {
    planning: visible.map((e) => ({
      id: e.id, position: e.position, status: e.status, reason: e.reason, term: e.term.key, unitName: e.unit.name, events: e.events,
      readiness: readiness.get(e.id) ?? null,
    })),
    seats: seats.filter((s) => mayRead(s.committee.unit.path)).map((s) => ({
      id: s.id, position: s.position, how: s.how, on: s.on, committee: s.committee.kind, term: s.committee.term.key, unitName: s.committee.unit.name,
    })),
    training,
    certificates: certificates.map(({ classSessionId, ...c }) => ({ ...c, inPerson: classSessionId !== null })),
    classes: classes.map(({ session: s }) => ({
      id: s.id, heldOn: s.heldOn, place: s.place, course: { title: s.course.title }, unit: { name: s.unit.name }, certificate: s.certificates[0]?.code ?? null,
    })),
    required: requiredCourses,
    /** the titles of the courses her readiness gaps name, by slug */
    gapCourses: Object.fromEntries(
      [...readiness.values()].flatMap((r) => r.gaps).flatMap((g) => (g.kind === "course" ? [[g.course, catalog.bySlug.get(g.course)?.title ?? g.course]] : [])),
    ) as Record<string, string>,
  };
}
export type CadreRecord = Awaited<ReturnType<typeof cadreRecord>>;
