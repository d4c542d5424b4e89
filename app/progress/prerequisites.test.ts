import { expect, test } from "vitest";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import { blockersFor, isBlocked } from "./prerequisites.ts";

const lesson = (id: string, prerequisites: string[] = []) => ({ id, slug: id, title: `Bài ${id}`, prerequisites });
const course = (id: string, lessons: ReturnType<typeof lesson>[], prerequisites: string[] = []) =>
  ({ id, slug: id, title: `Khóa ${id}`, lessons, prerequisites }) as unknown as CatalogCourse;

const basics = course("co-ban", [lesson("a")]);
const advanced = course("nang-cao", [lesson("x"), lesson("y", ["x"])], ["co-ban"]);
const bySlug = new Map([basics, advanced].map((c) => [c.slug, c]));
const none = { lessonIds: new Set<string>(), completedCourseIds: new Set<string>() };

test("a lesson waits for its prerequisite lessons and its course's prerequisite courses", () => {
  const blockers = blockersFor(advanced, advanced.lessons[1]!, none, bySlug);
  expect(blockers.courses.map((c) => c.slug)).toEqual(["co-ban"]);
  expect(blockers.lessons.map((l) => l.slug)).toEqual(["x"]);
  expect(isBlocked(blockers)).toBe(true);
});

test("either kind of prerequisite alone still blocks", () => {
  expect(isBlocked(blockersFor(advanced, advanced.lessons[1]!, { ...none, completedCourseIds: new Set(["co-ban"]) }, bySlug))).toBe(true);
  expect(isBlocked(blockersFor(advanced, advanced.lessons[1]!, { ...none, lessonIds: new Set(["x"]) }, bySlug))).toBe(true);
  expect(isBlocked(blockersFor(advanced, advanced.lessons[0]!, none, bySlug))).toBe(true);
});

test("finished prerequisites open the lesson", () => {
  const blockers = blockersFor(advanced, advanced.lessons[1]!, { lessonIds: new Set(["x"]), completedCourseIds: new Set(["co-ban"]) }, bySlug);
  expect(isBlocked(blockers)).toBe(false);
});

test("a lesson without prerequisites is blocked only by the course's", () => {
  expect(blockersFor(advanced, advanced.lessons[0]!, { ...none, completedCourseIds: new Set(["co-ban"]) }, bySlug)).toEqual({ courses: [], lessons: [] });
  expect(isBlocked(blockersFor(basics, basics.lessons[0]!, none, bySlug))).toBe(false);
});

test("a prerequisite course no longer in the catalog blocks nothing, and the course page (no lesson) checks only courses", () => {
  const orphan = course("mo-coi", [lesson("m", ["khong-co-bai"])], ["khoa-da-go"]);
  expect(blockersFor(orphan, orphan.lessons[0]!, none, bySlug)).toEqual({ courses: [], lessons: [] });
  expect(blockersFor(advanced, null, none, bySlug)).toEqual({ courses: [{ slug: "co-ban", title: "Khóa co-ban" }], lessons: [] });
});
