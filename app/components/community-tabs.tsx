import { NavLink } from "@remix-run/react";
import { ConformForm, useGildeForm } from "./form";
import { useT, type MessageKey } from "~/utils/i18n";

const TABS: { path: string; key: MessageKey; id: string }[] = [
  { path: "", key: "community.tab.home", id: "home" },
  { path: "/questions", key: "community.tab.questions", id: "questions" },
  { path: "/activities", key: "community.tab.activities", id: "activities" },
  { path: "/time", key: "community.tab.time", id: "time" },
  { path: "/reports", key: "community.tab.reports", id: "reports" },
];

/** The pages of one community: overview, questions, activities, time and budget, and reports for who may read them. */
export function CommunityTabs({ slug, reports = false }: { slug: string; reports?: boolean }) {
  const t = useT();
  return (
    <nav className="community-tabs" aria-label={t("community.tabs")}>
      <ul>
        {TABS.filter((tab) => tab.id !== "reports" || reports).map((tab) => (
          // NavLink marks the open page with aria-current="page"; the overview only when it is itself open.
          <li key={tab.id}>
            <NavLink to={`/communities/${slug}${tab.path}`} end={tab.path === ""}>
              {t(tab.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The title of a community's sub-page (the layout above it names the community). */
export function CommunitySubPageHead({ title, id }: { title: string; id?: string }) {
  return (
    <h2 className="page-title" id={id}>
      {title}
    </h2>
  );
}

/**
 * A one-button form for an intent of a community page (join, leave, accept a request…). `formId` is
 * unique on the page (`member-remove-${userId}`), so a refusal shows beside this button only.
 */
export function IntentButton({
  formId,
  intent,
  userId,
  label,
  text,
  danger,
  busy,
  action,
}: {
  formId: string;
  intent: string;
  userId?: string;
  label?: string;
  text: string;
  danger?: boolean;
  busy: boolean;
  action?: string;
}) {
  const [form] = useGildeForm(formId);
  return (
    <ConformForm form={form} className="inline-form" action={action}>
      <input type="hidden" name="intent" value={intent} />
      {userId ? <input type="hidden" name="userId" value={userId} /> : null}
      <button type="submit" className={`button small${danger ? " danger" : ""}`} aria-label={label} disabled={busy}>
        {text}
      </button>
    </ConformForm>
  );
}
