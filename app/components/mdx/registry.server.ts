import { Children, isValidElement, type ComponentType, type ReactElement, type ReactNode } from "react";
import { z } from "zod";
import { citedDocumentKeys } from "#app/courses/documents.ts";
import type { LessonActivities } from "#app/courses/mdx-rules.server.ts";
import { extractQuiz, extractScenario, isSafeUrl, stringAttr, type JsxElement, type PropValue } from "#app/courses/mdx-nodes.server.ts";
import { quizProblems } from "#app/courses/quiz.ts";
import { scenarioParam, scenarioStep } from "#app/courses/scenario-step.ts";
import { scenarioProblems } from "#app/courses/scenario.ts";
import { Callout } from "./callout.tsx";
import { Cite } from "./cite.tsx";
import { Figure } from "./figure.tsx";
import type { IslandName, IslandProps } from "./islands.ts";
import { Option, Scene, Step } from "./markers.tsx";
import { Term } from "./term.tsx";

/**
 * Every component an author may write in a lesson, one entry each: this is where a component is added.
 * The rules (courses/mdx-rules.server.ts), the server renderer (courses/render-lesson.server.tsx) and the
 * lesson page (progress/lesson-page.server.ts) read it. An island also needs its line in islands.ts, the
 * browser's half, which stays free of this file's zod and server components; the types below refuse one
 * without the other. docs/decisions/016-how-a-lesson-travels.md follows a lesson through all of them.
 */
type Common = {
  /** Each prop an author may write, with the rule its literal value must keep (absent: undefined). */
  props: Record<string, z.ZodType<unknown, PropValue>>;
  /** Rules across props, and what the server keeps for grading; returns the problems found. */
  check?: (node: JsxElement, found: LessonActivities) => string[];
  /** What the author's editor inserts: a valid example to edit. Parts come with their parent's. */
  snippet?: string;
};
/** The server renders it into the lesson's HTML: it works without JavaScript and ships none. */
type HtmlEntry = Common & {
  /** A part stands directly inside its parent, where the renderer and the grader look for it. */
  parent?: string;
  /** Absent for parts their parent consumes while the lesson is checked (a quiz's questions). */
  html?: ComponentType<never>;
  island?: never;
};
type Recorded = Record<string, unknown> & { children?: ReactNode };
/**
 * An interactive component: the server renders it to HTML with the page (its forms work without
 * JavaScript) and the browser hydrates it from its own chunk. It stands at the top level of a lesson.
 */
type IslandEntry<N extends IslandName> = Common & {
  /** Its props from what the author wrote, inner content rendered to HTML on the server. */
  island: (props: Recorded, html: (node: ReactNode) => string) => IslandProps<N>;
  /** What one page's data carries of it, for the page's address (a scenario: the scene reached). */
  page?: (props: IslandProps<N>, search: URLSearchParams) => IslandProps<N>;
};

type AnyIslandEntry = { [N in IslandName]: IslandEntry<N> }[IslandName];
export type LessonComponent = HtmlEntry | AnyIslandEntry;

// MDX props are literal strings, or true when written bare; most accept either and mean it as written.
const literal = z.union([z.string(), z.literal(true)]).optional();
const sizeMessage = 'cần width và height là số điểm ảnh, ví dụ width="640" height="360"';
const pixels = z.string(sizeMessage).regex(/^[1-9]\d{0,4}$/, sizeMessage);
const text = (props: Recorded, key: string) => String(props[key] ?? "");

function elementsOf<P>(children: ReactNode, type: unknown) {
  return Children.toArray(children).filter((c): c is ReactElement<P> => isValidElement(c) && c.type === type);
}

const idOf = (list: keyof Pick<LessonActivities, "reflections" | "checklists">) => (node: JsxElement, found: LessonActivities) => {
  found[list].push(stringAttr(node, "id"));
  return [];
};

