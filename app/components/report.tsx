import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import type { ReportFigures } from "~/models/report.server";
import { BarChart } from "./charts/bar-chart";
import { formatDate, formatDuration, useLocale, useT, type MessageKey } from "~/utils/i18n";

export function ReportStateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge badge-report-${state.toLowerCase()}`}>{t(`reports.state.${state}` as MessageKey)}</span>;
}

/** A figure's card: its heading, its definition one hover (title) or one click (details) away, and the figure. */
export function FigureCard({ id, title, definition, children }: { id: string; title: string; definition: string; children: ReactNode }) {
  const t = useT();
  return (
    <section className="card figure-card" aria-labelledby={id}>
      <h3 id={id} title={definition}>
        {title}
      </h3>
      {children}
      <details className="figure-definition">
        <summary>{t("reports.definition")}</summary>
        <p>{definition}</p>
      </details>
    </section>
  );
}

type Figures = Omit<ReportFigures, "period">;

/** The figures of a report, section by section; charts come with their numbers one click away. */
export function ReportFiguresView({ figures, memberTime }: { figures: Figures; memberTime: boolean }) {
  const t = useT();
  const locale = useLocale();
  const { time, members, goals, activities, contributions, entries } = figures;
  const showNumbers = t("reports.showNumbers");
  return (
    <div className="stack">
      <FigureCard id="fig-time" title={t("reports.time")} definition={t("reports.timeDef")}>
        <p className={`figure${time.over ? " over" : ""}`}>{t("reports.timeValue", { used: formatDuration(t, time.used), budget: formatDuration(t, time.budget) })}</p>
        <div className="stack">
          <BarChart
            id="report-time-periods"
            title={t("reports.timePeriodsChart")}
            description={t("reports.timePeriodsChartDesc")}
            data={time.periods.map((p) => ({ key: p.start, label: t("reports.periodText", { start: formatDate(locale, p.start), end: formatDate(locale, p.end) }), value: p.used, reference: p.budget }))}
            formatValue={(m) => formatDuration(t, m)}
            labels={{ category: t("reports.budgetPeriod"), value: t("time.used"), reference: t("time.budget"), over: t("time.over"), table: showNumbers }}
          />
          {memberTime ? (
            <BarChart
              id="report-time-members"
              title={t("reports.timeMembersChart")}
              description={t("reports.timeMembersChartDesc")}
              data={time.members.map((m) => ({ key: m.userId, label: m.name, value: m.used, reference: m.budget }))}
              formatValue={(m) => formatDuration(t, m)}
              labels={{ category: t("time.member"), value: t("time.used"), reference: t("time.budget"), over: t("time.over"), table: showNumbers }}
            />
          ) : null}
        </div>
      </FigureCard>
    <div className="figure-grid">
      <FigureCard id="fig-members" title={t("reports.members")} definition={t("reports.membersDef")}>
        <p className="figure">{t("reports.membersValue", { count: members.total, active: members.active })}</p>
        <p className="muted">{t("reports.membersChange", { joined: members.joined, left: members.left })}</p>
      </FigureCard>
      <FigureCard id="fig-activities" title={t("reports.activities")} definition={t("reports.activitiesDef")}>
        <p className="figure">{t("reports.activitiesValue", { held: activities.held, count: activities.attendances })}</p>
        {activities.items.length ? (
          <ul className="compact-list">
            {activities.items.map((a) => (
              <li key={a.id}>
                {formatDate(locale, a.startsAt)} · {a.title} · {a.attendees}
              </li>
            ))}
          </ul>
        ) : null}
      </FigureCard>
      <FigureCard id="fig-goals" title={t("reports.goals")} definition={t("reports.goalsDef")}>
        <BarChart
          id="report-goal-states"
          title={t("reports.goalStatesChart")}
          description={t("reports.goalStatesChartDesc")}
          width={420}
          data={Object.entries(goals.byStatus).map(([status, n]) => ({ key: status, label: t(`goals.status.${status}` as MessageKey), value: n }))}
          formatValue={(n) => String(n)}
          labels={{ category: t("reports.status"), value: t("reports.goals"), table: showNumbers }}
        />
        {goals.items.length ? (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("goals.field.title")}</th>
                <th scope="col">{t("reports.status")}</th>
                <th scope="col">%</th>
              </tr>
            </thead>
            <tbody>
              {goals.items.map((g) => (
                <tr key={g.id}>
                  <td>{g.title}</td>
                  <td>{t(`goals.status.${g.status}` as MessageKey)}</td>
                  <td>{g.progress === null ? t("common.none") : t("reports.goalProgress", { percentage: g.progress })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t("reports.noGoals")}</p>
        )}
      </FigureCard>
      <FigureCard id="fig-contributions" title={t("reports.contributions")} definition={t("reports.contributionsDef")}>
        <dl className="figure-list">
          <dt>{t("reports.notes")}</dt>
          <dd>{contributions.notes}</dd>
          <dt>{t("reports.questions")}</dt>
          <dd>{contributions.questions}</dd>
          <dt>{t("reports.answers")}</dt>
          <dd>{contributions.answers}</dd>
          <dt>{t("reports.questionsAnswered")}</dt>
          <dd>{contributions.questionsAnswered}</dd>
          <dt>{t("reports.questionsAccepted")}</dt>
          <dd>{contributions.questionsAccepted}</dd>
          <dt>{t("reports.contributors")}</dt>
          <dd>{contributions.contributors}</dd>
        </dl>
        <BarChart
          id="report-contributions"
          title={t("reports.contributionsChart")}
          description={t("reports.contributionsChartDesc")}
          width={420}
          data={contributions.weeks.map((w) => ({ key: w.start, label: t("reports.weekOf", { date: formatDate(locale, w.start) }), value: w.notes + w.questions + w.answers }))}
          formatValue={(n) => String(n)}
          labels={{ category: t("reports.week"), value: t("reports.contributions"), table: showNumbers }}
        />
      </FigureCard>
      <FigureCard id="fig-entries" title={t("reports.entries")} definition={t("reports.entriesDef")}>
        <p className="figure">{t("reports.entriesValue", { published: entries.published, count: entries.helped })}</p>
        {entries.mostHelpful.length ? (
          <>
            <p className="muted">{t("reports.mostHelpful")}</p>
            <ul className="compact-list">
              {entries.mostHelpful.map((e) => (
                <li key={e.id}>
                  <Link to={`/entries/${e.id}`}>{e.title}</Link> · {t("reports.timesHelped", { count: e.helped })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </FigureCard>
    </div>
    </div>
  );
}
