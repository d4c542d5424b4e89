import { canOnUnit } from "#app/auth/permissions.ts";
import { isoDay, parseCellDay } from "#app/org/days.ts";
import { ethnicities, isBirthYear, theoryLevels } from "#app/people/profile.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { headerKey, RowReader } from "./columns.ts";
import { rowAudit, type ChunkResult, type ImportKind } from "./import-kind.ts";
import { unitOn, unitsByCode } from "./units.server.ts";

const columns = [
  { key: "externalId", header: "Mã cán bộ", example: "CB-0001" },
  { key: "name", header: "Họ và tên", required: true, example: "Nguyễn Thị Lan" },
  { key: "gender", header: "Giới tính", required: true, example: "Nữ" },
  { key: "birth", header: "Ngày sinh", example: "15/03/1985" },
  { key: "ethnicity", header: "Dân tộc", example: "Khmer" },
  { key: "phone", header: "Số điện thoại", example: "0912345678" },
  { key: "email", header: "Email", example: "lan.nguyen@example.vn" },
  { key: "partyMember", header: "Đảng viên", example: "Có" },
  { key: "partySince", header: "Ngày vào Đảng", example: "03/02/2010" },
  { key: "theoryLevel", header: "Trình độ lý luận chính trị", example: "Trung cấp" },
  { key: "education", header: "Trình độ học vấn", example: "Đại học" },
  { key: "unitCode", header: "Mã đơn vị", required: true, example: "31471" },
] as const;
type Key = (typeof columns)[number]["key"];

const labelsOf = <V extends string>(values: readonly V[], prefix: string) =>
  Object.fromEntries(values.flatMap((v) => [[headerKey(peopleMessages[`${prefix}.${v}` as keyof typeof peopleMessages]), v], [v, v]])) as Record<string, V>;
const genderChoices = { nữ: "female", nu: "female", female: "female", nam: "male", male: "male" } as const;
const ethnicityChoices = { ...labelsOf(ethnicities, "people.ethnicity"), chăm: "cham", khác: "other" } as Record<string, (typeof ethnicities)[number]>;
const theoryChoices = labelsOf(theoryLevels, "people.theory");
const yesNo: Record<string, "yes" | "no"> = { có: "yes", co: "yes", x: "yes", "1": "yes", yes: "yes", không: "no", khong: "no", "0": "no", no: "no" };

type Profile = {
  externalId?: string;
  name?: string;
  gender?: string;
  birthYear?: number;
  birthDate?: Date;
  ethnicity?: string;
  phone?: string;
  email?: string;
  partyMember?: boolean;
  partySince?: Date;
  theoryLevel?: string;
  education?: string;
  unitId?: string;
};
const profileSelect = { id: true, externalId: true, name: true, gender: true, birthYear: true, birthDate: true, ethnicity: true, phone: true, email: true, partyMember: true, partySince: true, theoryLevel: true, education: true, unitId: true, unit: { select: { path: true } } } as const;

function readBirth(reader: RowReader<Key>): Pick<Profile, "birthYear" | "birthDate"> {
  const value = reader.raw("birth");
  if (value === "") return {};
  const day = /^\d{4}$/.test(value) ? null : parseCellDay(value);
  const birthYear = day ? Number(isoDay(day).slice(0, 4)) : Number(value);
  if (!isBirthYear(birthYear)) return reader.fail("birth", { key: "import.error.birthDate" }) ?? {};
  return day ? { birthDate: day, birthYear } : { birthYear };
}

/**
 * A created row names every column, null (or the column's default) where the file said nothing: Prisma
 * compiles a createMany once per shape of its rows, and rows of mixed shapes made each chunk a new query of
 * 500 rows to compile.
 */
const newPerson = (p: Profile) => ({
  externalId: p.externalId ?? null,
  name: p.name!,
  gender: p.gender!,
  birthYear: p.birthYear ?? null,
  birthDate: p.birthDate ?? null,
  ethnicity: p.ethnicity ?? null,
  phone: p.phone ?? null,
  email: p.email ?? null,
  partyMember: p.partyMember ?? false,
  partySince: p.partySince ?? null,
  theoryLevel: p.theoryLevel ?? null,
  education: p.education ?? null,
  unitId: p.unitId!,
}) satisfies Record<keyof Profile, unknown>;

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/**
 * Cadres keyed by their office's code (Mã cán bộ), else their phone. Empty cells leave what is
 * recorded alone; a row that matches a person and changes nothing is counted, not written.
 */
