import { pageParts, pageQuiz } from "#app/courses/html-registry.server.ts";
import type { CatalogCourse } from "#app/courses/catalog.server.ts";
import type { LessonPart, ScenarioIsland } from "#app/courses/lesson-parts.ts";
import { scenarioParam } from "#app/courses/scenario-step.ts";

/** Every path through a scenario from its start, each stopping at an ending or before a scene it already passed. */
export function scenarioPaths(scenario: ScenarioIsland): string[][] {
  const scenes = new Map(scenario.scenes.map((s) => [s.id, s]));
  const paths: string[][] = [];
  const walk = (path: string[]) => {
    paths.push(path);
    for (const option of scenes.get(path.at(-1)!)?.options ?? []) if (!path.includes(option.to)) walk([...path, option.to]);
  };
  walk([scenario.start]);
  return paths;
}

const htmlKeys = (parts: LessonPart[]) => pageParts(parts).flatMap((p) => ("htmlKey" in p ? [p.htmlKey] : []));

/**
 * What a phone keeps of a course to study it offline (ADR 018): the address of every page a learner can reach
 * in it — the course page, each lesson, and each scene of its role-plays, which plays by address — and the keys
 * of the lesson fragments an in-app navigation fetches (`/lesson-html`).
 */
export function offlinePages(course: CatalogCourse) {
  const pages = [`/courses/${course.slug}`];
  const fragments = new Set(htmlKeys(course.intro.parts));
  for (const lesson of course.lessons) {
    const address = `/courses/${course.slug}/${lesson.slug}`;
    pages.push(address);
    for (const key of htmlKeys(lesson.compiled.parts)) fragments.add(key);
    for (const part of lesson.compiled.parts)
      if ("island" in part && part.island === "Scenario" && "scenes" in part.props)
        for (const path of scenarioPaths(part.props).slice(1)) pages.push(`${address}?${new URLSearchParams({ [scenarioParam(part.props.id)]: path.join(",") })}`);
  }
  if (course.quiz) {
    const text = pageQuiz(course.quiz).text;
    if ("key" in text) fragments.add(text.key);
  }
  return { pages, fragments: [...fragments] };
}
