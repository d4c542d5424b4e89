import cluster from "node:cluster";
import type { Db } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensureDefaultPolicies } from "#app/policy/policy.server.ts";
import { procedureGuidances, procedureSteps } from "./procedure.ts";
import type { PlanningLevel, PlanningPosition } from "./positions.ts";

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;

/** The terms Lan Tỏa starts with: 2020–2025 on the 2019–2025 tree, 2025–2030 on the tree of 1 July 2025. */
export const defaultTerms = [
  { key: "2020-2025", startsOn: day(2020, 1, 1), endsOn: day(2025, 7, 1), treeOn: day(2020, 1, 1) },
  { key: "2025-2030", startsOn: day(2025, 7, 1), endsOn: day(2030, 7, 1), treeOn: day(2025, 7, 1) },
];

const cv819 = "Công văn 819-CV/TU ngày 29/8/2019 của Ban Thường vụ Tỉnh ủy Bạc Liêu (bồi dưỡng kỹ năng, học tập nghị quyết, chỉ thị)";
const standard = "Tiêu chuẩn chức danh (mức mặc định của Lan Tỏa; Ban Tổ chức điều chỉnh theo quy định đang áp dụng)";
const charter = "Điều lệ Đảng Cộng sản Việt Nam (cấp ủy viên là đảng viên)";

type Item = { kind: "course" | "theory_level" | "party_member"; value: string; source: string };
const courses = (...slugs: string[]): Item[] => slugs.map((value) => ({ kind: "course", value, source: cv819 }));
const theory = (value: string): Item => ({ kind: "theory_level", value, source: standard });
const partyMember: Item = { kind: "party_member", value: "yes", source: charter };

const resolutions = "nghi-quyet-chi-thi-ve-cong-tac-phu-nu";
const mobilization = "van-dong-tap-hop-hoi-vien";
const mediation = "hoa-giai-o-co-so";
const citizens = "tiep-cong-dan-khieu-nai-to-cao";

/** What each position requires at each level: Party posts the resolutions course, Union posts the skills Công văn 819 names. */
function requirementsAt(level: PlanningLevel): Record<PlanningPosition, Item[]> {
  const leader = level === "commune" ? "trung_cap" : "cao_cap";
  const member = level === "commune" ? "so_cap" : "trung_cap";
  const partyCourses = level === "commune" ? courses(resolutions) : courses(resolutions, citizens);
  return {
    dang_bi_thu: [partyMember, theory(leader), ...partyCourses, ...courses(mobilization)],
    dang_pho_bi_thu: [partyMember, theory(leader), ...partyCourses, ...courses(mobilization)],
    dang_uy_vien_ban_thuong_vu: [partyMember, theory(leader), ...partyCourses],
    dang_uy_vien_ban_chap_hanh: [partyMember, theory(member), ...partyCourses],
    hoi_chu_tich: [theory(leader), ...courses(mobilization, mediation, resolutions)],
    hoi_pho_chu_tich: [theory(member), ...courses(mobilization, mediation)],
    hoi_uy_vien_ban_thuong_vu: [theory(member), ...courses(mobilization)],
    hoi_uy_vien_ban_chap_hanh: courses(mobilization),
  };
}

const requirementsFrom = day(2019, 8, 29);

/** Idempotent: terms, the procedure, the planning rules and the positions' requirements exist once. */
export async function ensurePlanningDefaults(db: Db) {
  await ensureDefaultPolicies(db);
  for (const term of defaultTerms) await db.term.upsert({ where: { key: term.key }, create: term, update: {} });
  for (const guidance of procedureGuidances)
    for (const step of procedureSteps(guidance)) {
      const row = { ...step, effectiveFrom: guidance.from, effectiveTo: guidance.to };
      await db.planningProcedureStep.upsert({ where: { key_effectiveFrom: { key: step.key, effectiveFrom: guidance.from } }, create: row, update: {} });
    }
  const rows = (["commune", "district", "province"] as const).flatMap((unitLevel) =>
    Object.entries(requirementsAt(unitLevel)).flatMap(([position, items]) => items.map((item) => ({ position, unitLevel, ...item, effectiveFrom: requirementsFrom }))),
  );
  const existing = await db.positionRequirement.count();
  // First start only: afterwards the rows are the organization's data, edited as directives change.
  if (existing === 0) await db.positionRequirement.createMany({ data: rows });
}

/**
 * At a server's start (app/entry.server.tsx), in the background so that serving starts at once: a fresh
 * production database gets the rules, terms, procedure and requirements, never demo data. Of a cluster's
 * workers only the first does it, so that two first starts do not insert the same rows at once.
 */
export function ensurePlanningDefaultsAtStart(db: Db, process: Pick<typeof cluster, "isWorker" | "worker"> = cluster) {
  if (process.isWorker && process.worker?.id !== 1) return null;
  return ensurePlanningDefaults(db).catch((error: unknown) => console.error("Lan Tỏa: the planning defaults could not be ensured:", error));
}
