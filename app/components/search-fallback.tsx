import { Link } from "@remix-run/react";
import { useT } from "~/utils/i18n";

/** "Bedoelde je …?": the query with its unknown words replaced by the closest words the index holds. */
export function DidYouMean({ suggestion, href }: { suggestion: string | null; href: (q: string) => string }) {
  const t = useT();
  if (!suggestion) return null;
  return (
    <p className="did-you-mean">
      {t("searchFallback.didYouMean")}{" "}
      <Link to={href(suggestion)} className="did-you-mean-link">
        {suggestion}
      </Link>
      ?
    </p>
  );
}

/**
 * What the page says when no entry holds all the words: that plainly, the offer to write a field note,
 * and (when the relaxed query found any) a heading over the closest entries that follow.
 */
export function NoExactMatch({ q, closest }: { q: string; closest: boolean }) {
  const t = useT();
  return (
    <div className="card empty-state">
      <p>
        <strong>{closest ? t("searchFallback.noExact", { q }) : t("search.empty", { q })}</strong>
      </p>
      {closest ? <p>{t("searchFallback.closestBelow")}</p> : null}
      <p>{t("search.emptyCta")}</p>
      <Link to={`/notes/new?title=${encodeURIComponent(q)}`} className="button primary">
        {t("search.emptyCtaButton")}
      </Link>
    </div>
  );
}

/** The line between the entries that hold every word and the closest ones after them. */
export function ClosestHeading({ all }: { all: boolean }) {
  const t = useT();
  return <h2 className="closest-heading">{all ? t("searchFallback.closest") : t("searchFallback.lessExact")}</h2>;
}
