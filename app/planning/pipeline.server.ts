import { pageOf } from "#app/http/paging.ts";
import type { Catalog } from "#app/courses/catalog.server.ts";
import { completedEveryRequiredSql } from "#app/courses/requirements.server.ts";
import type { Db } from "#app/db.server.ts";
import { Prisma } from "#app/generated/prisma/client.ts";
import { membershipOverview } from "#app/membership/statistics.server.ts";
import { periodOf } from "#app/org/periods.ts";
import { heldOnSql } from "#app/people/holdings.server.ts";
import { unitsValidOn } from "#app/org/unit-history.server.ts";
import { ancestorIds } from "#app/org/unit-path.ts";
import { policiesOn } from "#app/policy/policy.server.ts";
import { activeStatuses, allTerms, termOn, type PlanningTerm } from "./lists.server.ts";
import { readinessOf } from "./readiness.server.ts";
import { genders, plannedWomenShare, type BySex, type CountedStage, type Gender, type ListedStage, type UnitFigures } from "./pipeline.ts";
import { judgedOn, meetsShare } from "./rules.ts";

type Unit = { id: string; path: string; name: string; level: string };
type Courses = Catalog["courses"];

/** The day a term's pipeline is judged on (the day asked, never after the term's end) and the day its tree is read on. */
export function pipelineDays(term: PlanningTerm, today: Date) {
  const day = judgedOn(today, term);
  return { day, treeDay: day.getTime() < term.treeOn.getTime() ? term.treeOn : day };
}

/**
 * The people of each counted stage, as ("stage", "child", "userId") rows: "child" is the child of `unit`
 * whose subtree holds the unit where she counts, or `unit` itself. The subtree is walked down parentId by a
 * recursive query that SQLite and PostgreSQL both run (as app/org/learning-report.server.ts does: one
 * path-prefix join made PostgreSQL hash the whole country), and every stage joins its table by unit id.
 */
function stagePeopleSql(unitId: string, term: PlanningTerm, day: Date, courses: Courses, stages: readonly CountedStage[]) {
  const trained = (column: string) => completedEveryRequiredSql(Prisma.raw(column), day, courses);
  const branch: Record<CountedStage, Prisma.Sql> = {
    cadres: Prisma.sql`select 'cadres', "child", "userId" from "cadre"`,
    trained: Prisma.sql`select 'trained', "child", "userId" from "cadre" where ${trained('"cadre"."userId"')}`,
    planned: Prisma.sql`select 'planned', "child", "userId" from "planned"`,
    plannedTrained: Prisma.sql`select 'plannedTrained', "child", "userId" from "planned" where ${trained('"planned"."userId"')}`,
    elected: Prisma.sql`select 'elected', "child", "userId" from "elected"`,
    // Planned for a unit and elected to that unit's committees: the planning judged by its own outcome.
    plannedElected: Prisma.sql`select 'plannedElected', p."child", p."userId" from "planned" p where exists (select 1 from "elected" x where x."unitId" = p."unitId" and x."userId" = p."userId")`,
  };
  return Prisma.sql`with recursive "below"("child", "id") as (
      select "id", "id" from "OrgUnit" where "parentId" = ${unitId}
      union all
      select "below"."child", o."id" from "OrgUnit" o join "below" on o."parentId" = "below"."id"
    ),
    "scope"("child", "id") as (select "child", "id" from "below" union all select ${unitId}, ${unitId}),
    "cadre"("child", "userId") as (
      select distinct s."child", h."userId" from "scope" s join "PositionHolding" h on h."unitId" = s."id"
      where ${heldOnSql("h", day)}),
    "planned"("child", "userId", "unitId") as (
      select distinct s."child", e."userId", e."unitId" from "scope" s join "PlanningEntry" e on e."unitId" = s."id"
      where e."termId" = ${term.id} and e."status" in (${Prisma.join(activeStatuses)})),
    "elected"("child", "userId", "unitId") as (
      select distinct s."child", m."userId", c."unitId" from "scope" s join "Committee" c on c."unitId" = s."id" and c."termId" = ${term.id}
      join "CommitteeMember" m on m."committeeId" = c."id"),
    "people"("stage", "child", "userId") as (${Prisma.join(
      stages.map((s) => branch[s]),
      " union all ",
    )})`;
}

