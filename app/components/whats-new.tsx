import { Link } from "@remix-run/react";
import { ConformForm, useGildeForm } from "~/components/form";
import { FIRST_VISIT_DAYS } from "~/models/whats-new";
import { formatDate, useLocale, useT } from "~/utils/i18n";

type Page = {
  since: string;
  until: string;
  firstVisit: boolean;
  total: number;
  items: { id: string; title: string; communityName: string | null; change: "new" | "changed"; at: string }[];
};

/** The what's-new list; "seen it all" sits below what it marks, so it is pressed after reading, not before. */
export function WhatsNewList({ page }: { page: Page }) {
  const t = useT();
  const locale = useLocale();
  const [form] = useGildeForm("whats-new-seen", undefined, { only: true });
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("whatsNew.title")}</h1>
      </div>
      <p className="muted">
        {page.firstVisit ? t("whatsNew.firstVisit", { days: FIRST_VISIT_DAYS }) : t("whatsNew.since", { date: formatDate(locale, page.since, true) })}{" "}
        {t("whatsNew.whyTopics")}
      </p>
      {page.total === 0 ? (
        <div className="card whats-new-empty">
          <p className="empty">{t("whatsNew.empty")}</p>
          <p className="muted small">{t("whatsNew.emptyHint")}</p>
        </div>
      ) : (
        <>
          <p>
            <strong>{t("whatsNew.count", { count: page.total })}</strong>
            {page.total > page.items.length ? ` · ${t("whatsNew.shownOf", { shown: page.items.length, total: page.total })}` : null}
          </p>
          <ul className="whats-new-list">
            {page.items.map((item) => (
              <li key={item.id} className="card whats-new-item">
                <div className="whats-new-head">
                  <h2>
                    <Link to={`/entries/${item.id}`}>{item.title}</Link>
                  </h2>
                  <span className={`badge ${item.change === "new" ? "badge-published" : "badge-submitted"}`}>{t(item.change === "new" ? "whatsNew.new" : "whatsNew.changed")}</span>
                </div>
                <p className="muted small">
                  {item.communityName ?? t("whatsNew.noCommunity")} · {formatDate(locale, item.at, true)}
                </p>
              </li>
            ))}
          </ul>
          <ConformForm form={form} className="whats-new-seen">
            <input type="hidden" name="seenUntil" value={page.until} />
            <button type="submit" className="button primary">
              {t("whatsNew.markSeen")}
            </button>
            <p className="muted small">{t("whatsNew.markSeenHint")}</p>
          </ConformForm>
        </>
      )}
    </div>
  );
}
