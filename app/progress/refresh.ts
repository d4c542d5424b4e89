import type { Recertification } from "#app/courses/catalog.server.ts";

/** A completion is due for a new round when it was earned on a version older than one marked for re-certification. */
export function needsRefresh(completion: { completedAt: Date | null; courseVersion: number }, requirement: Recertification | null | undefined) {
  return completion.completedAt !== null && requirement != null && completion.courseVersion < requirement.version;
}