const countedStages = ["cadres", "trained", "planned", "plannedTrained", "elected", "plannedElected"] as const satisfies readonly CountedStage[];
const noOne = (): BySex => ({ female: 0, male: 0 });
const emptyFigures = (members: number | null): UnitFigures => ({
  members,
  cadres: noOne(),
  trained: noOne(),
  planned: noOne(),
  plannedTrained: noOne(),
  ready: noOne(),
  elected: noOne(),
  plannedElected: noOne(),
});
const isGender = (g: string): g is Gender => (genders as readonly string[]).includes(g);

/** Per child (and "" for the whole subtree, each person once), per stage and gender: how many people. */
async function countStages(db: Db, unit: Unit, term: PlanningTerm, day: Date, courses: Courses) {
  const rows = await db.$queryRaw<{ stage: CountedStage; child: string | null; gender: string; n: number | bigint | string }[]>`
    ${stagePeopleSql(unit.id, term, day, courses, countedStages)}
    select p."stage" as "stage", p."child" as "child", u."gender" as "gender", count(distinct p."userId") as "n"
    from "people" p join "User" u on u."id" = p."userId" group by p."stage", p."child", u."gender"
    union all
    select p."stage", null, u."gender", count(distinct p."userId")
    from "people" p join "User" u on u."id" = p."userId" group by p."stage", u."gender"`;
  return rows;
}

/** The entries behind the "ready" stage, with the child each falls under: readiness is the one rule of readiness.server.ts. */
async function readyPeople(db: Db, unit: Unit, term: PlanningTerm, day: Date, catalog: Catalog) {
  const entries = await db.planningEntry.findMany({
    where: { termId: term.id, status: { in: [...activeStatuses] }, unit: { path: { startsWith: unit.path } } },
    select: {
      id: true,
      position: true,
      unit: { select: { level: true, path: true } },
      user: { select: { id: true, name: true, gender: true, theoryLevel: true, partyMember: true, birthDate: true, birthYear: true } },
    },
  });
  const readiness = await readinessOf(
    db,
    entries.map((e) => ({ entryId: e.id, position: e.position, unitLevel: e.unit.level, termEndsOn: term.endsOn, user: e.user })),
    day,
    catalog,
  );
  const depth = ancestorIds(unit.path).length;
  return entries
    .filter((e) => readiness.get(e.id)?.state === "ready")
    .map((e) => ({ child: ancestorIds(e.unit.path)[depth] ?? unit.id, user: e.user }));
}

/**
 * The pipeline of a unit for a term, split by gender, and the same figures for each of its children on the
 * term's tree, worst first: lowest women's share of the planned cadres first, those with nobody planned
 * before all (no woman prepared at all), then by name. The QĐ 2282 targets in force on the judged day come
 * with their source.
 */
