import { vietnamDay } from "#app/org/days.ts";
import { exceedsShare, type Rule } from "./rules.ts";

/** A step of the procedure for making a list (PlanningProcedureStep in force), in order. */
export type ProcedureStep = { key: string; order: number; ballot: boolean; source: string };

/** A step as it happened for one list: when, how many took part, what each person received. */
export type RecordedStep = { id: string; kind: string; heldOn: Date; participants: number; results: ReadonlyMap<string, { votes: number | null; selected: boolean }> };

export type StepOutcome =
  | { step: string; state: "passed"; heldOn: Date; votes: number | null; participants: number }
  | { step: string; state: "failed"; heldOn: Date; votes: number | null; participants: number; threshold: Rule | null }
  | { step: string; state: "absent"; heldOn: Date }
  | { step: string; state: "pending" };

/**
 * Whether votes at a ballot let a person through: more than the threshold share of those taking part, by the
 * threshold in force on the ballot's day. Decided when the ballot is recorded and kept (PlanningVote.selected),
 * so that a later threshold never changes a past ballot.
 */
export const passesBallot = (votes: number, participants: number, threshold: Rule | undefined) => threshold !== undefined && exceedsShare(votes, participants, threshold.value);

/**
 * Where one planned person stands: each step of the procedure in order, with the latest recording of that
 * step for her list, passed when she was selected there (at a ballot: by its votes, when it was recorded). She
 * stops at the first step she did not pass or was not considered at; the steps after it stay pending.
 * `thresholdOn` names the ballot threshold of a step's day, for showing what a failed ballot needed.
 */
export function standing(entryId: string, procedure: readonly ProcedureStep[], recorded: readonly RecordedStep[], thresholdOn: (day: Date) => Rule | undefined): StepOutcome[] {
  const outcomes: StepOutcome[] = [];
  let stopped = false;
  for (const step of [...procedure].sort((a, b) => a.order - b.order)) {
    const latest = recorded.filter((r) => r.kind === step.key).sort((a, b) => b.heldOn.getTime() - a.heldOn.getTime())[0];
    if (stopped || !latest) {
      outcomes.push({ step: step.key, state: "pending" });
      stopped = true;
      continue;
    }
    const result = latest.results.get(entryId);
    if (!result) {
      outcomes.push({ step: step.key, state: "absent", heldOn: latest.heldOn });
      stopped = true;
    } else if (result.selected) {
      outcomes.push({ step: step.key, state: "passed", heldOn: latest.heldOn, votes: result.votes, participants: latest.participants });
    } else {
      outcomes.push({ step: step.key, state: "failed", heldOn: latest.heldOn, votes: result.votes, participants: latest.participants, threshold: step.ballot ? (thresholdOn(latest.heldOn) ?? null) : null });
      stopped = true;
    }
  }
  return outcomes;
}

/** Whether a person may be approved: no recorded step before approval shows her failed or missing. */
export const throughBeforeApproval = (outcomes: readonly StepOutcome[]) =>
  outcomes.every((o) => o.step === "approval" || (o.state !== "failed" && o.state !== "absent"));

/** The steps of making a list, as both guidances set them (the ballots need more than half the participants). */
const steps = [
  { key: "appraisal", order: 1, ballot: false },
  { key: "nomination", order: 2, ballot: true },
  { key: "selection", order: 3, ballot: false },
  { key: "executive_ballot", order: 4, ballot: true },
  { key: "approval", order: 5, ballot: false },
] as const;

type Guidance = { source: string; from: Date; to: Date | null };
const hd15: Guidance = { source: "Hướng dẫn 15-HD/BTCTW ngày 15/11/2016 của Ban Tổ chức Trung ương về công tác quy hoạch cán bộ", from: vietnamDay(2016, 11, 15)!, to: vietnamDay(2022, 2, 15)! };
const hd16: Guidance = { source: "Hướng dẫn 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương", from: vietnamDay(2022, 2, 15)!, to: null };

/**
 * The procedure Lan Tỏa starts with, one set of rows per guidance and the period it governs: HD 15 for the
 * lists of 2017–2021 (the 2020–2025 planning), HD 16 since. A newer guidance is new rows from its date.
 */
export const procedureGuidances = [hd15, hd16];
export const procedureStepKeys = steps.map((s) => s.key);
export const procedureSteps = (guidance: Guidance): ProcedureStep[] => steps.map((step) => ({ ...step, source: guidance.source }));
