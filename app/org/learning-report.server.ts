import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { Db } from "#app/db.server.ts";
import { isPosition, type Position } from "#app/people/positions.ts";
import { needsRefresh } from "#app/progress/refresh.ts";
import { ancestorIds } from "./unit-path.ts";
import { unitsWithin } from "./units.server.ts";

type Unit = { id: string; path: string; name: string; level: string };

export type CommuneRow = { id: string; name: string; parentName: string | null; people: number; completed: number };

/**
 * Per commune of the subtree: cadres living in it or below, and how many completed the course.
 * Counts are grouped by home unit in the database and rolled up to communes in memory.
 */
export async function communeCompletion(db: Db, root: Unit, courseId: string): Promise<CommuneRow[]> {
  const units = await unitsWithin(db, root.path);
  const byId = new Map(units.map((u) => [u.id, u]));
  const communeOf = (unitId: string) =>
    ancestorIds(byId.get(unitId)?.path ?? "").map((id) => byId.get(id)).find((u) => u?.level === "commune");

  const inTree = { unit: { path: { startsWith: root.path } } };
  const [people, completions] = await Promise.all([
    db.user.groupBy({ by: ["unitId"], where: inTree, _count: { _all: true } }),
    db.enrollment.findMany({
      where: { courseId, completedAt: { not: null }, user: inTree },
      select: { user: { select: { unitId: true } } },
    }),
  ]);

  const rows = new Map<string, CommuneRow>();
  const rowFor = (unitId: string) => {
    const commune = communeOf(unitId);
    if (!commune) return null;
    let row = rows.get(commune.id);
    if (!row) {
      const parent = commune.parentId ? byId.get(commune.parentId) : undefined;
      row = { id: commune.id, name: commune.name, parentName: parent?.name ?? null, people: 0, completed: 0 };
      rows.set(commune.id, row);
    }
    return row;
  };
  for (const u of units) if (u.level === "commune") rowFor(u.id);
  for (const group of people) {
    const row = rowFor(group.unitId);
    if (row) row.people += group._count._all;
  }
  for (const completion of completions) {
    const row = rowFor(completion.user.unitId);
    if (row) row.completed += 1;
  }
  return [...rows.values()];
}

export type CadreRow = {
  id: string;
  name: string;
  positions: Position[];
  unitName: string;
  courses: Record<string, { done: number; completedAt: Date | null; needsRefresh: boolean }>;
};

export const cadresPerPage = 50;

export async function cadreProgress(db: Db, root: Unit, page: number, courses: readonly Pick<CatalogCourse, "id" | "recertification">[]) {
  const where = { unit: { path: { startsWith: root.path } } };
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      // The id settles namesakes: PostgreSQL orders ties differently from one page's query to the next.
      orderBy: [{ unit: { path: "asc" } }, { name: "asc" }, { id: "asc" }],
      skip: (page - 1) * cadresPerPage,
      take: cadresPerPage,
      select: {
        id: true,
        name: true,
        holdings: { where: { to: null }, select: { position: true }, orderBy: { from: "asc" } },
        unit: { select: { name: true } },
        enrollments: { select: { courseId: true, completedAt: true, courseVersion: true, _count: { select: { lessons: true } } } },
      },
    }),
  ]);
  const requirements = new Map(courses.map((c) => [c.id, c.recertification]));
  const rows: CadreRow[] = users.map((u) => ({
    id: u.id,
    name: u.name,
    positions: u.holdings.map((h) => h.position).filter(isPosition),
    unitName: u.unit.name,
    courses: Object.fromEntries(
      u.enrollments.map((e) => [
        e.courseId,
        { done: e._count.lessons, completedAt: e.completedAt, needsRefresh: needsRefresh(e, requirements.get(e.courseId)) },
      ]),
    ),
  }));
  return { rows, total, pages: Math.max(1, Math.ceil(total / cadresPerPage)) };
}
