import type { Recertification } from "#app/courses/catalog.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";

/** A completion is due for a new round when it was earned on a version older than one marked for re-certification. */
export function needsRefresh(completion: { completedAt: Date | null; courseVersion: number }, requirement: Recertification | null | undefined) {
  return completion.completedAt !== null && requirement != null && completion.courseVersion < requirement.version;
}

/** Completed, and not due for a new round: what every report counts as "completed". */
export function isCompleted(completion: { completedAt: Date | null; courseVersion: number }, requirement: Recertification | null | undefined) {
  return completion.completedAt !== null && !needsRefresh(completion, requirement);
}

/** isCompleted as a condition on the Enrollment rows of a query (`enrollment` is their alias); refresh.server.test.ts keeps the two equal. */
export function completedSql(enrollment: string, requirement: Recertification | null | undefined) {
  const e = Prisma.raw(`"${enrollment}"`);
  return Prisma.sql`(${e}."completedAt" is not null and ${currentVersionSql(enrollment, requirement)})`;
}

/**
 * The part of isCompleted the version decides, on rows with a courseVersion: an enrollment's, or a
 * SubtreeCompletion tally's, which counts completed enrollments only.
 */
export function currentVersionSql(alias: string, requirement: Recertification | null | undefined) {
  return requirement == null ? Prisma.sql`1 = 1` : Prisma.sql`${Prisma.raw(`"${alias}"`)}."courseVersion" >= ${requirement.version}`;
}

/** Whether a step done at a given time counts: in a round that is due, only what came after the version requiring it. */
export function countsInRound(due: boolean, requirement: Recertification | null | undefined) {
  return (at: Date) => !due || at >= requirement!.publishedAt;
}

/** isCompleted as a Prisma filter on Enrollment rows; refresh.server.test.ts keeps it equal to the rule too. */
export function completedEnrollmentWhere(requirement: Recertification | null | undefined) {
  return { completedAt: { not: null }, ...(requirement ? { courseVersion: { gte: requirement.version } } : {}) };
}

/** completedSql for enrollments in many courses at once, each judged by its own re-certification (a course not listed has none). */
export function completedInCoursesSql(enrollment: string, courses: readonly { id: string; recertification: Recertification | null }[]) {
  const e = Prisma.raw(`"${enrollment}"`);
  const marked = courses.filter((c) => c.recertification !== null);
  if (marked.length === 0) return completedSql(enrollment, null);
  const due = Prisma.join(marked.map((c) => Prisma.sql`(${e}."courseId" = ${c.id} and ${e}."courseVersion" < ${c.recertification!.version})`), " or ");
  return Prisma.sql`(${e}."completedAt" is not null and not (${due}))`;
}
