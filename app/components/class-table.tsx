import { Link } from "react-router";
import { useT } from "#app/i18n/i18n.ts";
import { classesMessages } from "#app/i18n/vi/classes.ts";

type ClassRow = { id: string; heldOn: string | Date; place: string; course: { title: string }; unit: { name: string }; _count: { attendance: number }; recordedBy?: { name: string } };

/** Classes held, newest first: the trainer's list links each to its edit page; the organizer's names who recorded it. */
export function ClassTable({ caption, rows, editable = false }: { caption: string; rows: ClassRow[]; editable?: boolean }) {
  const { t, date } = useT(classesMessages);
  const trainer = rows.some((c) => c.recordedBy);
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
            <th scope="col" className="num">{t("classes.org.attendees")}</th>
            {trainer ? <th scope="col">{t("classes.org.trainer")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <th scope="row">{editable ? <Link to={`/classes/${c.id}`}>{date(c.heldOn)}</Link> : date(c.heldOn)}</th>
              <td>{c.course.title}</td>
              <td>{c.unit.name}</td>
              <td>{c.place}</td>
              <td className="num">{c._count.attendance}</td>
              {trainer ? <td>{c.recordedBy?.name}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
