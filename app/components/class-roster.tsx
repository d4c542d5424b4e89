import { useEffect, useState, type ReactNode } from "react";
import type { RosterCut } from "#app/classes/classes.server.ts";
import { Field } from "#app/components/field.tsx";
import { useT } from "#app/i18n/i18n.ts";
import { formatInteger } from "#app/i18n/numbers.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { isPosition, positionLabel } from "#app/people/positions.ts";

export type RosterPerson = { id: string; name: string; unitName: string; positions: string[] };

/** Lower case without diacritics, so "lan" finds "Lan" and "Lân". */
const folded = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/gi, "d").toLowerCase();

/**
 * The attendance list of a class form: a checkbox per person, 44 px rows; the name filter appears once hydrated.
 * A roster cut at the bound says so, and how the others are reached: through a unit below, the way the page offers
 * (`reachBelow`), or, without one, that they are not.
 */
export function ClassRoster({ roster, checked, error, cut, reachBelow }: { roster: readonly RosterPerson[]; checked: ReadonlySet<string>; error?: string; cut: RosterCut | null; reachBelow: ReactNode }) {
  const { t } = useT(classesMessages, peopleMessages);
  // The filter is an enhancement: without JavaScript the whole roster shows and every box works.
  const [hydrated, setHydrated] = useState(false);
  const [query, setQuery] = useState("");
  useEffect(() => setHydrated(true), []);
  const shown = (name: string) => !query || folded(name).includes(folded(query));
  return (
    <fieldset className="roster" aria-describedby={error ? "attendees-error" : undefined}>
      <legend>{t("classes.attendees")}</legend>
      <p className="muted">{t("classes.attendeesHint")}</p>
      {error ? (
        <p id="attendees-error" className="field-error">
          {error}
        </p>
      ) : null}
      {hydrated && roster.length > 0 ? <Field label={t("classes.filter")} name="" type="search" value={query} onChange={(e) => setQuery(e.target.value)} /> : null}
      {roster.length === 0 ? <p>{t("classes.noRoster")}</p> : null}
      {cut ? (
        <p className="callout callout-warning">
          {cut.kept > 0
            ? t("classes.rosterCut.kept", { shown: formatInteger(cut.shown), total: formatInteger(cut.total), first: formatInteger(cut.shown - cut.kept), kept: formatInteger(cut.kept) })
            : t("classes.rosterCut", { shown: formatInteger(cut.shown), total: formatInteger(cut.total) })}{" "}
          {cut.unitsBelow ? reachBelow : t("classes.rosterCut.none")}
        </p>
      ) : null}
      <ul className="roster-list">
        {roster.map((p) => (
          <li key={p.id} hidden={!shown(p.name)}>
            <label className="choice">
              <input type="checkbox" name="attendees" value={p.id} defaultChecked={checked.has(p.id)} />
              <span>
                {p.name}
                <span className="muted roster-detail">
                  {[p.unitName, ...p.positions.map((position) => (isPosition(position) ? t(positionLabel(position)) : position))].join(" · ")}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
