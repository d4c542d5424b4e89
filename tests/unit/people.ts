import type { Role } from "#app/auth/permissions.ts";
import type { Db } from "#app/db.server.ts";
import { ensureUnit } from "#app/org/unit-tree.server.ts";
import { upsertPerson } from "#app/people/people.server.ts";

let counter = 0;

/** A learner in a fresh commune; the password hash is a placeholder, as no test logs in with it. */
export async function createLearner(db: Db, name = "Nguyễn Thị Test") {
  counter += 1;
  const unit = await ensureUnit(db, { code: `T${counter}`, name: `Xã Thử ${counter}`, level: "commune", kind: "xa", parent: null });
  const user = await upsertPerson(
    db,
    { name, phone: `0987${String(counter).padStart(6, "0")}`, gender: "female", unitId: unit.id },
    { hash: "placeholder" },
  );
  return { userId: user.id, unit };
}

/** A person holding `role` on `unit` (and everything below it). */
export async function createPersonWithRole(db: Db, role: Role, unit: { id: string }, name = "Lê Thị Vai Trò") {
  counter += 1;
  const user = await upsertPerson(
    db,
    { name, phone: `0986${String(counter).padStart(6, "0")}`, gender: "female", unitId: unit.id, roles: [{ role, unitId: unit.id }] },
    { hash: "placeholder" },
  );
  return user.id;
}
