import { Link } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";

type ClassRow = {
  id: string;
  heldOn: string | Date;
  place: string;
  course: { title: string };
  unit: { name: string };
  _count?: { attendance: number };
  recordedBy?: { name: string };
  certificate?: string | null;
};
/** The columns after date, course, unit and place: the attendee count, who recorded it, the certificate it granted. */
type Column = "attendees" | "trainer" | "certificate";

/** Classes held, newest first, wherever they are listed: the trainer's list links each to its edit page. */
export function ClassTable({ caption, rows, columns, editable = false }: { caption: string; rows: ClassRow[]; columns: Column[]; editable?: boolean }) {
  const { t, date } = useT(classesMessages);
  const headers: Record<Column, string> = { attendees: t("classes.org.attendees"), trainer: t("classes.org.trainer"), certificate: t("classes.record.certificate") };
  const cell = (c: ClassRow, column: Column) => {
    if (column === "attendees") return <td key={column} className="num">{c._count?.attendance}</td>;
    if (column === "trainer") return <td key={column}>{c.recordedBy?.name}</td>;
    return <td key={column}>{c.certificate ? <Link to={`/verify/${c.certificate}`}>{c.certificate}</Link> : null}</td>;
  };
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("classes.org.date")}</th>
            <th scope="col">{t("classes.org.course")}</th>
            <th scope="col">{t("classes.org.heldFor")}</th>
            <th scope="col">{t("classes.org.place")}</th>
            {columns.map((column) => (
              <th key={column} scope="col" className={column === "attendees" ? "num" : undefined}>
                {headers[column]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <th scope="row">{editable ? <Link to={`/classes/${c.id}`}>{date(c.heldOn)}</Link> : date(c.heldOn)}</th>
              <td>{c.course.title}</td>
              <td>{c.unit.name}</td>
              <td>{c.place}</td>
              {columns.map((column) => cell(c, column))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
