import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { isPosition, type Position } from "#app/people/positions.ts";
import { currentVersionSql, needsRefresh } from "#app/progress/refresh.server.ts";
import { isValidOn } from "./periods.ts";
import { ancestorIds } from "./unit-path.ts";

type Unit = { id: string; path: string; name: string; level: string };
type Course = Pick<CatalogCourse, "id" | "recertification">;

export type Totals = { people: number; completed: number };
export type ChildRow = Totals & { id: string; name: string; level: string; validFrom: Date | null; validTo: Date | null };
export type UnitLevel = {
  /** Children valid on the day, each with the sums of its subtree. */
  children: ChildRow[];
  /** Children closed before the day (or formed after it): named apart from the rows (their cadres still count in the total), so an old tree's reader sees where it went. */
  elsewhere: ChildRow[];
  /** Cadres whose home unit is the chosen unit itself, in none of its children. */
  own: Totals;
  /** The whole subtree: own + every child, valid or not, so that nobody is lost from the total. */
  total: Totals;
};

/**
 * One level of the learning report: the unit's direct children and, per child, the cadres of its
 * subtree and how many of them completed the course by the one rule (isCompleted). The sums are the
 * subtree tallies the database keeps on every write (SubtreeHeadcount, SubtreeCompletion: see the
 * migration subtree_tallies), one row per child and course version: counting them per request walked
 * every unit of the country (30,000) at the top. Without a course nobody counts as completed.
 */
export async function unitLevel(db: Db, unit: Pick<Unit, "id">, course: Course | null, day: Date): Promise<UnitLevel> {
  const [children, sums] = await Promise.all([
    db.orgUnit.findMany({ where: { parentId: unit.id }, select: { id: true, name: true, level: true, validFrom: true, validTo: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.$queryRaw<{ id: string; people: number | bigint | string | null; completed: number | bigint | string | null }[]>`
      select o."id" as "id", h."people" as "people",
        (select sum(c."completed") from "SubtreeCompletion" c
         where c."unitId" = o."id" and c."courseId" = ${course?.id ?? null} and ${currentVersionSql("c", course?.recertification)}) as "completed"
      from "OrgUnit" o left join "SubtreeHeadcount" h on h."unitId" = o."id"
      where o."parentId" = ${unit.id} or o."id" = ${unit.id}`,
  ]);
  const totals = new Map(sums.map((s) => [s.id, { people: Number(s.people ?? 0), completed: Number(s.completed ?? 0) }]));
  const of = (id: string) => totals.get(id) ?? { people: 0, completed: 0 };
  const rows = children.map((c) => ({ ...c, ...of(c.id) }));
  const total = of(unit.id);
  const own = rows.reduce((left, c) => ({ people: left.people - c.people, completed: left.completed - c.completed }), total);
  return { children: rows.filter((c) => isValidOn(c, day)), elsewhere: rows.filter((c) => !isValidOn(c, day)), own, total };
}

/** The units from the top of the reader's scope down to the unit itself, for breadcrumbs. */
export async function unitTrail(db: Db, unit: Pick<Unit, "path">, readable: (path: string) => boolean) {
  const units = await db.orgUnit.findMany({ where: { id: { in: ancestorIds(unit.path) } }, select: { id: true, name: true, path: true } });
  return units.filter((u) => readable(u.path)).sort((a, b) => a.path.length - b.path.length);
}

/** Units formed from the unit or from units below it (UnitSuccession): where its work went on after it closed. */
export function successorsOf(db: Db, unit: Pick<Unit, "path">) {
  return db.orgUnit.findMany({
    where: { predecessors: { some: { predecessor: { path: { startsWith: unit.path } } } } },
    select: { id: true, name: true, path: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

export type CadreRow = {
  id: string;
  name: string;
  positions: Position[];
  unitName: string;
  courses: Record<string, { done: number; completedAt: Date | null; needsRefresh: boolean }>;
};

export const cadresPerPage = 50;

/**
 * One page of the subtree's cadres in tree order, then by name; `total` is the subtree's head count
 * (unitLevel's). The page's ids come from one statement that walks the path index in order and the
 * cadres of each unit by the (unitId, name, id) index, so it stops after the page instead of sorting
 * the whole subtree (100,000 cadres at the top of a national tree).
 */
export async function cadreProgress(db: Db, root: Pick<Unit, "path">, page: number, courses: readonly Course[], total: number) {
  // Paths are ids ([a-z0-9], cuid) and slashes: nothing LIKE would read as a wildcard. The id settles
  // namesakes: PostgreSQL orders ties differently from one page's query to the next.
  const ids = await db.$queryRaw<{ id: string }[]>`
    select u."id" from "OrgUnit" o join "User" u on u."unitId" = o."id"
    where o."path" like ${`${root.path}%`}
    order by o."path", u."name", u."id"
    limit ${cadresPerPage} offset ${(page - 1) * cadresPerPage}`;
  const found = await db.user.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    select: {
      id: true,
      name: true,
      holdings: { where: { to: null }, select: { position: true }, orderBy: { from: "asc" } },
      unit: { select: { name: true } },
      enrollments: { select: { id: true, courseId: true, completedAt: true, courseVersion: true } },
    },
  });
  // Counted apart: Prisma's relation _count grouped all of LessonProgress (2 million rows) for one page.
  const lessonCounts = await db.lessonProgress.groupBy({
    by: ["enrollmentId"],
    where: { enrollmentId: { in: found.flatMap((u) => u.enrollments.map((e) => e.id)) } },
    _count: { _all: true },
  });
  const done = new Map(lessonCounts.map((c) => [c.enrollmentId, c._count._all]));
  const byId = new Map(found.map((u) => [u.id, u]));
  const users = ids.map((r) => byId.get(r.id)!);
  const requirements = new Map(courses.map((c) => [c.id, c.recertification]));
  const rows: CadreRow[] = users.map((u) => ({
    id: u.id,
    name: u.name,
    positions: u.holdings.map((h) => h.position).filter(isPosition),
    unitName: u.unit.name,
    courses: Object.fromEntries(
      u.enrollments.map((e) => [
        e.courseId,
        { done: done.get(e.id) ?? 0, completedAt: e.completedAt, needsRefresh: needsRefresh(e, requirements.get(e.courseId)) },
      ]),
    ),
  }));
  return { rows, pages: Math.max(1, Math.ceil(total / cadresPerPage)) };
}
