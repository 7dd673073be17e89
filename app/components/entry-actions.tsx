import { Link } from "@remix-run/react";
import { formatDate, useLocale, useT } from "~/utils/i18n";

/** What the entry page may offer besides reading: fix it, retire it, bring it back. */
export function EntryActions({ entryId, can }: { entryId: string; can: { edit: boolean; archive: boolean; restore: boolean } }) {
  const t = useT();
  if (!can.edit && !can.archive && !can.restore) return null;
  return (
    <nav className="entry-actions" aria-label={t("entryLife.actions")}>
      {can.edit ? (
        <Link className="button small" to={`/entries/${entryId}/edit`}>
          {t("entryLife.action.edit")}
        </Link>
      ) : null}
      {can.archive ? (
        <Link className="button small danger" to={`/entries/${entryId}/archive`}>
          {t("entryLife.action.archive")}
        </Link>
      ) : null}
      {can.restore ? (
        <Link className="button small" to={`/entries/${entryId}/archive`}>
          {t("entryLife.action.restore")}
        </Link>
      ) : null}
    </nav>
  );
}

export type ArchiveInfo = { archivedAt: string | Date | null; reason: string | null; successor: { id: string; title: string } | null };

/**
 * On top of an archived entry, for everyone who reads it: when and why, and where to read instead
 * (the successor, when the reader may see it).
 */
export function ArchivedNotice({ archive }: { archive: ArchiveInfo }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="alert alert-warning archived-notice" aria-labelledby="archived-notice-heading">
      <h2 id="archived-notice-heading">{t("entryLife.notice.title")}</h2>
      {archive.archivedAt ? <p>{t("entryLife.notice.when", { date: formatDate(locale, archive.archivedAt) })}</p> : null}
      {archive.reason ? <p>{t("entryLife.notice.reason", { reason: archive.reason })}</p> : null}
      {archive.successor ? (
        <p>
          {t("entryLife.notice.seeInstead")} <Link to={`/entries/${archive.successor.id}`}>{archive.successor.title}</Link>
        </p>
      ) : null}
    </section>
  );
}
