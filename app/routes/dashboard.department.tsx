import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "~/components/charts/bar-chart";
import { DepartmentPicker } from "~/components/department-picker";
import { Sparkline } from "~/components/charts/sparkline";
import { ReportStateBadge } from "~/components/report";
import { TREND_WEEKS } from "~/models/department-dashboard";
import { departmentDashboard } from "~/models/department-dashboard.server";
import { listDepartments } from "~/models/department.server";
import { authorize, notFound } from "~/utils/http.server";
import { canViewDepartmentDashboard, isAdmin } from "~/policies/policies";
import { formatDate, formatDuration, useLocale, useT, type MessageKey } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const departments = isAdmin(actor) ? await listDepartments() : [];
  // A head sees the department they head; an admin picks one (the first by default).
  const asked = new URL(request.url).searchParams.get("department");
  const departmentId = isAdmin(actor) ? (asked ?? departments[0]?.id ?? null) : actor.headOfDepartmentId;
  authorize(departmentId !== null && canViewDepartmentDashboard(actor, departmentId));
  const dashboard = await departmentDashboard(departmentId!);
  if (!dashboard) notFound();
  return json({ departments, dashboard });
}

const GOAL_STATES = ["PROPOSED", "AGREED", "DONE", "DROPPED"] as const;

export default function DepartmentDashboard() {
  const t = useT();
  const locale = useLocale();
  const { departments, dashboard } = useLoaderData<typeof loader>();
  const showNumbers = t("reports.showNumbers");
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("deptDash.title", { name: dashboard.department.name })}</h1>
        {departments.length ? <DepartmentPicker id="department" departments={departments} selected={dashboard.department.id} /> : null}
      </div>
      <p className="lead">{t("deptDash.intro")}</p>

      <section className="card" aria-labelledby="waiting">
        <h2 id="waiting">
          {t("deptDash.waiting")} <span className="count-badge">{dashboard.waiting.length}</span>
        </h2>
        {dashboard.waiting.length ? (
          <ul className="community-list">
            {dashboard.waiting.map((w) => (
              <li key={w.id}>
                <Link to={`/reports/${w.id}`}>
                  {t("deptDash.waitingItem", {
                    community: w.community,
                    period: t("reports.periodText", { start: formatDate(locale, w.periodStart), end: formatDate(locale, w.periodEnd) }),
                    author: w.author,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("deptDash.waitingNone")}</p>
        )}
      </section>

      {dashboard.communities.length === 0 ? (
        <p className="muted">{t("deptDash.noCommunities")}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="budget-use">
            <h2 id="budget-use" title={t("deptDash.budgetDef")}>
              {t("deptDash.budget")}
            </h2>
            <BarChart
              id="dept-budget"
              title={t("deptDash.budgetChart")}
              description={t("deptDash.budgetDef")}
              data={dashboard.communities.map((c) => ({ key: c.id, label: c.name, value: c.budget?.used ?? 0, reference: c.budget?.budget ?? 0 }))}
              formatValue={(m) => formatDuration(t, m)}
              labels={{ category: t("communities.title"), value: t("time.used"), reference: t("time.budget"), over: t("time.over"), table: showNumbers }}
            />
          </section>

          <section className="card" aria-labelledby="overview">
            <h2 id="overview">{t("deptDash.overview")}</h2>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("communities.field.name")}</th>
                    <th scope="col">{t("deptDash.goals")}</th>
                    <th scope="col">{t("deptDash.lastReport")}</th>
                    <th scope="col" title={t("deptDash.trendDef")}>
                      {t("deptDash.trend")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {dashboard.communities.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/communities/${c.slug}`}>{c.name}</Link>
                        <div className="muted small">{t("deptDash.members", { count: c.members })}</div>
                      </th>
                      <td>
                        <ul className="goal-counts" aria-label={t("deptDash.goals")}>
                          {GOAL_STATES.map((s) => (
                            <li key={s}>
                              {t(`goals.status.${s}` as MessageKey)}: <strong>{c.goals[s] ?? 0}</strong>
                            </li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {c.lastReport ? (
                          <>
                            <Link to={`/reports/${c.lastReport.id}`}>
                              {t("reports.periodText", { start: formatDate(locale, c.lastReport.periodStart), end: formatDate(locale, c.lastReport.periodEnd) })}
                            </Link>{" "}
                            <ReportStateBadge state={c.lastReport.state} />
                          </>
                        ) : (
                          <span className="muted">{t("deptDash.noReport")}</span>
                        )}{" "}
                        <div>
                          <Link className="small" to={`/communities/${c.slug}/reports`}>
                            {t("reports.link")}
                          </Link>
                        </div>
                      </td>
                      <td>
                        <Sparkline
                          values={c.trend.map((w) => w.contributions)}
                          label={t("deptDash.trendLabel", { name: c.name, count: TREND_WEEKS, values: c.trend.map((w) => w.contributions).join(", ") })}
                        />
                        <div className="muted small">{t("deptDash.trendMinutes", { time: formatDuration(t, c.trend.reduce((s, w) => s + w.minutes, 0)) })}</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details className="figure-definition">
              <summary>{t("reports.definition")}</summary>
              <p>{t("deptDash.trendDef")}</p>
            </details>
          </section>
        </>
      )}
    </div>
  );
}
