// Every message key of every area: the English catalog must translate them all. Types only, so importing
// this costs the browser nothing.
import type { authorMessages } from "./vi/author.ts";
import type { certificateMessages } from "./vi/certificate.ts";
import type { classesMessages } from "./vi/classes.ts";
import type { coreMessages } from "./vi/core.ts";
import type { importMessages } from "./vi/import.ts";
import type { learningMessages } from "./vi/learning.ts";
import type { loginMessages } from "./vi/login.ts";
import type { membershipMessages } from "./vi/membership.ts";
import type { offlineMessages } from "./vi/offline.ts";
import type { orgMessages } from "./vi/org.ts";
import type { peopleMessages } from "./vi/people.ts";
import type { peopleAdminMessages } from "./vi/people-admin.ts";
import type { pipelineMessages } from "./vi/pipeline.ts";
import type { planningMessages } from "./vi/planning.ts";
import type { planningAdminMessages } from "./vi/planning-admin.ts";
import type { planningListMessages } from "./vi/planning-list.ts";
import type { requiredMessages } from "./vi/required.ts";
import type { quizMessages } from "./vi/quiz.ts";
import type { scenarioMessages } from "./vi/scenario.ts";
import type { unitsMessages } from "./vi/units.ts";

export type MessageKey =
  | keyof typeof coreMessages
  | keyof typeof authorMessages
  | keyof typeof certificateMessages
  | keyof typeof classesMessages
  | keyof typeof importMessages
  | keyof typeof learningMessages
  | keyof typeof loginMessages
  | keyof typeof membershipMessages
  | keyof typeof offlineMessages
  | keyof typeof orgMessages
  | keyof typeof peopleMessages
  | keyof typeof peopleAdminMessages
  | keyof typeof pipelineMessages
  | keyof typeof planningMessages
  | keyof typeof planningAdminMessages
  | keyof typeof planningListMessages
  | keyof typeof requiredMessages
  | keyof typeof quizMessages
  | keyof typeof scenarioMessages
  | keyof typeof unitsMessages;
