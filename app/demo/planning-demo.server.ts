import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db, DbTx } from "#app/db.server.ts";
import { vietnamDay } from "#app/org/days.ts";
import { ensurePlanningDefaults } from "#app/planning/defaults.server.ts";
import { termByKey, type PlanningTerm } from "#app/planning/lists.server.ts";
import { planningPositions, type CommitteeKind, type PlanningLevel, type PlanningPosition } from "#app/planning/positions.ts";
import { procedureStepKeys } from "#app/planning/procedure.ts";
import { requirementsOn } from "#app/planning/readiness.server.ts";
import { servesWholeTerm } from "#app/planning/retirement-age.ts";
import { ageOn } from "#app/planning/rules.ts";
import { newTermStart, oldTermEnd, type CadreRole } from "./demo-cadres.server.ts";
import { randomSource, type Random } from "./vietnamese-names.ts";

type Cadre = { id: string; gender: string; birthDate: Date | null; birthYear: number | null; partyMember: boolean; role: CadreRole };
type Unit = { id: string; code: string; path: string; level: PlanningLevel; name: string };
type Break = "fourth" | "menOnly" | "noYoung" | "agesOut";
type Planned = { userId: string; position: PlanningPosition; female: boolean };

const day = (y: number, m: number, d: number) => vietnamDay(y, m, d)!;
// Party lists draw on Party committee members first; a cadre's role is her Union post when she has one.
const rank: Record<CadreRole, number> = { party: 0, chair: 1, vice: 2, branchHead: 3, deputy: 4 };
const rolePriority: CadreRole[] = ["chair", "vice", "party", "branchHead", "deputy"];
const roleOf: Record<string, CadreRole> = {
  hoi_chu_tich: "chair", hoi_uy_vien_ban_thuong_vu: "chair", hoi_pho_chu_tich: "vice", dang_pho_bi_thu: "party", dang_uy_vien_ban_thuong_vu: "party",
  dang_uy_vien_ban_chap_hanh: "party", chi_hoi_truong: "branchHead", chi_hoi_pho: "deputy",
};
const removalReasons = ["Chuyển công tác", "Nghỉ hưu", "Không hoàn thành nhiệm vụ", "Xin ra khỏi quy hoạch vì hoàn cảnh gia đình"];

// How many people each list plans per position (titled ones at most 3), and each committee's seats, by level.
const listSize: Record<PlanningLevel, Record<PlanningPosition, number>> = {
  commune: { dang_bi_thu: 2, dang_pho_bi_thu: 2, dang_uy_vien_ban_thuong_vu: 2, dang_uy_vien_ban_chap_hanh: 4, hoi_chu_tich: 2, hoi_pho_chu_tich: 2, hoi_uy_vien_ban_thuong_vu: 2, hoi_uy_vien_ban_chap_hanh: 5 },
  district: { dang_bi_thu: 2, dang_pho_bi_thu: 3, dang_uy_vien_ban_thuong_vu: 4, dang_uy_vien_ban_chap_hanh: 8, hoi_chu_tich: 2, hoi_pho_chu_tich: 3, hoi_uy_vien_ban_thuong_vu: 3, hoi_uy_vien_ban_chap_hanh: 6 },
  province: { dang_bi_thu: 2, dang_pho_bi_thu: 3, dang_uy_vien_ban_thuong_vu: 5, dang_uy_vien_ban_chap_hanh: 10, hoi_chu_tich: 2, hoi_pho_chu_tich: 3, hoi_uy_vien_ban_thuong_vu: 4, hoi_uy_vien_ban_chap_hanh: 8 },
};
const seatRange: Record<PlanningLevel, Record<CommitteeKind, [number, number]>> = {
  commune: { party_executive: [13, 15], party_standing: [3, 5], union_executive: [9, 15], union_standing: [3, 3] },
  district: { party_executive: [33, 37], party_standing: [11, 13], union_executive: [19, 25], union_standing: [5, 7] },
  province: { party_executive: [47, 53], party_standing: [13, 15], union_executive: [27, 33], union_standing: [7, 9] },
};
const youngAge: Record<PlanningLevel, number> = { commune: 35, district: 40, province: 45 };
// Who takes part in the key cadres' nomination conference, by level.
const conference: Record<PlanningLevel, [number, number]> = { commune: [35, 55], district: [90, 130], province: [180, 260] };

