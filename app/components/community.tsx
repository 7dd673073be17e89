import type { Translate } from "~/utils/i18n";

/** "2 u per 14 dagen per lid", "½ dag per week per lid", "1 u 30 min per 30 dagen per lid". */
export function budgetText(t: Translate, minutes: number, days: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const time =
    minutes === 240
      ? t("communities.halfDay")
      : hours === 0
        ? t("communities.minutes", { minutes })
        : rest === 0
          ? t("communities.hours", { hours })
          : `${t("communities.hours", { hours })} ${t("communities.minutes", { minutes: rest })}`;
  const period = days === 7 ? t("communities.week") : days === 1 ? t("communities.day") : t("communities.days", { days });
  return t("communities.budgetText", { time, period });
}

export function AccessBadge({ t, visibility }: { t: Translate; visibility: string }) {
  return <span className="badge">{visibility === "CLOSED" ? t("communities.closed") : t("communities.open")}</span>;
}
