import { ancestorIds } from "#app/org/unit-path.ts";

export const roles = ["learner", "trainer", "organizer", "admin"] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  "course:learn",
  "course:write",
  "report:read",
  // accounts and profiles of the cadres of the subtree
  "people:manage",
  // what lies inside one's unit: hamlet and non-territorial branches, models
  "branches:manage",
  // the unit tree itself: create, rename, move, close, merge
  "units:manage",
  "roles:grant",
  "membership:write",
  "course:assign",
  "audit:read",
  // planning lists, steps, outcomes and the pipeline of the subtree
  "planning:read",
  "planning:manage",
  // terms, the positions' requirements and the planning rules: data every unit is judged by
  "planning:rules",
  // in-person classes held for the units of the subtree: course, day, place and who attended
  "class:record",
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  learner: ["course:learn"],
  trainer: ["course:learn", "course:write", "class:record"],
  organizer: ["course:learn", "report:read", "people:manage", "branches:manage", "membership:write", "course:assign", "audit:read", "planning:read", "planning:manage"],
  admin: permissions,
};

export type ScopedRole = { role: Role; unitId: string; unitPath: string; unitName: string };

// A role granted on a unit applies to that unit and every unit below it.
export function scopesFor(assignments: readonly ScopedRole[], permission: Permission) {
  return assignments.filter((a) => grants[a.role].includes(permission));
}

export function canOnUnit(assignments: readonly ScopedRole[], permission: Permission, unitPath: string) {
  return scopesFor(assignments, permission).some((a) => unitPath.startsWith(a.unitPath));
}

export function hasPermission(assignments: readonly ScopedRole[], permission: Permission) {
  return scopesFor(assignments, permission).length > 0;
}

/** Shipped courses reach every unit, so only those who write courses for a whole top-level unit manage them. */
export function canManageShippedCourses(assignments: readonly ScopedRole[]) {
  return scopesFor(assignments, "course:write").some((a) => a.unitPath.split("/").filter(Boolean).length === 1);
}

// Admins grant any role within their roles:grant scope; an organizer may only open learning (learner) to
// the cadres of her subtree. Nobody grants on a unit above or beside her own scope.
const grantableBy: Record<"roles:grant" | "people:manage", readonly Role[]> = { "roles:grant": roles, "people:manage": ["learner"] };

export function canGrantRole(assignments: readonly ScopedRole[], role: Role, unitPath: string) {
  return (["roles:grant", "people:manage"] as const).some((permission) => grantableBy[permission].includes(role) && canOnUnit(assignments, permission, unitPath));
}

/**
 * Whether someone may open, reset, lock or unlock another's account: only when she could grant every
 * role that account holds, so an organizer cannot take over (or lock out) a trainer's or an admin's
 * account by resetting its password, even when its owner's home unit lies in her subtree.
 */
export function canManageAccountOf(actor: readonly ScopedRole[], held: readonly { role: string; unitPath: string }[]) {
  return held.every((r) => canGrantRole(actor, (roles as readonly string[]).includes(r.role) ? (r.role as Role) : "admin", r.unitPath));
}

/** A course reaches a unit when it is shipped, or when the unit lies in the subtree of the unit that owns it. */
export function courseReaches(ownerUnitId: string | null, unitPath: string) {
  return ownerUnitId === null || ancestorIds(unitPath).includes(ownerUnitId);
}

/**
 * Learners of an app-authored course are those learning in its owner unit's subtree. Ids, not paths, are
 * compared: the catalog keeps the owner's id, which a move in the unit tree does not change.
 */
export function canLearnCourse(assignments: readonly ScopedRole[], course: { ownerUnitId: string | null }) {
  return scopesFor(assignments, "course:learn").some((a) => courseReaches(course.ownerUnitId, a.unitPath));
}

/**
 * Trainers of a course's owner unit or above edit, publish and restore it and read its drafts; a course
 * without an owner (shipped in content/, or authored before courses had owners) keeps the shipped rule.
 */
export function canManageCourse(assignments: readonly ScopedRole[], course: { ownerUnitPath: string | null }) {
  return course.ownerUnitPath === null ? canManageShippedCourses(assignments) : canOnUnit(assignments, "course:write", course.ownerUnitPath);
}
