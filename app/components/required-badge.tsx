import { useT } from "#app/i18n/i18n.ts";
import { requiredMessages } from "#app/i18n/vi/required.ts";

/** "Bắt buộc · hạn dd/mm/yyyy", and "Quá hạn" once the date has passed with the course not completed. */
export function RequiredBadge({ dueOn, overdue }: { dueOn: string; overdue: boolean }) {
  const { t, date } = useT(requiredMessages);
  return (
    <p className={overdue ? "badge badge-overdue" : "badge badge-required"}>
      {t("required.badge", { date: date(dueOn) })}
      {overdue ? ` · ${t("required.overdue")}` : null}
    </p>
  );
}
