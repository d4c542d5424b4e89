import { describe, expect, test } from "vitest";
import {
  canLearnCourse,
  canManageCourse,
  canManageShippedCourses,
  canOnUnit,
  courseReaches,
  hasPermission,
  scopesFor,
  type ScopedRole,
} from "#app/auth/permissions.ts";

const province = "/p/";
const district = "/p/d1/";
const commune = "/p/d1/c1/";
const siblingDistrict = "/p/d2/";
const siblingCommune = "/p/d2/c3/";

const on = (role: ScopedRole["role"], unitPath: string): ScopedRole => ({ role, unitId: unitPath, unitPath, unitName: unitPath });

describe("permission scoping", () => {
  test("a district organizer reads reports of the district and its communes", () => {
    const roles = [on("organizer", district)];
    expect(canOnUnit(roles, "report:read", district)).toBe(true);
    expect(canOnUnit(roles, "report:read", commune)).toBe(true);
  });

  test("a district organizer cannot read a sibling district, its communes or the province", () => {
    const roles = [on("organizer", district)];
    expect(canOnUnit(roles, "report:read", siblingDistrict)).toBe(false);
    expect(canOnUnit(roles, "report:read", siblingCommune)).toBe(false);
    expect(canOnUnit(roles, "report:read", province)).toBe(false);
  });

  test("a learner has no report:read anywhere, even on their own unit", () => {
    const roles = [on("learner", commune)];
    expect(hasPermission(roles, "report:read")).toBe(false);
    expect(canOnUnit(roles, "report:read", commune)).toBe(false);
    expect(hasPermission(roles, "course:learn")).toBe(true);
  });

  test("only trainers and admins may write courses", () => {
    expect(hasPermission([on("organizer", province)], "course:write")).toBe(false);
    expect(hasPermission([on("trainer", province)], "course:write")).toBe(true);
  });

  test("a provincial admin holds every permission on every unit below", () => {
    const roles = [on("admin", province)];
    for (const permission of ["course:learn", "course:write", "report:read"] as const)
      expect(canOnUnit(roles, permission, siblingCommune)).toBe(true);
  });

  test("scopesFor keeps only the assignments granting the permission", () => {
    const roles = [on("learner", commune), on("organizer", district)];
    expect(scopesFor(roles, "report:read")).toEqual([roles[1]]);
  });
});

test("only course writers for a whole top-level unit manage shipped courses", () => {
  const trainer = (unitPath: string) => [{ role: "trainer" as const, unitId: "u", unitPath, unitName: "Đơn vị" }];
  expect(canManageShippedCourses(trainer("/tinh/"))).toBe(true);
  expect(canManageShippedCourses(trainer("/tinh/huyen/"))).toBe(false);
  expect(canManageShippedCourses([{ role: "organizer", unitId: "u", unitPath: "/tinh/", unitName: "Tỉnh" }])).toBe(false);
});

describe("a course authored for a district", () => {
  // Unit ids are the path segments: the district "d1" owns the course.
  const course = { ownerUnitId: "d1", ownerUnitPath: district };

  test("reaches the district and the units below it, and no other unit; a shipped course reaches every unit", () => {
    expect([district, commune].map((path) => courseReaches("d1", path))).toEqual([true, true]);
    expect([province, siblingDistrict, siblingCommune].map((path) => courseReaches("d1", path))).toEqual([false, false, false]);
    expect(courseReaches(null, siblingCommune)).toBe(true);
  });

  test("is learned by those learning in the district only", () => {
    expect(canLearnCourse([on("learner", commune)], course)).toBe(true);
    expect(canLearnCourse([on("learner", siblingCommune)], course)).toBe(false);
    expect(canLearnCourse([on("organizer", province)], course)).toBe(false);
    expect(canLearnCourse([on("learner", siblingCommune)], { ownerUnitId: null })).toBe(true);
  });

  test("is managed by the district's trainers and those above, not by a neighbouring district's or the communes'", () => {
    expect(canManageCourse([on("trainer", district)], course)).toBe(true);
    expect(canManageCourse([on("trainer", province)], course)).toBe(true);
    expect(canManageCourse([on("admin", province)], course)).toBe(true);
    expect(canManageCourse([on("trainer", siblingDistrict)], course)).toBe(false);
    expect(canManageCourse([on("trainer", commune)], course)).toBe(false);
    expect(canManageCourse([on("organizer", district)], course)).toBe(false);
  });

  test("without an owner it follows the rule of shipped courses", () => {
    expect(canManageCourse([on("trainer", province)], { ownerUnitPath: null })).toBe(true);
    expect(canManageCourse([on("trainer", district)], { ownerUnitPath: null })).toBe(false);
  });
});
