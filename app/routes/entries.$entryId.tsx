import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { setHelped, setNotHelpful, withdrawNotHelpful } from "~/commands/record-feedback.server";
import { RichTextView } from "~/components/editor/rich-text-view";
import { ArchivedNotice, EntryActions } from "~/components/entry-actions";
import { EntryReview } from "~/components/entry-review";
import { summaryText } from "~/components/entry-versions";
import { EntryFeedback } from "~/components/entry-feedback";
import { EntryContributors } from "~/components/recognition";
import { listThankedOnEntry } from "~/models/recognition.server";
import { EntryCheckingNotice, EntryFlagActions } from "~/components/entry-flags";
import { EntryMandatoryManage, EntryMandatoryRead } from "~/components/mandatory-reads";
import { entryMandatoryPanel } from "~/models/mandatory-read.server";
import { Tags } from "~/components/form";
import { archiveNoticeFor, getEntry, getEntryHistory } from "~/models/entry.server";
import { countOpenFlags, getEntryFlagSummary } from "~/models/flag.server";
import { ProductRetirementNotice } from "~/components/product-notice";
import { listRetiringProductsOfEntry } from "~/models/tag.server";
import { entryReviewPanel } from "~/models/entry-review.server";
import { notFound } from "~/utils/http.server";
import { canManageMandatoryReads, entryAbilities, entryThankAbilities } from "~/policies/policies";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";
import { FeedbackSchema } from "~/schemas/feedback";
import { FEEDBACK_INTENT } from "~/schemas/feedback.shared";
import { parseSubmission } from "~/schemas/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

type VersionRow = { version: number; title: string; bodyLength: number; tags: string; summary: string; createdAt: string | Date; editor: { name: string } };

