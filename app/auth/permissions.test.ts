import { describe, expect, test } from "vitest";
import { canManageShippedCourses, canOnUnit, hasPermission, scopesFor, type ScopedRole } from "#app/auth/permissions.ts";

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
