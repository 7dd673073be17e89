import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { deleteTimeEntry, editTimeEntry, logTime } from "~/commands/log-time.server";
import { budgetText } from "~/components/community";
import { CommunitySubPageHead } from "~/components/community-tabs";
import { BudgetChart, LogTimeForm, OwnEntries, periodRange, usageText } from "~/components/time";
import { activitiesToLog, budgetView, listOwnEntries } from "~/models/time.server";
import { requireCommunity } from "~/models/community-access.server";
import { isMemberOf } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { today } from "~/utils/dates";
import { TimeIntentSchema } from "~/schemas/time";
import { TIME_INTENT } from "~/schemas/time.shared";
import { formatDuration, useLocale, useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  const perMember = can.memberTime;
  const member = isMemberOf(actor, community);
  const view = await budgetView(community, { periodKey: new URL(request.url).searchParams.get("period"), userId: actor.id, perMember });
  const [own, activities] = await Promise.all([
    view && member ? listOwnEntries(actor.id, community.id, view.period) : ([] as Awaited<ReturnType<typeof listOwnEntries>>),
    can.logTime ? activitiesToLog(community.id, actor.id) : ([] as Awaited<ReturnType<typeof activitiesToLog>>),
  ]);
  return json({
    community: { id: community.id, slug: community.slug, name: community.name, archived: community.archived },
    view,
    own,
    activities,
    today: today(),
    me: actor.id,
    can: { log: can.logTime, perMember, member },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await requireCommunity(actor, params.slug);
  const submission = parseSubmission(TimeIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const base = `/communities/${community.slug}/time`;
  const input = submission.value;
  try {
    switch (input.intent) {
      case TIME_INTENT.log:
        await logTime(actor, community.id, input);
        return redirectWithFlash(request, base, { key: "time.done.logged" });
      case TIME_INTENT.edit:
        await editTimeEntry(actor, community.id, input.entryId, input);
        return redirectWithFlash(request, base, { key: "time.done.edited" });
      case TIME_INTENT.delete:
        await deleteTimeEntry(actor, community.id, input.entryId);
        return redirectWithFlash(request, base, { key: "time.done.deleted" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CommunityTime() {
  const t = useT();
  const locale = useLocale();
  const { community, view, own, activities, today, me, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const mine = view?.lines.find((l) => l.userId === me);
  return (
    <>
      <CommunitySubPageHead title={t("time.title")} />
      {!view ? (
        <p className="card muted">{t("time.noPeriod")}</p>
      ) : (
        <>
          <section className="card stack" aria-labelledby="period">
            <div className="page-head">
              <h2 id="period">
                {t("time.periodHeading", { range: periodRange(t, locale, view.period) })}
                {view.isCurrent ? (
                  <>
                    {" "}
                    <span className="badge">{t("time.currentPeriod")}</span>
                  </>
                ) : null}
              </h2>
              <Form method="get" className="period-picker">
                <label htmlFor="period-select">{t("time.choosePeriod")}</label>{" "}
                <select id="period-select" name="period" defaultValue={view.period.key}>
                  {view.history.map((p) => (
                    <option key={p.key} value={p.key}>
                      {periodRange(t, locale, p)}
                    </option>
                  ))}
                </select>{" "}
                <button type="submit" className="button small">
                  {t("time.showPeriod")}
                </button>
              </Form>
            </div>
            <dl className="budget-summary">
              <div>
                <dt>{t("time.totalCommunity")}</dt>
                <dd className={view.totals.over ? "over" : undefined}>{usageText(t, view.totals.used, view.totals.budget)}</dd>
              </div>
              {mine ? (
                <div>
                  <dt>{t("time.you")}</dt>
                  <dd className={mine.over ? "over" : undefined}>{usageText(t, mine.used, mine.budget)}</dd>
                </div>
              ) : null}
            </dl>
            <p className="muted small">{t("time.budgetRule", { rule: budgetText(t, view.period.setting.minutes, view.period.setting.periodDays) })}</p>
            <BudgetChart lines={view.lines} perMember={can.perMember} me={me} range={periodRange(t, locale, view.period)} />
            {!can.perMember ? <p className="muted small">{t("time.perMemberNote")}</p> : null}
            {!view.isCurrent ? (
              <p>
                <Link to={`/communities/${community.slug}/time`}>{t("time.backToCurrent")}</Link>
              </p>
            ) : null}
          </section>
          {can.perMember ? (
            <section className="card" aria-labelledby="nothing">
              <h2 id="nothing">{t("time.nothing.title")}</h2>
              {view.loggedNothing.length ? (
                <ul className="people-list">
                  {view.loggedNothing.map((p) => (
                    <li key={p.userId}>{p.name}</li>
                  ))}
                </ul>
              ) : (
                <p className="muted">{t("time.nothing.none")}</p>
              )}
            </section>
          ) : null}
        </>
      )}
      <div className="two-columns">
        {can.log ? (
          <section className="card" aria-labelledby="log-time">
            <h2 id="log-time">{t("time.log.title")}</h2>
            <LogTimeForm busy={busy} activities={activities} today={today} />
          </section>
        ) : (
          <p className="card muted">{community.archived ? t("communities.archivedNotice") : t("time.log.notMember")}</p>
        )}
        {can.member && view ? (
          <section className="card" aria-labelledby="mine">
            <h2 id="mine">{t("time.mine.title")}</h2>
            <OwnEntries entries={own} canChange={can.log} busy={busy} />
          </section>
        ) : null}
      </div>
      {view ? (
        <section className="card" aria-labelledby="history">
          <h2 id="history">{t("time.history.title")}</h2>
          <div className="table-wrap">
            <table className="history-table">
              <caption className="visually-hidden">{t("time.history.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("time.choosePeriod")}</th>
                  <th scope="col">{t("time.used")}</th>
                  <th scope="col">{t("time.budget")}</th>
                  <th scope="col">{t("time.status")}</th>
                </tr>
              </thead>
              <tbody>
                {view.history.map((p) => (
                  <tr key={p.key} aria-current={p.key === view.period.key ? "true" : undefined}>
                    <th scope="row">
                      <Link to={`?period=${p.key}`}>{periodRange(t, locale, p)}</Link>
                      {p.key === view.currentKey ? (
                        <>
                          {" "}
                          <span className="badge">{t("time.currentPeriod")}</span>
                        </>
                      ) : null}
                    </th>
                    <td>{formatDuration(t, p.used)}</td>
                    <td>{formatDuration(t, p.budget)}</td>
                    <td className={p.over ? "over" : undefined}>
                      {p.over ? t("time.overBy", { time: formatDuration(t, p.used - p.budget) }) : t("time.withinBudget")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
