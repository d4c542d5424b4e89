import { expect, test } from "vitest";
import { db } from "#app/db.server.ts";
import { defaultPolicies } from "#app/policy/policy.server.ts";
import { defaultTerms, ensurePlanningDefaultsAtStart } from "./defaults.server.ts";
import { procedureGuidances, procedureSteps } from "./procedure.ts";

const counts = async () => ({
  policies: await db.policyRule.count(),
  terms: await db.term.count(),
  procedure: await db.planningProcedureStep.count(),
  requirements: await db.positionRequirement.count(),
  people: await db.user.count(),
  units: await db.orgUnit.count(),
  entries: await db.planningEntry.count(),
});

test("a migrated empty database gets the planning defaults at start, once, and no demo data", async () => {
  expect(await counts()).toMatchObject({ policies: 0, terms: 0, requirements: 0 });
  // A second worker of a cluster leaves it to the first.
  expect(ensurePlanningDefaultsAtStart(db, { isWorker: true, worker: { id: 2 } as never })).toBeNull();
  expect((await counts()).policies).toBe(0);

  await ensurePlanningDefaultsAtStart(db, { isWorker: false, worker: undefined });
  const first = await counts();
  expect(first).toEqual({ policies: defaultPolicies.length, terms: defaultTerms.length, procedure: procedureGuidances.flatMap(procedureSteps).length, requirements: first.requirements, people: 0, units: 0, entries: 0 });
  expect(first.requirements).toBeGreaterThan(0);
  expect(await db.policyRule.findMany({ where: { key: "planning-women-share" }, orderBy: { effectiveFrom: "asc" }, select: { source: true } })).toEqual([
    { source: expect.stringContaining("Quy định 50-QĐ/TW") },
    { source: expect.stringContaining("Quy định 377-QĐ/TW") },
  ]);

  // The next start changes nothing, even after an admin has ended a requirement.
  const ended = await db.positionRequirement.findFirstOrThrow();
  await db.positionRequirement.update({ where: { id: ended.id }, data: { effectiveTo: new Date("2026-01-01") } });
  await ensurePlanningDefaultsAtStart(db, { isWorker: true, worker: { id: 1 } as never });
  expect(await counts()).toEqual(first);
  expect((await db.positionRequirement.findUniqueOrThrow({ where: { id: ended.id } })).effectiveTo).toEqual(new Date("2026-01-01"));
});
