import { Anchor } from "./anchor.tsx";
import { Callout } from "./callout.tsx";
import { Checklist, Step } from "./checklist.tsx";
import { Cite } from "./cite.tsx";
import { Figure } from "./figure.tsx";
import { Quiz } from "./quiz.tsx";
import { Reflection } from "./reflection.tsx";
import { Option, Scenario, Scene } from "./scenario.tsx";
import { Term } from "./term.tsx";

// The one component map for every lesson; its names must match mdx-rules.server.ts.
export const mdxComponents = { a: Anchor, Callout, Checklist, Step, Cite, Figure, Quiz, Reflection, Scenario, Scene, Option, Term };
