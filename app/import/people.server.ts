import type { Db, DbTx } from "#app/db.server.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";
import { normalizePhone } from "#app/people/contact.ts";

/**
 * The people a file's rows name by external id or phone (imports of positions and planning lists): one
 * query per key, and `find` takes a row's external id first, else its phone.
 */
export async function peopleNamedBy<S extends Prisma.UserSelect & { externalId: true; phone: true }>(
  db: Db | DbTx,
  rows: readonly { values: Record<string, string | undefined> }[],
  select: S,
) {
  const [byExternalRows, byPhoneRows] = await Promise.all([
    db.user.findMany({ where: { externalId: { in: rows.flatMap((r) => r.values.externalId || []) } }, select }),
    db.user.findMany({ where: { phone: { in: rows.flatMap((r) => normalizePhone(r.values.phone ?? "") ?? []) } }, select }),
  ]);
  type Person = (typeof byExternalRows)[number];
  const byExternal = new Map(byExternalRows.map((p) => [(p as { externalId: string }).externalId, p]));
  const byPhone = new Map(byPhoneRows.map((p) => [(p as { phone: string }).phone, p]));
  return (externalId: string | undefined, phone: string | undefined): Person | undefined => (externalId ? byExternal.get(externalId) : phone ? byPhone.get(phone) : undefined);
}