export async function unitPipeline(db: Db, unit: Unit, term: PlanningTerm, today: Date, catalog: Catalog) {
  const { day, treeDay } = pipelineDays(term, today);
  const period = periodOf(day);
  const [children, counted, ready, membership, targets] = await Promise.all([
    unitsValidOn(db, treeDay, { parentId: unit.id }),
    countStages(db, unit, term, day, catalog.courses),
    readyPeople(db, unit, term, day, catalog),
    membershipOverview(db, unit, period),
    policiesOn(db, ["state-planning-women-share", "state-planned-women-trained"], day),
  ]);
  const members = new Map(membership.rows.map((r) => [r.id, r.rate?.members ?? null]));
  const figures = new Map<string, UnitFigures>();
  const of = (key: string) => figures.get(key) ?? figures.set(key, emptyFigures(key === "" ? (membership.total.rate?.members ?? null) : (members.get(key) ?? null))).get(key)!;
  for (const row of counted) if (isGender(row.gender)) of(row.child ?? "")[row.stage][row.gender] += Number(row.n);
  const readySeen = new Set<string>();
  for (const r of ready) {
    if (!isGender(r.user.gender)) continue;
    for (const [key, id] of [[r.child, r.user.id], ["", r.user.id]] as const) {
      const seen = `${key}:${id}`;
      if (readySeen.has(seen)) continue;
      readySeen.add(seen);
      of(key).ready[r.user.gender] += 1;
    }
  }
  const rows = children
    .map((c) => ({ id: c.id, name: c.name, level: c.level, figures: of(c.id) }))
    .sort((a, b) => {
      const [x, y] = [plannedWomenShare(a.figures), plannedWomenShare(b.figures)];
      if (x !== y) return x === null ? -1 : y === null ? 1 : x - y;
      return a.name.localeCompare(b.name, "vi");
    });
  const total = of("");
  const womenTarget = targets.get("state-planning-women-share") ?? null;
  const trainedTarget = targets.get("state-planned-women-trained") ?? null;
  return {
    day,
    period,
    total,
    children: rows,
    targets: {
      plannedWomen: womenTarget && { ...womenTarget, met: meetsShare(total.planned.female, total.planned.female + total.planned.male, womenTarget.value) },
      plannedWomenTrained: trainedTarget && { ...trainedTarget, met: meetsShare(total.plannedTrained.female, total.planned.female, trainedTarget.value) },
    },
  };
}

export const stagePageSize = 50;

/** The people behind one stage's figure for a unit's subtree and one gender, by name, a page at a time. */
export async function stagePeople(db: Db, unit: Unit, term: PlanningTerm, stage: ListedStage, gender: Gender, page: number, today: Date, catalog: Catalog) {
  const { day } = pipelineDays(term, today);
  if (stage === "ready") {
    const people = new Map((await readyPeople(db, unit, term, day, catalog)).filter((r) => r.user.gender === gender).map((r) => [r.user.id, r.user]));
    const ids = [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "vi") || a.id.localeCompare(b.id)).map((u) => u.id);
    const { skip, ...paging } = pageOf(page, ids.length, stagePageSize);
    const shown = ids.slice(skip, skip + stagePageSize);
    const users = await db.user.findMany({ where: { id: { in: shown } }, select: { id: true, name: true, unit: { select: { name: true } } } });
    const byId = new Map(users.map((u) => [u.id, u]));
    return { total: ids.length, ...paging, rows: shown.map((id) => ({ id, name: byId.get(id)!.name, unit: byId.get(id)!.unit.name })) };
  }
  const people = stagePeopleSql(unit.id, term, day, catalog.courses, [stage]);
  const [count] = await db.$queryRaw<{ n: number | bigint | string }[]>`${people}
    select count(distinct p."userId") as "n" from "people" p join "User" u on u."id" = p."userId" where u."gender" = ${gender}`;
  const total = Number(count?.n ?? 0);
  const { skip, ...paging } = pageOf(page, total, stagePageSize);
  const rows = await db.$queryRaw<{ id: string; name: string; unit: string }[]>`${people}
    select u."id" as "id", u."name" as "name", o."name" as "unit" from "User" u join "OrgUnit" o on o."id" = u."unitId"
    where u."gender" = ${gender} and u."id" in (select "userId" from "people")
    order by u."name", u."id" limit ${stagePageSize} offset ${skip}`;
  return { total, ...paging, rows };
}

/** The term a page shows: the one named, else the one in force on `today` (else the latest); null when the named one does not exist. */
export async function pipelineTerm(db: Db, key: string | undefined, today: Date) {
  const terms = await allTerms(db);
  return { terms, term: key ? (terms.find((t) => t.key === key) ?? null) : (termOn(terms, today) ?? null) };
}
