import type { Db, DbTx } from "#app/db.server.ts";
import { recordAudit } from "#app/audit/audit.server.ts";
import { planningRuleDefaults, type PlanningRuleKey } from "#app/planning/rules.ts";

export type PolicyKey = "gathering-rate-target" | "household-coverage-target" | PlanningRuleKey;

export type PolicyValue = { value: number; source: string; effectiveFrom: Date };
export type PolicyDefault = { key: PolicyKey; value: number; source: string; effectiveFrom: Date; effectiveTo?: Date; note: string };

/**
 * The targets Lan Tỏa starts with. Công văn 819 judges 2016 and mid-2019 against 50 %, so the rule
 * is in force from 2016 on; a new directive is a new rule from its date, earlier periods keep theirs.
 */
export const defaultPolicies: PolicyDefault[] = [
  {
    key: "gathering-rate-target",
    value: 0.5,
    source: "Công văn 819-CV/TU ngày 29/8/2019 của Ban Thường vụ Tỉnh ủy Bạc Liêu",
    effectiveFrom: new Date("2016-01-01T00:00:00+07:00"),
    note: "Không để xã, phường, thị trấn nào có tỷ lệ tập hợp hội viên dưới 50 %; văn bản dùng mức này để đánh giá năm 2016 và giữa năm 2019.",
  },
  {
    key: "household-coverage-target",
    value: 0.8,
    source: "Mức mặc định của Lan Tỏa, điều chỉnh theo chỉ tiêu được giao",
    effectiveFrom: new Date("2016-01-01T00:00:00+07:00"),
    note: "Chi hội đạt “xóa hộ trắng hội viên” khi 80 % số hộ có phụ nữ từ 18 tuổi có hội viên.",
  },
  ...planningRuleDefaults,
];

/** Idempotent: the default rules exist once. */
export async function ensureDefaultPolicies(db: Db) {
  for (const rule of defaultPolicies)
    await db.policyRule.upsert({ where: { key_effectiveFrom: { key: rule.key, effectiveFrom: rule.effectiveFrom } }, create: rule, update: {} });
}

/** Rows of a table of dated rules (policies, requirements, procedure steps) in force on a day: from it, until before its end. */
export const inForceOn = (day: Date) => ({ effectiveFrom: { lte: day }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: day } }] });

/** The rules in force on a day, by key; a key with no rule then is absent. */
export async function policiesOn<K extends PolicyKey>(db: Db | DbTx, keys: readonly K[], day: Date): Promise<Map<K, PolicyValue>> {
  const rows = await db.policyRule.findMany({
    where: { key: { in: [...keys] }, ...inForceOn(day) },
    orderBy: { effectiveFrom: "asc" },
    select: { key: true, value: true, source: true, effectiveFrom: true },
  });
  // Later rules overwrite earlier ones: the newest in force wins, as in policyOn.
  return new Map(rows.map(({ key, ...rule }) => [key as K, rule]));
}

/** Every version of a rule, as the lookup of the one in force on a day: for pages that judge many past days at once. */
export async function policyHistory(db: Db | DbTx, key: PolicyKey): Promise<(day: Date) => PolicyValue | undefined> {
  const rows = await db.policyRule.findMany({ where: { key }, orderBy: { effectiveFrom: "desc" }, select: { value: true, source: true, effectiveFrom: true, effectiveTo: true } });
  return (day) => rows.find((r) => r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo > day));
}

/** The rule in force on a day (a period's end for statistics), or null when none was. */
export async function policyOn(db: Db | DbTx, key: PolicyKey, day: Date): Promise<PolicyValue | null> {
  return db.policyRule.findFirst({
    where: { key, ...inForceOn(day) },
    orderBy: { effectiveFrom: "desc" },
    select: { value: true, source: true, effectiveFrom: true },
  });
}

/** A new directive: the rule in force until then ends on its date; audited. */
export async function setPolicy(db: Db, actorId: string, rule: { key: PolicyKey; value: number; source: string; effectiveFrom: Date }) {
  return db.$transaction(async (tx) => {
    const current = await policyOn(tx, rule.key, rule.effectiveFrom);
    await tx.policyRule.updateMany({ where: { key: rule.key, effectiveFrom: { lt: rule.effectiveFrom }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: rule.effectiveFrom } }] }, data: { effectiveTo: rule.effectiveFrom } });
    const created = await tx.policyRule.create({ data: rule, select: { id: true } });
    await recordAudit(tx, { actorId, action: "policy.set", entity: "PolicyRule", entityId: created.id, unitPath: "/", before: current, after: rule });
    return created;
  });
}
