import { Link } from "@remix-run/react";
import { useT, type MessageKey } from "~/utils/i18n";

const TABS: { path: string; key: MessageKey; id: "home" | "time" | "activities" }[] = [
  { path: "", key: "community.tab.home", id: "home" },
  { path: "/time", key: "community.tab.time", id: "time" },
  { path: "/activities", key: "community.tab.activities", id: "activities" },
];

/** The pages of one community: overview, time and budget, activities. */
export function CommunityTabs({ slug, current }: { slug: string; current: "home" | "time" | "activities" }) {
  const t = useT();
  return (
    <nav className="community-tabs" aria-label={t("community.tabs")}>
      <ul>
        {TABS.map((tab) => (
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
