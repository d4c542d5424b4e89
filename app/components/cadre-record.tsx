import { Link } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";
import { peopleMessages } from "#app/i18n/vi/people.ts";
import { peopleAdminMessages } from "#app/i18n/vi/people-admin.ts";
import { planningMessages } from "#app/i18n/vi/planning.ts";
import type { CadreRecord } from "#app/people/cadre-record.server.ts";
import { isPosition, positionLabel } from "#app/people/positions.ts";
import type { Gap } from "#app/planning/readiness.ts";
import { ClassTable } from "./class-table.tsx";
import { termName } from "#app/planning/terms.ts";
import { committeeLabel, type CommitteeKind } from "#app/planning/positions.ts";

type Status = "proposed" | "approved" | "kept" | "removed";

/** The planning, committee and training sections of a cadre's page, in the order an organizer reads them. */
export function CadreRecordSections({ record }: { record: CadreRecord }) {
  const { t, date } = useT(peopleAdminMessages, peopleMessages, planningMessages, classesMessages);
  const position = (key: string) => (isPosition(key) ? t(positionLabel(key)) : key);
  const gap = (g: Gap) => {
    if (g.kind === "course") return t("planning.gap.course", { course: record.gapCourses[g.course] ?? g.course });
    if (g.kind === "theory_level") return t("planning.gap.theory_level", { level: t(`people.theory.${g.level}`).toLowerCase() });
    return t(`planning.gap.${g.kind}`);
  };
  return (
    <>
      <h2>{t("peopleAdmin.planning")}</h2>
      {record.planning.length === 0 ? (
        <p>{t("peopleAdmin.noPlanning")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("peopleAdmin.planning")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("peopleAdmin.col.position")}</th>
                <th scope="col">{t("peopleAdmin.col.term")}</th>
                <th scope="col">{t("peopleAdmin.col.unit")}</th>
                <th scope="col">{t("peopleAdmin.col.history")}</th>
                <th scope="col">{t("peopleAdmin.col.readiness")}</th>
              </tr>
            </thead>
            <tbody>
              {record.planning.map((entry) => (
                <tr key={entry.id}>
                  <th scope="row">{position(entry.position)}</th>
                  <td>{termName(entry.term)}</td>
                  <td>{entry.unitName}</td>
                  <td>
                    <strong>{t(`planning.status.${entry.status as Status}`)}</strong>
                    {entry.reason ? <p>{t("peopleAdmin.reason", { reason: entry.reason })}</p> : null}
                    <ul>
                      {entry.events.map((e) => (
                        <li key={e.id}>
                          {date(e.on)}: {t(`planning.status.${e.status as Status}`)}
                          {e.reason ? ` (${e.reason})` : ""}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {entry.readiness ? (
                      <>
                        <strong>{t(`planning.readiness.${entry.readiness.state}`, { count: entry.readiness.gaps.length })}</strong>
                        {entry.readiness.gaps.length ? (
                          <ul>
                            {entry.readiness.gaps.map((g, i) => (
                              <li key={i}>{gap(g)}</li>
                            ))}
                          </ul>
                        ) : null}
                        {entry.readiness.blockers.length ? (
                          <>
                            <p>{t("peopleAdmin.blockers")}</p>
                            <ul>
                              {entry.readiness.blockers.map((g, i) => (
                                <li key={i}>{gap(g)}</li>
                              ))}
                            </ul>
                          </>
                        ) : null}
                      </>
                    ) : (
                      <span className="status-none">{t("peopleAdmin.readinessNone")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("peopleAdmin.seats")}</h2>
      {record.seats.length === 0 ? (
        <p>{t("peopleAdmin.noSeats")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("peopleAdmin.seats")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("peopleAdmin.col.position")}</th>
                <th scope="col">{t("peopleAdmin.col.committee")}</th>
                <th scope="col">{t("peopleAdmin.col.term")}</th>
                <th scope="col">{t("peopleAdmin.col.how")}</th>
                <th scope="col">{t("peopleAdmin.col.on")}</th>
              </tr>
            </thead>
            <tbody>
              {record.seats.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{position(s.position)}</th>
                  <td>
                    {t(committeeLabel(s.committee as CommitteeKind))}, {s.unitName}
                  </td>
                  <td>{termName(s.term)}</td>
                  <td>{t(`planning.outcome.${s.how as "elected" | "appointed"}`)}</td>
                  <td>{date(s.on)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("peopleAdmin.training")}</h2>
      {record.training.length === 0 ? (
        <p>{t("peopleAdmin.noTraining")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("peopleAdmin.training")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("peopleAdmin.col.course")}</th>
                <th scope="col">{t("peopleAdmin.col.started")}</th>
                <th scope="col">{t("peopleAdmin.col.completed")}</th>
                <th scope="col">{t("peopleAdmin.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {record.training.map((c) => (
                <tr key={c.courseId}>
                  <th scope="row">{c.title}</th>
                  <td>{date(c.startedAt)}</td>
                  <td>{c.completedAt ? date(c.completedAt) : ""}</td>
                  <td className={c.state === "completed" ? "status-done" : c.state === "needs_refresh" ? "status-refresh" : "status-none"}>{t(`peopleAdmin.training.${c.state}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("classes.record.title")}</h3>
      {record.classes.length === 0 ? (
        <p>{t("classes.record.none")}</p>
      ) : (
        <ClassTable caption={t("classes.record.title")} rows={record.classes} columns={["certificate"]} />
      )}

      <h3>{t("peopleAdmin.certificates")}</h3>
      {record.certificates.length === 0 ? (
        <p>{t("peopleAdmin.noCertificates")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("peopleAdmin.certificates")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("peopleAdmin.col.course")}</th>
                <th scope="col">{t("peopleAdmin.col.code")}</th>
                <th scope="col">{t("peopleAdmin.col.version")}</th>
                <th scope="col">{t("peopleAdmin.col.issued")}</th>
              </tr>
            </thead>
            <tbody>
              {record.certificates.map((c) => (
                <tr key={c.code}>
                  <th scope="row">
                    {c.courseTitle}
                    {c.inPerson ? <span className="muted"> · {t("classes.record.inPerson")}</span> : null}
                  </th>
                  <td>
                    <Link to={`/verify/${c.code}`}>{c.code}</Link>
                  </td>
                  <td className="num">{c.courseVersion}</td>
                  <td>{date(c.issuedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>{t("peopleAdmin.required")}</h3>
      {record.required.length === 0 ? (
        <p>{t("peopleAdmin.noRequired")}</p>
      ) : (
        <div className="table-scroll" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("peopleAdmin.required")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("peopleAdmin.col.course")}</th>
                <th scope="col">{t("peopleAdmin.col.requiredBy")}</th>
                <th scope="col">{t("peopleAdmin.col.due")}</th>
                <th scope="col">{t("peopleAdmin.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {record.required.map((r) => (
                <tr key={r.courseId}>
                  <th scope="row">{r.title}</th>
                  <td>{t(r.assigned ? "peopleAdmin.requiredBy.assigned" : "peopleAdmin.requiredBy.unit")}</td>
                  <td>{date(r.dueOn)}</td>
                  <td className={r.done ? "status-done" : r.overdue ? "status-refresh" : "status-none"}>
                    {t(r.done ? "peopleAdmin.required.done" : r.overdue ? "peopleAdmin.required.overdue" : "peopleAdmin.required.pending")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
