import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ColumnChart } from "~/components/charts/column-chart";
import { ShareChart } from "~/components/charts/share-chart";
import { FigureCard, RankedList } from "~/components/knowledge-dashboard";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { knowledgeFigures } from "~/models/knowledge-figures.server";
import { authorize } from "~/utils/http.server";
import { canViewKnowledgeDashboard } from "~/policies/policies";
import { LIMITS } from "~/schemas/note.shared";
import { durationParts, figureDefinitionKey, figureTitleKey, parsePeriodDays, periodEndingAt, PERIOD_CHOICES, type FigureId } from "~/utils/knowledge-figures";
import { formatDate, useLocale, useT, type Translate } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canViewKnowledgeDashboard(actor));
  const now = new Date();
  const period = periodEndingAt(now, parsePeriodDays(new URL(request.url).searchParams.get("days")));
  return json({ figures: await knowledgeFigures(period, now) });
}

const DECISION_COLORS = { PUBLISHED: "#2e7d4f", MERGED: "#6b3fa0", DECLINED: "#a3262a" } as const;
const REUSE_COLORS = { created: "#1f5f5b", reused: "#b5562b" } as const;
const REVIEW_COLORS = { reuse: "#2e7d4f", calendar: "#5a6472" } as const;

function hoursText(t: Translate, hours: number | null, locale: string) {
  if (hours === null) return "–";
  const { value, unit } = durationParts(hours);
  return t(unit === "hours" ? "km.hours" : "km.days", { count: value, value: value.toLocaleString(locale) });
}

