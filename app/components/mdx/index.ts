import { Checklist } from "./checklist.tsx";
import { Quiz } from "./quiz.tsx";
import { Reflection } from "./reflection.tsx";
import { Scenario } from "./scenario.tsx";

// The interactive components of lessons; everything else is HTML rendered once on the server.
export const islands = { Checklist, Quiz, Reflection, Scenario };
