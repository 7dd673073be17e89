import { NavLink } from "@remix-run/react";
import { useT, type MessageKey } from "~/utils/i18n";

const PAGES: { to: string; key: MessageKey; end?: boolean }[] = [
  { to: "/dashboard/knowledge", key: "kb.nav.dashboard" },
  { to: "/knowledge/products", key: "kb.nav.products" },
  { to: "/knowledge/synonyms", key: "kb.nav.synonyms" },
  // Its reports lie below it, and the tab stays lit there.
  { to: "/knowledge/mandatory-reads", key: "mandatory.nav", end: false },
  { to: "/knowledge/import", key: "kb.nav.import" },
];

/**
 * The knowledge manager's own pages besides the inbox, as tabs at the top of each of them: the header
 * keeps one "Dashboard" link, and the rest is one click further.
 */
export function KnowledgeNav() {
  const t = useT();
  return (
    <nav className="community-tabs" aria-label={t("kb.nav.label")}>
      <ul>
        {PAGES.map((page) => (
          <li key={page.to}>
            <NavLink to={page.to} end={page.end ?? true}>
              {t(page.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
