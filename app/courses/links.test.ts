import { expect, test } from "vitest";
import { brokenCourseLinks, unknownPrerequisites } from "./links.ts";

const lesson = (file: string, links: string[]) => ({ slug: file.slice(3), file, compiled: { activities: { links } } });

test("links to courses and lessons that exist pass; others are reported with their lesson", () => {
  const courses = [
    { slug: "hoa-giai", lessons: [lesson("01-mo-dau", ["/courses/van-dong", "/courses/hoa-giai/mo-dau#muc-1", "/verify"])] },
    { slug: "van-dong", lessons: [lesson("01-vi-sao", ["/courses/van-dong/khong-co", "/courses/khong-co-khoa"])] },
  ];
  expect(brokenCourseLinks(courses)).toEqual([
    { course: "van-dong", lesson: "01-vi-sao", link: "/courses/van-dong/khong-co" },
    { course: "van-dong", lesson: "01-vi-sao", link: "/courses/khong-co-khoa" },
  ]);
});

test("course prerequisites must name courses that exist", () => {
  expect(unknownPrerequisites([{ slug: "a", prerequisites: ["b", "c"] }, { slug: "b", prerequisites: [] }])).toEqual([{ course: "a", missing: "c" }]);
});