/** The term's calendar: when the list was made (its five steps), reviewed, and the committees formed. */
const calendars = {
  "2020-2025": { steps: [[2018, 9], [2018, 10], [2018, 11], [2019, 1], [2019, 3]], reviews: [2021, 2022, 2023, 2024], congress: { commune: [2020, 5], district: [2020, 7], province: [2020, 10] } },
  "2025-2030": { steps: [[2023, 9], [2023, 10], [2023, 11], [2024, 1], [2024, 3]], reviews: [2026], congress: { commune: [2025, 8], district: [2025, 8], province: [2025, 9] } },
} as const;

function plannedList(unit: Unit, pool: Cadre[], term: PlanningTerm, random: Random, breaks: ReadonlySet<Break>): Planned[] {
  // Young on the day the list is judged: the end of an ended term; for the running term, until 2028.
  const old = term.key === "2020-2025";
  const youngOn = (on: Date) => (c: Cadre) => (ageOn(c, on) ?? 99) < youngAge[unit.level];
  const young = youngOn(old ? oldTermEnd : day(2028, 1, 1));
  // Ages only grow: whoever is not young at the term's start is not young on any later day.
  const everYoung = youngOn(old ? oldTermEnd : newTermStart);
  const serves = (c: Cadre) => servesWholeTerm(c, term.endsOn);
  const eligible = pool.filter((c) => serves(c) && !(breaks.has("noYoung") && everYoung(c)));
  const order = (list: Cadre[]) => list.map((c) => ({ c, key: rank[c.role] + random.next() })).sort((a, b) => a.key - b.key).map((x) => x.c);
  const planned: Planned[] = [];
  const fill = (body: "party" | "union", candidates: Cadre[]) => {
    const queue = order(candidates);
    const positions = Object.keys(planningPositions).filter((p) => p.startsWith(body === "party" ? "dang" : "hoi")) as PlanningPosition[];
    for (const position of positions) {
      let size = listSize[unit.level][position] - random.int(0, 1);
      if (position === "dang_pho_bi_thu" && (breaks.has("fourth") || unit.code === "31957")) size = breaks.has("fourth") ? 4 : 3;
      // The last seats go to young cadres first, so that the list has its share of them.
      if (!planningPositions[position].titled) queue.sort((a, b) => Number(young(b)) - Number(young(a)));
      for (const c of queue.splice(0, size)) planned.push({ userId: c.id, position, female: c.gender === "female" });
    }
  };
  const party = eligible.filter((c) => c.partyMember && (!breaks.has("menOnly") || c.gender === "male"));
  fill("party", party);
  fill("union", eligible.filter((c) => c.gender === "female" && c.role !== "party"));
  if (breaks.has("agesOut")) {
    const retiring = pool.find((c) => !serves(c) && c.gender === "female" && c.role !== "party");
    if (retiring) planned.push({ userId: retiring.id, position: "hoi_uy_vien_ban_chap_hanh", female: true });
  }
  return planned;
}

type CadreRow = Omit<Cadre, "role"> & { holdings: { position: string; from: Date; to: Date | null; unit: { path: string } }[] };

/** The cadres of a unit's subtree for a term: on the old tree by their positions until 30/6/2025, on the new one from 1/7/2025. */
function poolOf(cadres: readonly CadreRow[], unit: Unit, term: PlanningTerm) {
  const old = term.key === "2020-2025";
  return cadres.flatMap((c) => {
    const held = c.holdings.filter((h) => h.unit.path.startsWith(unit.path) && (old ? h.to?.getTime() === oldTermEnd.getTime() : h.from.getTime() === newTermStart.getTime()));
    if (held.length === 0) return [];
    const roles = new Set(held.map((h) => roleOf[h.position]));
    return [{ ...c, role: rolePriority.find((r) => roles.has(r))! }];
  });
}

const dated = (random: Random, [y, m]: readonly [number, number]) => day(y, m, random.int(3, 26));

/**
 * Planning demo: lists for 2020–2025 on the old tree and 2025–2030 on the units of 1 July 2025, made by the
 * procedure's five steps with their votes, reviewed every year; the committees the congresses elected. A few
 * lists break a rule (a fourth person on a titled position, men only, no young cadre, a cadre who retires
 * before the term ends) so that the warnings show; some planned cadres have done their position's courses.
 * Deterministic; a second run writes nothing.
 */