export const cadreImport: ImportKind<Key> = {
  permission: "people:manage",
  columns,
  async processChunk(db, rows, context): Promise<ChunkResult> {
    const units = await unitsByCode(db, rows.map((r) => r.values.unitCode), context.roles, "people:manage");
    const parsed = rows.map(({ row, values }) => {
      const reader = new RowReader(row, columns, values);
      const unitCode = reader.text("unitCode", 50);
      const unit = unitCode === undefined ? undefined : (unitOn(units.get(unitCode), context.now, false) ?? reader.fail("unitCode", { key: "import.error.unit", params: { code: unitCode } }));
      const name = reader.text("name");
      if (name !== undefined && name.length < 2) reader.fail("name", { key: "import.error.name" });
      const profile: Profile = {
        externalId: reader.text("externalId", 50),
        name,
        gender: reader.choice("gender", genderChoices, "Nữ, Nam"),
        ...readBirth(reader),
        ethnicity: reader.choice("ethnicity", ethnicityChoices, "Kinh, Khmer, Hoa, Chăm, Khác"),
        phone: reader.phone("phone"),
        email: reader.email("email"),
        partyMember: { yes: true, no: false, none: undefined }[reader.choice("partyMember", yesNo, "Có, Không") ?? "none"],
        partySince: reader.day("partySince"),
        theoryLevel: reader.choice("theoryLevel", theoryChoices, "Sơ cấp, Trung cấp, Cao cấp, Cử nhân"),
        education: reader.text("education", 100),
        unitId: unit?.id,
      };
      if (profile.externalId === undefined && profile.phone === undefined && reader.raw("phone") === "") reader.fail("externalId", { key: "import.error.key" });
      reader.unique("externalId", profile.externalId, context.seen);
      reader.unique("phone", profile.phone, context.seen);
      reader.unique("email", profile.email, context.seen);
      return { row, reader, profile, unitPath: unit?.path };
    });

    const valid = parsed.filter((p) => p.reader.errors.length === 0);
    const pick = (k: "externalId" | "phone" | "email") => valid.flatMap((p) => (p.profile[k] ? [p.profile[k]] : []));
    // One query per key: an OR of three lists would pass SQLite's limit on query parameters.
    const found = await Promise.all((["externalId", "phone", "email"] as const).map((k) => db.user.findMany({ where: { [k]: { in: pick(k) } }, select: profileSelect })));
    // The same person found by two keys must be one object, so "the owner of this phone is the match" compares rightly.
    const people = new Map(found.flat().map((u) => [u.id, u]));
    const by = (k: "externalId" | "phone" | "email") => new Map([...people.values()].flatMap((u) => (u[k] ? [[u[k]!, u] as const] : [])));
    const byExternal = by("externalId");
    const byPhone = by("phone");
    const byEmail = by("email");

    const result: ChunkResult = { errors: [], created: 0, updated: 0, unchanged: 0, audits: [] };
    const creates: { profile: Profile; unitPath: string }[] = [];
    const updates: { id: string; data: Profile; before: Partial<Profile>; unitPath: string }[] = [];
    for (const { reader, profile, unitPath } of parsed) {
      if (reader.errors.length === 0) {
        const { externalId, phone, email } = profile;
        const phoneOwner = phone ? byPhone.get(phone) : undefined;
        const match = externalId ? (byExternal.get(externalId) ?? (phoneOwner && phoneOwner.externalId === null ? phoneOwner : undefined)) : phoneOwner;
        if (phoneOwner && phoneOwner !== match) reader.fail("phone", { key: "import.error.taken" });
        const emailOwner = email ? byEmail.get(email) : undefined;
        if (emailOwner && emailOwner !== match) reader.fail("email", { key: "import.error.taken" });
        if (match && !canOnUnit(context.roles, "people:manage", match.unit.path)) reader.fail(match === phoneOwner ? "phone" : "externalId", { key: "import.error.taken" });
        if (reader.errors.length === 0) {
          if (!match) creates.push({ profile, unitPath: unitPath! });
          else {
            const changed = (Object.keys(profile) as (keyof Profile)[]).filter((k) => profile[k] !== undefined && !same(profile[k], match[k]));
            if (changed.length === 0) result.unchanged++;
            else
              updates.push({
                id: match.id,
                data: Object.fromEntries(changed.map((k) => [k, profile[k]])),
                before: Object.fromEntries(changed.map((k) => [k, match[k]])),
                unitPath: unitPath!,
              });
          }
        }
      }
      result.errors.push(...reader.errors);
    }
    if (result.errors.length > 0) return result;

    result.created = creates.length;
    result.updated = updates.length;
    if (!context.write) return result;
    const created = await db.user.createManyAndReturn({
      data: creates.map(({ profile }) => newPerson(profile)),
      select: { id: true, externalId: true, phone: true },
    });
    const idOf = new Map(created.map((u) => [u.externalId ?? u.phone, u.id]));
    const audit = rowAudit(context, "person.import", "User");
    for (const c of creates) result.audits.push(audit(idOf.get(c.profile.externalId ?? c.profile.phone!)!, c.unitPath, null, c.profile));
    for (const u of updates) {
      await db.user.update({ where: { id: u.id }, data: u.data, select: { id: true } });
      result.audits.push(audit(u.id, u.unitPath, u.before, u.data));
    }
    return result;
  },
};
