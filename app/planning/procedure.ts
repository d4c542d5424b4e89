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

/** Whether a result lets a person through a step: at a ballot, more votes than the threshold share of those taking part. */
export function passes(step: ProcedureStep, recorded: RecordedStep, result: { votes: number | null; selected: boolean }, threshold: Rule | undefined) {
  if (!step.ballot) return result.selected;
  if (result.votes === null || !threshold) return result.selected;
  return exceedsShare(result.votes, recorded.participants, threshold.value);
}

/**
 * Where one planned person stands: each step of the procedure in order, with the latest recording of that
 * step for her list. She stops at the first step she did not pass or was not considered at; the steps after
 * it stay pending.
 */
export function standing(entryId: string, procedure: readonly ProcedureStep[], recorded: readonly RecordedStep[], threshold: Rule | undefined): StepOutcome[] {
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
    } else if (passes(step, latest, result, threshold)) {
      outcomes.push({ step: step.key, state: "passed", heldOn: latest.heldOn, votes: result.votes, participants: latest.participants });
    } else {
      outcomes.push({ step: step.key, state: "failed", heldOn: latest.heldOn, votes: result.votes, participants: latest.participants, threshold: step.ballot ? (threshold ?? null) : null });
      stopped = true;
    }
  }
  return outcomes;
}

const hd16 = "Hướng dẫn 16-HD/BTCTW ngày 15/02/2022 của Ban Tổ chức Trung ương";

/** The procedure Lan Tỏa starts with (HD 16-HD/BTCTW); a newer guidance is new rows from its date. */
export const defaultProcedure = [
  { key: "appraisal", order: 1, ballot: false, source: hd16 },
  { key: "nomination", order: 2, ballot: true, source: hd16 },
  { key: "selection", order: 3, ballot: false, source: hd16 },
  { key: "executive_ballot", order: 4, ballot: true, source: hd16 },
  { key: "approval", order: 5, ballot: false, source: hd16 },
] as const satisfies readonly ProcedureStep[];
export type ProcedureStepKey = (typeof defaultProcedure)[number]["key"];
