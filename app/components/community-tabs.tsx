import { Link } from "@remix-run/react";
import { useT, type MessageKey } from "~/utils/i18n";

type Tab = "home" | "time" | "activities" | "questions" | "reports";

const TABS: { path: string; key: MessageKey; id: Tab }[] = [
  { path: "", key: "community.tab.home", id: "home" },
  { path: "/questions", key: "community.tab.questions", id: "questions" },
  { path: "/activities", key: "community.tab.activities", id: "activities" },
  { path: "/time", key: "community.tab.time", id: "time" },
  { path: "/reports", key: "community.tab.reports", id: "reports" },
];

/** The pages of one community: overview, questions, activities, time and budget, and reports for who may read them. */
export function CommunityTabs({ slug, current, reports = false }: { slug: string; current: Tab; reports?: boolean }) {
  const t = useT();
  return (
    <nav className="community-tabs" aria-label={t("community.tabs")}>
      <ul>
        {TABS.filter((tab) => tab.id !== "reports" || reports).map((tab) => (
          <li key={tab.id}>
            <Link to={`/communities/${slug}${tab.path}`} aria-current={tab.id === current ? "page" : undefined}>
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
