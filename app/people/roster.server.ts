import { pageOf } from "#app/http/paging.ts";
import { data } from "react-router";
import { canOnUnit, type Permission, type ScopedRole } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { normalizePhone } from "./contact.ts";
import { heldOn } from "./holdings.server.ts";

export const rosterPageSize = 50;

/** The cadres whose unit is `unitPath` or below, by name, 50 a page; `q` finds a name or a phone number. */
export async function listCadres(db: Db, unitPath: string, { q, page }: { q: string; page: number }) {
  const phone = normalizePhone(q);
  const where = {
    unit: { path: { startsWith: unitPath } },
    ...(q ? { OR: [{ name: { contains: q.trim() } }, ...(phone ? [{ phone }] : [])] } : {}),
  };
  const total = await db.user.count({ where });
  const { page: current, pages, skip } = pageOf(page, total, rosterPageSize);
  const today = new Date();
  const rows = await db.user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip,
    take: rosterPageSize,
    select: {
      id: true, name: true, gender: true, birthYear: true, deactivatedAt: true,
      unit: { select: { name: true } },
      holdings: { where: heldOn(today), select: { position: true, unit: { select: { name: true } } }, orderBy: { from: "asc" } },
    },
  });
  return { total, page: current, pages, rows };
}

/**
 * A person whose unit is within the user's scope for one of `permissions`; an unknown id and a person
 * outside the scope get the same 404, so ids reveal nothing.
 */
export async function requirePersonInScope(db: Db, user: { roles: readonly ScopedRole[] }, id: string, permissions: readonly Permission[]) {
  const person = await db.user.findUnique({
    where: { id },
    select: { id: true, unit: { select: { id: true, path: true } }, roles: { select: { role: true, unit: { select: { path: true } } } } },
  });
  if (!person || !permissions.some((p) => canOnUnit(user.roles, p, person.unit.path))) throw data(null, { status: 404 });
  const { roles, ...found } = person;
  return { ...found, heldRoles: roles.map((r) => ({ role: r.role, unitPath: r.unit.path })) };
}

/**
 * The units a position or role for this person can be on: her unit, the units above it and the
 * branches below it, as far as the user's scope for `permission` reaches.
 */
export async function unitsAround(db: Db, user: { roles: readonly ScopedRole[] }, unit: { id: string; path: string }, permission: Permission) {
  const units = await db.orgUnit.findMany({
    where: { OR: [{ id: { in: unit.path.split("/").filter(Boolean) } }, { parentId: unit.id }] },
    select: { id: true, name: true, path: true, depth: true },
    orderBy: [{ depth: "asc" }, { name: "asc" }],
  });
  return units.filter((u) => canOnUnit(user.roles, permission, u.path)).map(({ id, name, path }) => ({ id, name, path }));
}