export default function KnowledgeDashboard() {
  const t = useT();
  const locale = useLocale();
  const { figures: f } = useLoaderData<typeof loader>();
  const numberLocale = locale === "nl" ? "nl-BE" : "en-GB";
  const shortDate = (iso: string) => new Intl.DateTimeFormat(numberLocale, { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(iso));
  const card = (id: FigureId) => ({ id: `km-${id}`, title: t(figureTitleKey(id)), definition: t(figureDefinitionKey(id)), definitionLabel: t("km.definition") });
  const percentOf = (key: string) => f.decisions.shares.find((s) => s.key === key)?.percent ?? 0;
  const reuseTotal = f.reuse.created + f.reuse.reused;
  const reusePercent = f.reuse.reuseRate === null ? 0 : Math.round(f.reuse.reuseRate * 100);
  const submissionsTotal = f.submissions.reduce((s, b) => s + b.count, 0);
  const peak = f.submissions.reduce((best, b) => (b.count > best.count ? b : best), f.submissions[0] ?? { start: f.period.from, count: 0 });

  return (
    <div className="stack km-dashboard">
      <KnowledgeNav />
      <div className="page-head">
        <div>
          <h1>{t("km.title")}</h1>
          <p className="lead">{t("km.intro")}</p>
        </div>
        <nav aria-label={t("km.period")} className="period-choice">
          <span className="muted small">{t("km.period")}:</span>
          {PERIOD_CHOICES.map((days) => (
            <Link key={days} to={`?days=${days}`} className={`button small${days === f.period.days ? " primary" : ""}`} aria-current={days === f.period.days ? "page" : undefined}>
              {t("km.periodDays", { count: days })}
            </Link>
          ))}
        </nav>
      </div>
      <p className="muted small period-range">{t("km.periodRange", { from: formatDate(locale, f.period.from), to: formatDate(locale, f.period.to) })}</p>

      <div className="km-grid">
        <FigureCard {...card("inbox")}>
          <p className="big-figure">
            <strong>{f.inbox.count}</strong> <span>{t("km.inbox.count")}</span>
          </p>
          <p>
            {f.inbox.count === 0
              ? t("km.inbox.empty")
              : f.inbox.oldestAgeDays === 0
                ? t("km.inbox.oldestToday")
                : t("km.inbox.oldest", { count: f.inbox.oldestAgeDays ?? 0 })}
          </p>
          <p>
            <Link to="/curation">{t("km.inbox.open")} →</Link>
          </p>
        </FigureCard>

        <FigureCard {...card("decisionTime")}>
          {f.decisionTime.n === 0 ? (
            <p className="empty">{t("km.decisionTime.none")}</p>
          ) : (
            <>
              <dl className="figure-pair">
                <div>
                  <dt>{t("km.decisionTime.p50")}</dt>
                  <dd className="big-figure">
                    <strong>{hoursText(t, f.decisionTime.p50Hours, numberLocale)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>{t("km.decisionTime.p90")}</dt>
                  <dd className="big-figure">
                    <strong>{hoursText(t, f.decisionTime.p90Hours, numberLocale)}</strong>
                  </dd>
                </div>
              </dl>
              <p className="muted small">{t("km.decisionTime.n", { count: f.decisionTime.n })}</p>
            </>
          )}
        </FigureCard>

        <FigureCard {...card("decisions")}>
          <p className="muted small">{t("km.decisions.total", { count: f.decisions.total })}</p>
          <ShareChart
            id="chart-decisions"
            title={t("km.figure.decisions")}
            description={t("km.decisions.desc", {
              count: f.decisions.total,
              published: percentOf("PUBLISHED"),
              merged: percentOf("MERGED"),
              declined: percentOf("DECLINED"),
            })}
            segments={f.decisions.shares.map((s) => ({ key: s.key, label: t(`km.decision.${s.key}`), count: s.count, percent: s.percent, color: DECISION_COLORS[s.key] }))}
            emptyText={t("km.decisions.none")}
            dataSummary={t("km.showNumbers")}
            headers={[t("km.decisions.headers.kind"), t("km.decisions.headers.count"), t("km.decisions.headers.share")]}
          />
        </FigureCard>

        <FigureCard {...card("reuse")}>
          {reuseTotal > 0 ? (
            <p className="big-figure">
              <strong>{reusePercent}%</strong> <span>{t("km.reuse.rate")}</span>
            </p>
          ) : null}
          <ShareChart
            id="chart-reuse"
            title={t("km.figure.reuse")}
            description={t("km.reuse.desc", { created: t("km.reuse.createdCount", { count: f.reuse.created }), reused: t("km.reuse.reusedCount", { count: f.reuse.reused }) })}
            segments={[
              { key: "created", label: t("km.reuse.created"), count: f.reuse.created, percent: reuseTotal ? 100 - reusePercent : 0, color: REUSE_COLORS.created },
              { key: "reused", label: t("km.reuse.reused"), count: f.reuse.reused, percent: reusePercent, color: REUSE_COLORS.reused },
            ]}
            emptyText={t("km.reuse.none")}
            dataSummary={t("km.showNumbers")}
            headers={[t("km.figure.reuse"), t("km.decisions.headers.count"), t("km.decisions.headers.share")]}
          />
        </FigureCard>

        <FigureCard {...card("openFlags")}>
          <p className="big-figure">
            <strong>{f.openFlags.count}</strong> <span>{t("km.openFlags.count")}</span>
          </p>
          <p>
            {f.openFlags.count === 0
              ? t("km.openFlags.none")
              : f.openFlags.oldestAgeDays === 0
                ? t("km.openFlags.oldestToday")
                : t("km.openFlags.oldest", { count: f.openFlags.oldestAgeDays ?? 0 })}
          </p>
          <p>
            <Link to="/curation">{t("km.openFlags.open")} →</Link>
          </p>
        </FigureCard>

        <FigureCard {...card("flagResolution")}>
          {f.flagResolution.n === 0 ? (
            <p className="empty">{t("km.flagResolution.none")}</p>
          ) : (
            <>
              <dl className="figure-pair">
                <div>
                  <dt>{t("km.decisionTime.p50")}</dt>
                  <dd className="big-figure">
                    <strong>{hoursText(t, f.flagResolution.p50Hours, numberLocale)}</strong>
                  </dd>
                </div>
                <div>
                  <dt>{t("km.decisionTime.p90")}</dt>
                  <dd className="big-figure">
                    <strong>{hoursText(t, f.flagResolution.p90Hours, numberLocale)}</strong>
                  </dd>
                </div>
              </dl>
              <p className="muted small">
                {t("km.flagResolution.n", { count: f.flagResolution.n })}:{" "}
                {t("km.flagResolution.outcomes", { fixed: f.flagResolution.outcomes.FIXED, noChange: f.flagResolution.outcomes.NO_CHANGE, archived: f.flagResolution.outcomes.ARCHIVED })}
              </p>
            </>
          )}
        </FigureCard>

        <FigureCard {...card("pastReview")}>
          <p className="big-figure">
            <strong>{f.review.pastReview}</strong> <span>{t("km.pastReview.count")}</span>
          </p>
          <p>{t("km.pastReview.needsReview", { count: f.review.needsReview })}</p>
        </FigureCard>

        <FigureCard {...card("archived")}>
          <p className="big-figure">
            <strong>{f.review.archived}</strong> <span>{t("km.archived.count", { count: f.review.archived })}</span>
          </p>
        </FigureCard>

        <FigureCard {...card("reviewBasis")} wide>
          {f.review.reviews.reusePercent !== null ? (
            <p className="big-figure">
              <strong>{f.review.reviews.reusePercent}%</strong> <span>{t("km.reviewBasis.rate")}</span>
            </p>
          ) : null}
          <ShareChart
            id="chart-review-basis"
            title={t("km.figure.reviewBasis")}
            description={t("km.reviewBasis.desc", { reuse: f.review.reviews.REUSE, calendar: f.review.reviews.CALENDAR })}
            segments={[
              { key: "reuse", label: t("km.reviewBasis.reuse"), count: f.review.reviews.REUSE, percent: f.review.reviews.reusePercent ?? 0, color: REVIEW_COLORS.reuse },
              {
                key: "calendar",
                label: t("km.reviewBasis.calendar"),
                count: f.review.reviews.CALENDAR,
                percent: f.review.reviews.reusePercent === null ? 0 : 100 - f.review.reviews.reusePercent,
                color: REVIEW_COLORS.calendar,
              },
            ]}
            emptyText={t("km.reviewBasis.none")}
            dataSummary={t("km.showNumbers")}
            headers={[t("km.figure.reviewBasis"), t("km.decisions.headers.count"), t("km.decisions.headers.share")]}
          />
          {f.review.reviews.EDIT > 0 ? <p className="muted small">{t("km.reviewBasis.edits", { count: f.review.reviews.EDIT })}</p> : null}
        </FigureCard>

        <FigureCard {...card("submissions")} wide>
          <ColumnChart
            id="chart-submissions"
            title={t("km.figure.submissions")}
            description={
              submissionsTotal === 0
                ? t("km.submissions.descEmpty")
                : t("km.submissions.desc", { total: submissionsTotal, days: f.period.days, peak: shortDate(peak.start), max: peak.count })
            }
            columns={f.submissions.map((b) => ({ label: shortDate(b.start), value: b.count }))}
            dataSummary={t("km.showNumbers")}
            headers={[f.period.bucketDays === 1 ? t("km.submissions.day") : t("km.submissions.week"), t("km.submissions.count")]}
          />
        </FigureCard>

        <FigureCard {...card("gaps")} wide>
          <p className="muted small">{t("km.gaps.summary", { count: f.searches.zero, total: f.searches.total })}</p>
          {f.gaps.length === 0 ? (
            <p className="empty">{t("km.gaps.none")}</p>
          ) : (
            <RankedList
              tableSummary={t("km.listData")}
              caption={t("km.figure.gaps")}
              headers={[t("km.gaps.headers.query"), t("km.gaps.headers.count"), t("km.gaps.headers.lastSeen")]}
              items={f.gaps.map((g) => ({
                key: g.query,
                label: <span className="gap-query">{g.query}</span>,
                value: g.count,
                text: `${t("km.gaps.count", { count: g.count })} · ${t("km.gaps.lastSeen", { date: formatDate(locale, g.lastSeen) })}`,
                extra: (
                  <Link to={`/notes/new?title=${encodeURIComponent(g.query.slice(0, LIMITS.titleMax))}`} className="button small" aria-label={t("km.gaps.draftLabel", { query: g.query })}>
                    {t("km.gaps.draft")}
                  </Link>
                ),
                cells: [g.query, g.count, formatDate(locale, g.lastSeen)],
              }))}
            />
          )}
        </FigureCard>

        <FigureCard {...card("helpful")}>
          {f.helpful.length === 0 ? (
            <p className="empty">{t("km.helpful.none")}</p>
          ) : (
            <RankedList
              tableSummary={t("km.listData")}
              caption={t("km.figure.helpful")}
              headers={[t("km.figure.helpful"), t("km.decisions.headers.count")]}
              items={f.helpful.map((h) => ({
                key: h.entryId,
                label: <Link to={`/entries/${h.entryId}`}>{h.title}</Link>,
                value: h.count,
                text: t("km.helpful.count", { count: h.count }),
                cells: [h.title, h.count],
              }))}
            />
          )}
        </FigureCard>

        <FigureCard {...card("contributors")}>
          <RankedList
            tableSummary={t("km.listData")}
            caption={t("km.figure.contributors")}
            headers={[t("km.contributors.headers.community"), t("km.contributors.headers.contributors"), t("km.contributors.headers.notes")]}
            items={f.contributors.map((c) => {
              const name = c.name ?? t("km.contributors.noCommunity");
              return {
                key: c.communityId ?? "none",
                label: c.name ? name : <em>{name}</em>,
                value: c.contributors,
                text: t("km.contributors.value", { contributors: t("km.contributors.count", { count: c.contributors }), notes: t("km.contributors.notes", { count: c.notes }) }),
                cells: [name, c.contributors, c.notes],
              };
            })}
          />
        </FigureCard>
      </div>
    </div>
  );
}
