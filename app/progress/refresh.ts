import type { Recertification } from "#app/courses/catalog.server.ts";

/** A completion is due for a new round when it was earned on a version older than one marked for re-certification. */
export function needsRefresh(completion: { completedAt: Date | null; courseVersion: number }, requirement: Recertification | null | undefined) {
  return completion.completedAt !== null && requirement != null && completion.courseVersion < requirement.version;
}

/** Whether a step done at a given time counts: in a round that is due, only what came after the version requiring it. */
export function countsInRound(due: boolean, requirement: Recertification | null | undefined) {
  return (at: Date) => !due || at >= requirement!.publishedAt;
}

/** The one rule for "completed": finished, on a version that no re-certification has since superseded. */
export function isCompleted(completion: { completedAt: Date | null; courseVersion: number }, requirement: Recertification | null | undefined) {
  return completion.completedAt !== null && !needsRefresh(completion, requirement);
}

/** The same rule as a filter on Enrollment rows, for counting completions in the database. */
export function completedEnrollmentWhere(requirement: Recertification | null | undefined) {
  return { completedAt: { not: null }, ...(requirement ? { courseVersion: { gte: requirement.version } } : {}) };
}
