import type { Db } from "#app/db.server.ts";
import type { NewPerson } from "#app/people/people.server.ts";
import type { Position } from "#app/people/positions.ts";
import { nameOf, type Random } from "./vietnamese-names.ts";

// Positions on the 2019–2025 tree end the day before the new units start (NQ 1655, 1 July 2025).
export const oldTermEnd = new Date("2025-06-30T00:00:00+07:00");
export const newTermStart = new Date("2025-07-01T00:00:00+07:00");

// Share of Khmer cadres per former district: most Khmer of Bạc Liêu live in Vĩnh Lợi, Hồng Dân, Phước Long
// and the city's wards; a few Hoa families everywhere.
const khmerShare: Record<string, number> = { "Vĩnh Lợi": 0.3, "Hồng Dân": 0.25, "Phước Long": 0.2, "Bạc Liêu": 0.15, "Hòa Bình": 0.1, "Giá Rai": 0.06, "Đông Hải": 0.06 };

export type CadreRole = "chair" | "vice" | "branchHead" | "deputy" | "party";

const day = (random: Random, fromYear: number, toYear: number) =>
  new Date(Date.UTC(random.int(fromYear, toYear), random.int(0, 11), random.int(1, 28)) - 7 * 3_600_000);

/**
 * A plausible profile for a cadre of this role: Union chairs, vice-chairs and branch officers are women;
 * Party committee members are men or women; leaders are older, more often Party members, with higher
 * political-theory training.
 */
export function cadreProfile(random: Random, role: CadreRole, district: string): Omit<NewPerson, "phone" | "unitId"> {
  const gender = role === "party" && random.next() < 0.55 ? "male" : "female";
  const roll = random.next();
  const khmer = Object.entries(khmerShare).find(([name]) => district.endsWith(name))?.[1] ?? 0.05;
  const ethnicity = roll < khmer ? "khmer" : roll < khmer + 0.03 ? "hoa" : "kinh";
  const leader = role === "chair" || role === "vice" || role === "party";
  const birthDate = leader ? day(random, 1968, 1990) : day(random, 1960, 1997);
  const birthYear = new Date(birthDate.getTime() + 7 * 3_600_000).getUTCFullYear();
  const partyChance = { chair: 1, party: 1, vice: 0.85, branchHead: 0.4, deputy: 0.2 }[role];
  const partyMember = random.next() < partyChance;
  const theoryLevel = role === "chair" || role === "party" ? random.pick(["trung_cap", "trung_cap", "cao_cap"] as const) : role === "vice" ? "trung_cap" : partyMember ? "so_cap" : undefined;
  return {
    name: nameOf(random, gender, ethnicity),
    gender,
    ethnicity,
    birthDate,
    birthYear,
    partyMember,
    partySince: partyMember ? day(random, Math.min(birthYear + 22, 2018), Math.min(birthYear + 35, 2020)) : undefined,
    theoryLevel,
    education: leader ? random.pick(["Đại học", "Đại học", "Cao đẳng"]) : random.pick(["12/12", "12/12", "9/12", "Trung cấp"]),
  };
}

type Holder = { userId: string; role: CadreRole; unitId: string };

/**
 * Today's positions in the commune-level units formed on 1 July 2025: the chairs of the merged communes
 * lead the new one together (the first chair, two vice-chairs, the rest on the standing board), their Party
 * colleagues sit on the new Party committee, and branch officers go on leading their hamlet's branch where
 * it was carried over to the new commune (so the branches must be carried over first). Positions on the old tree end the day before.
 */
export async function seedSuccessorPositions(db: Db, holders: Map<string, Holder[]>) {
  const successors = await db.orgUnit.findMany({
    where: { validFrom: newTermStart, level: "commune" },
    orderBy: { code: "asc" },
    select: { id: true, predecessors: { select: { predecessorId: true, predecessor: { select: { code: true } } }, orderBy: { predecessor: { code: "asc" } } } },
  });
  for (const successor of successors) {
    const inherited = successor.predecessors.flatMap((p) => holders.get(p.predecessorId) ?? []);
    // Each old branch's successor under the new commune (carried over on 1/7/2025).
    const branches = new Map(
      (await db.unitSuccession.findMany({ where: { successor: { parentId: successor.id, level: "branch" } }, select: { predecessorId: true, successorId: true } })).map((s) => [s.predecessorId, s.successorId]),
    );
    const chairs = inherited.filter((h) => h.role === "chair");
    const party = inherited.filter((h) => h.role === "party");
    const holdings: { userId: string; unitId: string; position: Position }[] = [
      ...chairs.map((h, i) => ({ userId: h.userId, unitId: successor.id, position: (i === 0 ? "hoi_chu_tich" : i <= 2 ? "hoi_pho_chu_tich" : "hoi_uy_vien_ban_thuong_vu") as Position })),
      ...chairs.slice(0, 1).map((h) => ({ userId: h.userId, unitId: successor.id, position: "dang_uy_vien_ban_chap_hanh" as const })),
      ...party.map((h, i) => ({ userId: h.userId, unitId: successor.id, position: (i === 0 ? "dang_pho_bi_thu" : "dang_uy_vien_ban_chap_hanh") as Position })),
      ...inherited.flatMap((h) => {
        const branchId = (h.role === "branchHead" || h.role === "deputy") && branches.get(h.unitId);
        return branchId ? [{ userId: h.userId, unitId: branchId, position: (h.role === "branchHead" ? "chi_hoi_truong" : "chi_hoi_pho") as Position }] : [];
      }),
    ];
    for (const h of holdings)
      await db.positionHolding.upsert({ where: { userId_unitId_position_from: { ...h, from: newTermStart } }, create: { ...h, from: newTermStart }, update: {} });
  }
}
