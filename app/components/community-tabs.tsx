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

/**
 * The head of a community's sub-page: title with the community's name, the tabs, the message of the
 * last action, and the notice that an archived community is read-only.
 */
export function CommunityPageHead({
  title,
  community,
  current,
  reports,
  done,
}: {
  title: string;
  community: { slug: string; name: string; status: string };
  current: Tab;
  reports: boolean;
  done?: MessageKey | null;
}) {
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>
          {title} <span className="muted">· {community.name}</span>
        </h1>
      </div>
      <CommunityTabs slug={community.slug} current={current} reports={reports} />
      {done ? (
        <div className="alert alert-success" role="status">
          {t(done)}
        </div>
      ) : null}
      {community.status !== "ACTIVE" ? (
        <div className="alert alert-warning" role="status">
          {t("communities.archivedNotice")}
        </div>
      ) : null}
    </>
  );
}