export const lessonComponents = {
  Callout: {
    snippet: `<Callout type="tip" title="Ghi nhớ">\n\nNội dung cần nhấn mạnh.\n\n</Callout>\n`,
    props: { type: z.enum(["note", "tip", "warning"], "phải là note, tip hoặc warning").optional(), title: literal },
    html: Callout,
  },
  Term: { snippet: `<Term meaning="Giải thích ngắn">thuật ngữ</Term>`, props: { meaning: literal }, html: Term },
  Cite: {
    snippet: `<Cite doc="11-NQ/TW" />`,
    props: { doc: z.string("văn bản chưa có trong danh mục").refine((doc) => citedDocumentKeys.has(doc), "văn bản chưa có trong danh mục"), art: literal },
    html: Cite,
  },
  // The image's box is reserved before it loads, so the text does not jump on a slow phone.
  Figure: {
    snippet: `<Figure src="/images/ten-anh.svg" alt="Mô tả ảnh" width="640" height="360" caption="Chú thích" />\n`,
    props: { src: z.string("đường dẫn ảnh không hợp lệ").refine(isSafeUrl, "đường dẫn ảnh không hợp lệ"), alt: literal, width: pixels, height: pixels, caption: literal },
    html: Figure,
  },
  Checklist: {
    snippet: `<Checklist id="cac-buoc" title="Các bước">\n  <Step>Bước một</Step>\n  <Step>Bước hai</Step>\n</Checklist>\n`,
    props: { id: literal, title: literal },
    check: idOf("checklists"),
    island: (props, html) => ({
      id: text(props, "id"),
      title: text(props, "title"),
      steps: elementsOf<{ children?: ReactNode }>(props.children, Step).map((s) => html(s.props.children)),
    }),
  },
  Step: { props: {}, parent: "Checklist", html: Step },
  Reflection: {
    snippet: `<Reflection id="suy-ngam" prompt="Chị sẽ áp dụng điều này thế nào ở chi hội mình?" />\n`,
    props: { id: literal, prompt: literal },
    check: idOf("reflections"),
    island: (props) => ({ id: text(props, "id"), prompt: text(props, "prompt") }),
  },
  Scenario: {
    snippet: `<Scenario id="tinh-huong" title="Tình huống" start="mo-dau">\n  <Scene id="mo-dau">\n\nBối cảnh tình huống.\n\n    <Option to="tot">Cách ứng xử phù hợp</Option>\n    <Option to="chua-tot">Cách ứng xử chưa phù hợp</Option>\n  </Scene>\n  <Scene id="tot" ending="good">\n\nKết quả tốt.\n\n  </Scene>\n  <Scene id="chua-tot" ending="poor">\n\nKết quả chưa tốt.\n\n  </Scene>\n</Scenario>\n`,
    props: { id: literal, title: literal, start: literal },
    check: (node, found) => {
      const scenario = extractScenario(node);
      found.scenarios.push(scenario);
      return scenarioProblems(scenario);
    },
    island: (props, html) => ({
      id: text(props, "id"),
      title: text(props, "title"),
      start: text(props, "start"),
      scenes: elementsOf<{ id: string; ending?: string; children?: ReactNode }>(props.children, Scene).map((scene) => ({
        id: scene.props.id,
        ending: scene.props.ending ?? null,
        html: html(Children.toArray(scene.props.children).filter((c) => !(isValidElement(c) && c.type === Option))),
        options: elementsOf<{ to: string; children?: ReactNode }>(scene.props.children, Option).map((o) => ({ to: o.props.to, html: html(o.props.children) })),
      })),
    }),
    // Only the scene the address reaches travels, so the scenario plays by links without JavaScript.
    page: (props, search) => ("scenes" in props ? scenarioStep(props, search.get(scenarioParam(props.id))) : props),
  },
  Scene: { props: { id: literal, ending: literal }, parent: "Scenario", html: Scene },
  Option: { props: { to: literal }, parent: "Scene", html: Option },
  Quiz: {
    snippet: `<Quiz id="kiem-tra" attempts="3" waitMinutes="10" showAnswers="after-pass">\n  <Question id="q1" prompt="Câu hỏi?">\n    <Choice correct>Đáp án đúng</Choice>\n    <Choice>Đáp án sai</Choice>\n    <Explanation>Vì sao đáp án đúng.</Explanation>\n  </Question>\n</Quiz>\n`,
    // attempts, waitMinutes and showAnswers are read together as the quiz's policy (quiz-policy.ts).
    props: { id: literal, attempts: literal, waitMinutes: literal, showAnswers: literal },
    // The questions and answer key stay on the server: the bundle keeps a bare <Quiz id>.
    check: (node, found) => {
      const { quiz, policyProblems } = extractQuiz(node);
      found.quizzes.push(quiz);
      node.children = [];
      node.attributes = node.attributes.filter((a) => a.type === "mdxJsxAttribute" && a.name === "id");
      return [...policyProblems, ...quizProblems(quiz)];
    },
    island: (props) => ({ id: text(props, "id") }),
  },
  Question: { props: { id: literal, prompt: literal, multiple: literal }, parent: "Quiz" },
  Choice: { props: { correct: literal }, parent: "Question" },
  Explanation: { props: {}, parent: "Question" },
} satisfies { [N in IslandName]: IslandEntry<N> } & Record<string, LessonComponent>;

export type ComponentName = keyof typeof lessonComponents;

export const componentNames = Object.keys(lessonComponents) as ComponentName[];

export function lessonComponent(name: string): LessonComponent | undefined {
  return Object.hasOwn(lessonComponents, name) ? (lessonComponents as Record<string, LessonComponent>)[name] : undefined;
}

export const isIslandEntry = (entry: LessonComponent): entry is AnyIslandEntry => entry.island !== undefined;

/** The editor's "insert a component" buttons. */
export const editorSnippets = Object.entries<LessonComponent>(lessonComponents).flatMap(([label, entry]) => (entry.snippet ? [{ label, text: entry.snippet }] : []));
