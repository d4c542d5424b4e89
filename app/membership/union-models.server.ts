import { z } from "zod";
import { recordAudit } from "#app/audit/audit.server.ts";
import type { Db } from "#app/db.server.ts";
import { dayField } from "#app/org/day-field.server.ts";
import { modelKinds } from "./model-kinds.ts";
import { count } from "./report.server.ts";

const day = dayField;

export const newModelForm = z.object({
  unitId: z.string({ message: "models.error.unit" }).min(1, "models.error.unit"),
  kind: z.enum(modelKinds, { message: "models.error.kind" }),
  name: z.string({ message: "models.error.name" }).trim().min(2, "models.error.name").max(200, "models.error.name"),
  members: count("models.error.members"),
  startedOn: day("models.error.date"),
});
export type NewModel = z.output<typeof newModelForm>;

const select = { id: true, unitId: true, kind: true, name: true, members: true, startedOn: true, endedOn: true, effective: true, replicatedFromId: true } as const;

/**
 * Models of the branches (and the unit) under `path`, with where each came from and where it was copied to, as far
 * as the asker may see: copies inside `path` only, and an origin outside it by its unit's name alone (unit names are
 * public, as on a certificate's page; the other unit's models are not).
 */
export async function modelsWithin(db: Db, path: string) {
  const inside = { unit: { path: { startsWith: path } } };
  const models = await db.unionModel.findMany({
    where: inside,
    select: {
      ...select,
      unit: { select: { name: true } },
      replicatedFrom: { select: { name: true, unit: { select: { name: true, path: true } } } },
      replicas: { where: inside, select: { unit: { select: { name: true } } } },
    },
    orderBy: [{ endedOn: { sort: "asc", nulls: "first" } }, { startedOn: "desc" }],
  });
  return models.map(({ replicatedFrom: from, ...model }) => ({
    ...model,
    replicatedFrom: from && { name: from.unit.path.startsWith(path) ? from.name : null, unit: { name: from.unit.name } },
  }));
}

type Unit = { id: string; path: string };

export async function createModel(db: Db, actorId: string, unit: Unit, model: NewModel, replicatedFromId: string | null = null) {
  return db.$transaction(async (tx) => {
    const created = await tx.unionModel.create({ data: { ...model, unitId: unit.id, replicatedFromId }, select });
    await recordAudit(tx, { actorId, action: replicatedFromId ? "model.replicate" : "model.create", entity: "UnionModel", entityId: created.id, unitPath: unit.path, after: created });
    return created;
  });
}

/** Marks effective or ends a model, audited; the model's unit is where the change is read. */
export async function updateModel(db: Db, actorId: string, model: { id: string; unitPath: string }, change: { effective: true } | { endedOn: Date }) {
  return db.$transaction(async (tx) => {
    const before = await tx.unionModel.findUniqueOrThrow({ where: { id: model.id }, select });
    const after = await tx.unionModel.update({ where: { id: model.id }, data: change, select });
    await recordAudit(tx, { actorId, action: "effective" in change ? "model.effective" : "model.end", entity: "UnionModel", entityId: model.id, unitPath: model.unitPath, before, after });
    return after;
  });
}

/** A model with its unit's path, if it lies under `path`: anything else is unknown to the asker. */
export function findModelWithin(db: Db, id: string, path: string) {
  return db.unionModel.findFirst({ where: { id, unit: { path: { startsWith: path } } }, select: { ...select, unit: { select: { path: true } } } });
}