/** What changed from one version to the next, in a few words. */
function describeChanges(current: VersionRow, previous: VersionRow | undefined) {
  if (!previous) return { titleChanged: false, added: [] as string[], removed: [] as string[], bodyDelta: 0 };
  const tagsNow: string[] = JSON.parse(current.tags || "[]");
  const tagsBefore: string[] = JSON.parse(previous.tags || "[]");
  return {
    titleChanged: current.title !== previous.title,
    added: tagsNow.filter((x) => !tagsBefore.includes(x)),
    removed: tagsBefore.filter((x) => !tagsNow.includes(x)),
    bodyDelta: current.bodyLength - previous.bodyLength,
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await getEntry(params.entryId ?? "");
  // Entries the user may not see do not exist for them: 404, not 403.
  const can = entry ? entryAbilities(actor, entry) : null;
  if (!entry || !can?.view) notFound();
  const [history, flagSummary, openFlags, thanked] = await Promise.all([
    getEntryHistory(entry.id, actor.id),
    getEntryFlagSummary(entry.id, actor.id),
    can.resolveFlags ? countOpenFlags(entry.id) : null,
    listThankedOnEntry(actor.id, entry.id),
  ]);
  const versions = history.versions.map((v, i) => ({
    version: v.version,
    summary: v.summary,
    editor: v.editor.name,
    createdAt: v.createdAt,
    changes: describeChanges(v, history.versions[i + 1]),
  }));
  // The successor goes to the page only through the notice, which names it only to who may read it.
  const { successor: _successor, ...shown } = entry;
  return json({
    entry: { ...shown, tags: entry.tags.map((x) => x.tag.name) },
    archive: archiveNoticeFor(actor, entry),
    lifecycle: { edit: can.edit, archive: can.archive, restore: can.restore },
    credits: entryThankAbilities(actor, entry, history.contributors, entry.owner, thanked),
    versions,
    feedback: {
      answer: history.viewerFeedback ? (history.viewerFeedback.helpful ? "helped" : "notHelpful") : null,
      reason: history.viewerFeedback?.reason ?? null,
      helpfulCount: entry.helpfulCount,
      can: { feedback: can.feedback },
    } as const,
    flags: { own: flagSummary.own, beingChecked: flagSummary.beingChecked, openCount: openFlags, can: { flag: can.flag, resolveFlags: can.resolveFlags } },
    retiringProducts: entry.state === "ARCHIVED" ? [] : await listRetiringProductsOfEntry(entry.id),
    review: can.review ? await entryReviewPanel(entry.id) : null,
    mandatory: await entryMandatoryPanel(actor, entry, canManageMandatoryReads(actor)),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const entryId = params.entryId ?? "";
  // Who may not see the entry learns nothing, whatever they posted.
  const entry = await getEntry(entryId);
  if (!entry || !entryAbilities(actor, entry).view) notFound();
  const submission = parseSubmission(FeedbackSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    switch (submission.value.intent) {
      case FEEDBACK_INTENT.helped:
      case FEEDBACK_INTENT.undo:
        await setHelped(actor, entryId, submission.value.intent === FEEDBACK_INTENT.helped);
        return redirect(`/entries/${entryId}`);
      case FEEDBACK_INTENT.notHelpful:
        await setNotHelpful(actor, entryId, submission.value.reason);
        return redirect(`/entries/${entryId}`);
      case FEEDBACK_INTENT.notHelpfulUndo:
        await withdrawNotHelpful(actor, entryId);
        return redirect(`/entries/${entryId}`);
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EntryPage() {
  const t = useT();
  const locale = useLocale();
  const { entry, archive, lifecycle, credits, versions, feedback, flags, retiringProducts, review, mandatory } = useLoaderData<typeof loader>();
  return (
    <article className="entry-page stack">
      <p>
        <Link to="/search">← {t("nav.search")}</Link>
      </p>
      {archive ? <ArchivedNotice archive={archive} /> : null}
      <EntryCheckingNotice beingChecked={flags.beingChecked} />
      <header className="card entry-head">
        <div className="note-item-head">
          <h1>{entry.title}</h1>
          {entry.state !== "PUBLISHED" ? <span className={`badge badge-${entry.state.toLowerCase()}`}>{t(`entry.state.${entry.state as "PUBLISHED"}`)}</span> : null}
        </div>
        <p className="muted small">
          {t("entry.version", { version: entry.version })} · {t("search.updated", { date: formatDate(locale, entry.updatedAt) })}
          {entry.community ? ` · ${entry.community.name}` : ""}
          {entry.reviewBy ? ` · ${t("entry.reviewBy", { date: formatDate(locale, entry.reviewBy) })}` : ""}
        </p>
        <Tags tags={entry.tags} label={t("entry.tags")} />
        <EntryActions entryId={entry.id} can={lifecycle} />
        <EntryMandatoryManage entryId={entry.id} panel={mandatory} />
      </header>
      <EntryMandatoryRead entryId={entry.id} panel={mandatory} />
      <ProductRetirementNotice products={retiringProducts} />
      <EntryReview entry={entry} review={review} explained={retiringProducts.length > 0} />
      <div className="entry-grid">
        <section className="card entry-body" aria-label={entry.title}>
          <RichTextView json={entry.bodyJson} />
          <EntryFeedback feedback={feedback} />
          <EntryFlagActions entryId={entry.id} flags={flags} />
        </section>
        <aside className="stack">
          <EntryContributors entryId={entry.id} contributors={credits.contributors} owner={credits.owner} />
          <section className="card">
            <h2>{t("entry.versions")}</h2>
            <ol className="versions">
              {versions.map((v) => (
                <li key={v.version}>
                  <strong>
                    <Link to={`/entries/${entry.id}/versions/${v.version}`} aria-label={t("entry.versionLink", { version: v.version })}>
                      {t("entry.version", { version: v.version })}
                    </Link>
                  </strong>{" "}
                  — {summaryText(t, v.summary)}
                  <div className="muted small">{t("entry.versionBy", { name: v.editor, date: formatDate(locale, v.createdAt, true) })}</div>
                  <ul className="changes small">
                    {v.changes.titleChanged ? <li>{t("entry.change.title")}</li> : null}
                    {v.changes.added.length ? <li>{t("entry.change.tagsAdded", { tags: v.changes.added.join(", ") })}</li> : null}
                    {v.changes.removed.length ? <li>{t("entry.change.tagsRemoved", { tags: v.changes.removed.join(", ") })}</li> : null}
                    {v.changes.bodyDelta ? <li>{t("entry.change.body", { count: Math.abs(v.changes.bodyDelta), delta: v.changes.bodyDelta > 0 ? `+${v.changes.bodyDelta}` : v.changes.bodyDelta })}</li> : null}
                  </ul>
                  {v.version > 1 ? (
                    <p className="small">
                      <Link to={`/entries/${entry.id}/compare?from=${v.version - 1}&to=${v.version}`}>{t("entry.compareLink", { version: v.version - 1 })}</Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </article>
  );
}