export async function seedPlanningDemo(db: Db, courses: CatalogCourse[], complete: (tx: DbTx, userId: string, course: CatalogCourse, random: Random) => Promise<void>) {
  await ensurePlanningDefaults(db);
  if ((await db.committee.count()) > 0) return null;
  const random = randomSource(2282);
  const [oldTerm, newTerm] = await Promise.all([termByKey(db, "2020-2025"), termByKey(db, "2025-2030")]);
  const units = (await db.orgUnit.findMany({
    where: { level: { in: ["province", "district", "commune"] }, OR: [{ validTo: newTermStart }, { validFrom: newTermStart }] },
    select: { id: true, code: true, path: true, level: true, name: true, validFrom: true },
    orderBy: [{ depth: "asc" }, { code: "asc" }],
  })) as (Unit & { validFrom: Date | null })[];
  const cadres: CadreRow[] = await db.user.findMany({
    where: { password: null, holdings: { some: {} } },
    select: { id: true, gender: true, birthDate: true, birthYear: true, partyMember: true, holdings: { select: { position: true, from: true, to: true, unit: { select: { path: true } } } } },
    orderBy: { phone: "asc" },
  });

  const lists = units.map((unit) => {
    const term = unit.validFrom?.getTime() === newTermStart.getTime() ? newTerm! : oldTerm!;
    return { unit, term, pool: poolOf(cadres, unit, term) };
  });
  // The lists that break a rule: chosen by position in each term's units, among those where the break can show.
  const breaksOf = new Map<string, Set<Break>>();
  for (const term of [oldTerm!, newTerm!]) {
    // Xã Phong Thạnh, the demo commune organizer's, keeps a list within the rules.
    const own = lists.filter((l) => l.term === term && l.unit.level === "commune" && l.unit.code !== "31957");
    const serving = (l: (typeof lists)[number]) => l.pool.filter((c) => servesWholeTerm(c, term.endsOn));
    const pick = (kind: Break, at: number, fits: (l: (typeof lists)[number]) => boolean) => {
      const list = own.filter(fits)[at];
      if (list) breaksOf.set(list.unit.id, (breaksOf.get(list.unit.id) ?? new Set()).add(kind));
    };
    pick("fourth", 3, (l) => serving(l).filter((c) => c.partyMember).length >= 7);
    pick("noYoung", 5, () => true);
    pick("agesOut", 1, (l) => l.pool.some((c) => !servesWholeTerm(c, term.endsOn) && c.gender === "female" && c.role !== "party"));
    pick("menOnly", 0, (l) => l.pool.filter((c) => c.partyMember && c.gender === "male").length >= 2);
  }
  const district = lists.find((l) => l.unit.level === "district" && l.unit.name.endsWith("Giá Rai"));
  if (district) breaksOf.set(district.unit.id, new Set(["menOnly"]));

  const data = {
    committees: [] as { unitId: string; termId: string; kind: CommitteeKind; seats: number; formedOn: Date }[],
    members: [] as { key: string; userId: string; position: PlanningPosition; how: string; on: Date }[],
    entries: [] as { userId: string; unitId: string; termId: string; position: PlanningPosition; status: string; reason: string | null; history: { on: Date; status: string; reason?: string; review?: number }[]; votes: { votes: number | null; selected: boolean }[] }[],
    steps: [] as { unitId: string; termId: string; kind: string; heldOn: Date; participants: number }[],
    reviews: [] as { unitId: string; termId: string; year: number; heldOn: Date; note: string }[],
  };
  for (const { unit, term, pool } of lists) {
    const breaks = breaksOf.get(unit.id) ?? new Set<Break>();
    const calendar = calendars[term.key as keyof typeof calendars];
    const planned = plannedList(unit, pool, term, random, breaks);
    const stepDays = calendar.steps.map((s) => dated(random, s));
    const seats = Object.fromEntries(Object.entries(seatRange[unit.level]).map(([kind, [a, b]]) => [kind, random.int(a, b)])) as Record<CommitteeKind, number>;
    const nominators = random.int(...conference[unit.level]);
    const participants = [0, nominators, 0, seats.party_executive, 0];
    procedureStepKeys.forEach((kind, i) => data.steps.push({ unitId: unit.id, termId: term.id, kind, heldOn: stepDays[i]!, participants: participants[i]! }));
    const chosen = { votes: null, selected: true };
    const ballot = (of: number) => ({ votes: random.int(Math.floor(of * 0.55) + 1, of), selected: true });
    for (const p of planned) {
      const history: (typeof data.entries)[number]["history"] = [{ on: stepDays[2]!, status: "proposed" }, { on: stepDays[4]!, status: "approved" }];
      let reason: string | null = null;
      for (const year of calendar.reviews) {
        if (reason) break;
        const leaves = !planningPositions[p.position].titled && random.next() < 0.05;
        reason = leaves ? random.pick(removalReasons) : null;
        history.push({ on: day(year, 12, 10), status: leaves ? "removed" : "kept", reason: reason ?? undefined, review: year });
      }
      data.entries.push({ userId: p.userId, unitId: unit.id, termId: term.id, position: p.position, status: reason ? "removed" : "approved", reason, history, votes: [chosen, ballot(nominators), chosen, ballot(seats.party_executive), chosen] });
    }
    // One nominee in some lists did not reach more than half of the nominations: proposed, never approved.
    const unused = pool.filter((c) => c.partyMember && !planned.some((p) => p.userId === c.id));
    if (unused.length > 0 && random.next() < 0.3) {
      const c = random.pick(unused);
      data.entries.push({ userId: c.id, unitId: unit.id, termId: term.id, position: "dang_uy_vien_ban_chap_hanh", status: "removed", reason: "Không đạt trên 50 % phiếu giới thiệu", history: [{ on: stepDays[1]!, status: "proposed" }, { on: stepDays[2]!, status: "removed", reason: "Không đạt trên 50 % phiếu giới thiệu" }], votes: [chosen, { votes: random.int(Math.floor(nominators * 0.2), Math.floor(nominators / 2)), selected: false }] });
    }
    // "Động và mở": the last review adds a young woman from the subtree, proposed, to the Union's list.
    const added = pool.find((c) => c.gender === "female" && c.role === "branchHead" && servesWholeTerm(c, term.endsOn) && !planned.some((p) => p.userId === c.id));
    const lastReview = calendar.reviews.at(-1)!;
    if (added && random.next() < 0.5) data.entries.push({ userId: added.id, unitId: unit.id, termId: term.id, position: "hoi_uy_vien_ban_chap_hanh", status: "proposed", reason: null, history: [{ on: day(lastReview, 12, 10), status: "proposed", review: lastReview }], votes: [] });
    for (const year of calendar.reviews) data.reviews.push({ unitId: unit.id, termId: term.id, year, heldOn: day(year, 12, 10), note: `Rà soát, bổ sung quy hoạch năm ${year}` });

    // The congress: most planned cadres are elected to the committee they were planned for; the seats left go to others of the subtree.
    const [cy, cm] = calendar.congress[unit.level];
    for (const kind of Object.keys(seats) as CommitteeKind[]) {
      const formedOn = day(cy, cm + (kind.startsWith("union") ? 1 : 0), random.int(5, 25));
      const key = `${unit.id}:${term.id}:${kind}`;
      data.committees.push({ unitId: unit.id, termId: term.id, kind, seats: seats[kind], formedOn });
      const member = kind === "party_executive" ? "dang_uy_vien_ban_chap_hanh" : kind === "party_standing" ? "dang_uy_vien_ban_thuong_vu" : kind === "union_executive" ? "hoi_uy_vien_ban_chap_hanh" : "hoi_uy_vien_ban_thuong_vu";
      const executive = kind.endsWith("executive");
      const taken = new Set<string>();
      // Planned cadres the congress did not elect: the seats left go to cadres who were not on the list.
      const lost = new Set<string>();
      const titles = new Set<string>();
      const elect = (userId: string, position: PlanningPosition) => {
        if (taken.has(userId) || taken.size >= seats[kind]) return;
        taken.add(userId);
        const appointed = random.next() < 0.08;
        data.members.push({ key, userId, position, how: appointed ? "appointed" : "elected", on: appointed ? new Date(formedOn.getTime() + random.int(90, 600) * 86_400_000) : formedOn });
      };
      for (const p of planned) {
        const committee = planningPositions[p.position].committee;
        const sits = committee === kind || (executive && committee === kind.replace("executive", "standing"));
        if (!sits) continue;
        if (random.next() > 0.72) {
          lost.add(p.userId);
          continue;
        }
        const titled = planningPositions[p.position].titled && committee === kind && !titles.has(p.position);
        if (titled) titles.add(p.position);
        elect(p.userId, titled ? p.position : member);
      }
      if (executive) {
        const others = pool.filter((c) => (kind === "party_executive" ? c.partyMember && (!breaks.has("menOnly") || c.gender === "male") : c.gender === "female"));
        for (const c of others) if (!lost.has(c.id) && random.next() < 0.6) elect(c.id, member);
      }
    }
  }

  // One transaction: a commit per row is what makes seeding slow.
  return db.$transaction(
    async (tx) => {
      const committees = await tx.committee.createManyAndReturn({ data: data.committees, select: { id: true, unitId: true, termId: true, kind: true } });
      const committeeId = new Map(committees.map((c) => [`${c.unitId}:${c.termId}:${c.kind}`, c.id]));
      await tx.committeeMember.createMany({ data: data.members.map(({ key, ...m }) => ({ ...m, committeeId: committeeId.get(key)! })) });
      const entries = await tx.planningEntry.createManyAndReturn({ data: data.entries.map(({ history: _, votes: _v, ...e }) => e), select: { id: true, userId: true, unitId: true, termId: true, position: true } });
      const entryKey = (e: { userId: string; unitId: string; termId: string; position: string }) => `${e.userId}:${e.unitId}:${e.termId}:${e.position}`;
      const entryId = new Map(entries.map((e) => [entryKey(e), e.id]));
      const steps = await tx.planningStep.createManyAndReturn({ data: data.steps, select: { id: true, unitId: true, termId: true, kind: true } });
      const stepId = new Map(steps.map((s) => [`${s.unitId}:${s.termId}:${s.kind}`, s.id]));
      const reviews = await tx.planningReview.createManyAndReturn({ data: data.reviews, select: { id: true, unitId: true, termId: true, year: true } });
      const reviewId = new Map(reviews.map((r) => [`${r.unitId}:${r.termId}:${r.year}`, r.id]));
      await tx.planningEvent.createMany({
        data: data.entries.flatMap((e) =>
          e.history.map((h) => ({ entryId: entryId.get(entryKey(e))!, on: h.on, status: h.status, reason: h.reason ?? null, reviewId: h.review ? reviewId.get(`${e.unitId}:${e.termId}:${h.review}`)! : null })),
        ),
      });
      await tx.planningVote.createMany({
        data: data.entries.flatMap((e) =>
          e.votes.map((vote, i) => ({ stepId: stepId.get(`${e.unitId}:${e.termId}:${procedureStepKeys[i]!}`)!, entryId: entryId.get(entryKey(e))!, ...vote })),
        ),
      });

      // About a third of the planned cadres have done every course their position requires; the others have gaps.
      const requirements = await requirementsOn(tx, new Date());
      const bySlug = new Map(courses.map((c) => [c.slug, c]));
      const enrolled = new Set((await tx.enrollment.findMany({ select: { userId: true, courseId: true } })).map((e) => `${e.userId}:${e.courseId}`));
      const level = new Map(units.map((u) => [u.id, u.level]));
      for (const e of data.entries) {
        if (e.status === "removed" || random.next() > 0.35) continue;
        for (const r of requirements.get(`${e.position}:${level.get(e.unitId)}`) ?? []) {
          const course = r.kind === "course" ? bySlug.get(r.value) : undefined;
          if (!course || enrolled.has(`${e.userId}:${course.id}`)) continue;
          enrolled.add(`${e.userId}:${course.id}`);
          await complete(tx, e.userId, course, random);
        }
      }
      // Planning assigned each cadre her position's courses (app/planning/entries.server.ts), due six months after she was
      // planned; those completed above were done since.
      const assignments = new Map<string, { userId: string; courseId: string; dueOn: Date; planningEntryId: string }>();
      for (const e of data.entries) {
        if (e.status === "removed") continue;
        const planned = e.history[0]!.on;
        const dueOn = new Date(planned.getTime() + 182 * 86_400_000);
        for (const r of requirements.get(`${e.position}:${level.get(e.unitId)}`) ?? []) {
          const course = r.kind === "course" ? bySlug.get(r.value) : undefined;
          const key = course && `${e.userId}:${course.id}`;
          if (!course || !key || (assignments.get(key)?.dueOn ?? dueOn) < dueOn) continue;
          assignments.set(key, { userId: e.userId, courseId: course.id, dueOn, planningEntryId: entryId.get(entryKey(e))! });
        }
      }
      await tx.courseAssignment.createMany({ data: [...assignments.values()] });
      return { committees: committees.length, members: data.members.length, entries: entries.length };
    },
    { timeout: 300_000 },
  );
}
