// Every message key of every area: the English catalog must translate them all. Types only, so importing
// this costs the browser nothing.
import type { authorMessages } from "./vi/author.ts";
import type { certificateMessages } from "./vi/certificate.ts";
import type { coreMessages } from "./vi/core.ts";
import type { orgMessages } from "./vi/org.ts";

export type MessageKey = keyof typeof coreMessages | keyof typeof authorMessages | keyof typeof certificateMessages | keyof typeof orgMessages;
