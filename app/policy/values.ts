import { formatInteger, formatTarget } from "#app/i18n/numbers.ts";
import type { PolicyKey } from "./policy.server.ts";

/** What a rule's value is: a share of 0..1 (typed and shown in percent), a count of people or positions or terms, an age in years. */
export type PolicyValueKind = "share" | "count" | "age";

export const policyValueKinds: Record<PolicyKey, PolicyValueKind> = {
  "gathering-rate-target": "share",
  "household-coverage-target": "share",
  "planning-max-per-position": "count",
  "planning-max-positions-per-person": "count",
  "planning-women-share": "share",
  "planning-young-share": "share",
  "planning-vote-threshold": "share",
  "planning-full-term": "count",
  "committee-women-share": "share",
  "state-planning-women-share": "share",
  "state-planned-women-trained": "share",
  "young-age-commune": "age",
  "young-age-district": "age",
  "young-age-province": "age",
};
export const policyKeys = Object.keys(policyValueKinds) as PolicyKey[];

const ages = { min: 18, max: 70 };

/**
 * A value as an admin types it, as stored: a share in percent ("25", "25,5" or "25.5") is 0.25 or 0.255, 0 to
 * 100 %; a count is a whole number from 1; an age a whole number of years from 18 to 70. Null: not such a value.
 */
export function parsePolicyValue(kind: PolicyValueKind, text: string): number | null {
  const typed = text.trim().replace(/\s*%$/, "").replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(typed)) return null;
  const number = Number(typed);
  if (kind === "share") return number <= 100 ? Math.round(number * 100) / 10_000 : null;
  if (!Number.isInteger(number)) return null;
  if (kind === "count") return number >= 1 ? number : null;
  return number >= ages.min && number <= ages.max ? number : null;
}

/** A stored value as the rule states it: "25 %", "3", "35". */
export const policyValueText = (kind: PolicyValueKind, value: number) => (kind === "share" ? formatTarget(value) : formatInteger(value));
