/**
 * The knowledge manager's work queue page: counts per kind, filters (a GET form), the items with "take
 * this", and the bulk actions (checkboxes tied to one form by its id, so every item keeps its own small
 * forms). Everything works without JavaScript.
 */
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useNavigation } from "@remix-run/react";
import { ConformForm, MessageError, Tags, TextField, useGildeForm } from "~/components/form";
import type { loader } from "~/routes/curation._index";
import { FLAG_REASONS } from "~/schemas/flag.shared";
import type { QueueFilters } from "~/schemas/work-queue";
import { QUEUE_ASSIGNED, QUEUE_INTENT, QUEUE_KINDS, QUEUE_SORTS, queueSearch, type QueueKind, type QueueTarget } from "~/schemas/work-queue.shared";
import { formatDate, useLocale, useT, type Translate } from "~/utils/i18n";

type Data = SerializeFrom<typeof loader>;
type Item = Data["items"][number];
type Person = { id: string; name: string } | null;

const BULK_FORM_ID = "queue-bulk";

function Age({ days }: { days: number | null }) {
  const t = useT();
  if (days === null) return null;
  return <span className="queue-age">{days === 0 ? t("queue.ageToday") : t("queue.age", { count: days })}</span>;
}

const kindLabel = (t: Translate, kind: QueueKind) => t(`queue.kind.${kind}`);

export function WorkQueue({ filters, total, counts, items, next, options, me }: Data) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [bulk, bulkFields] = useGildeForm(BULK_FORM_ID);
  const selected = (name: "noteIds" | "entryIds") => {
    const value = bulkFields[name].initialValue;
    return Array.isArray(value) ? value.map(String) : typeof value === "string" ? [value] : [];
  };
  const selectable = items.some((i) => i.kind !== "flag");
  const withoutPage: Partial<QueueFilters> = { ...filters, after: undefined };

  return (
    <div className="stack queue-page">
      <div className="page-head">
        <h1>
          {t("inbox.title")} <span className="count-badge">{total}</span>
        </h1>
        <Link to="/knowledge/review">{t("review.settings.link")}</Link>
      </div>
      <p className="muted">{t("inbox.count", { count: total })}</p>

      <nav aria-label={t("queue.kinds")}>
        <ul className="queue-kinds">
          <li>
            <Link to={`/curation${queueSearch({ ...withoutPage, kind: "all" })}`} className={filters.kind === "all" ? "facet active" : "facet"} aria-current={filters.kind === "all" ? "page" : undefined}>
              {t("queue.kind.all")} <span className="facet-count">{Object.values(counts).reduce((s, c) => s + c.count, 0)}</span>
            </Link>
          </li>
          {QUEUE_KINDS.map((kind) => {
            const c = counts[kind];
            const active = filters.kind === kind;
            return (
              <li key={kind}>
                <Link to={`/curation${queueSearch({ ...withoutPage, kind })}`} className={active ? "facet active" : "facet"} aria-current={active ? "page" : undefined}>
                  {kindLabel(t, kind)} <span className="facet-count">{c.count}</span>
                  {c.count > 0 && c.oldestDays !== null ? <span className="queue-oldest">{t("queue.oldest", { age: c.oldestDays === 0 ? t("queue.ageToday") : t("queue.age", { count: c.oldestDays }) })}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <QueueFilterForm filters={filters} options={options} />

      {selectable ? (
        <section className="card queue-bulk" aria-labelledby="queue-bulk-heading">
          <h2 id="queue-bulk-heading">{t("queue.bulk.title")}</h2>
          <p className="hint">{t("queue.bulk.hint")}</p>
          <ConformForm form={bulk}>
            <MessageError id={`${bulkFields.noteIds.id}-error`} error={bulkFields.noteIds.errors?.[0]} />
            <MessageError id={`${bulkFields.entryIds.id}-error`} error={bulkFields.entryIds.errors?.[0]} />
            <div className="queue-bulk-row">
              <TextField field={bulkFields.reason} label={t("queue.bulk.reason")} hint={t("queue.bulk.reasonHint")} maxLength={1000} />
              <button type="submit" name="intent" value={QUEUE_INTENT.declineDuplicates} className="button danger" disabled={busy}>
                {t("queue.bulk.decline")}
              </button>
            </div>
            <button type="submit" name="intent" value={QUEUE_INTENT.confirmReviews} className="button" disabled={busy}>
              {t("queue.bulk.confirm")}
            </button>
          </ConformForm>
        </section>
      ) : null}

      {items.length === 0 ? (
        <p className="empty">{t("queue.empty")}</p>
      ) : (
        <ol className="queue-list" aria-label={t("queue.items")}>
          {items.map((item) => (
            <QueueItem key={`${item.kind}-${item.id}`} item={item} me={me} busy={busy} checked={item.kind === "note" || item.kind === "question" ? selected("noteIds").includes(item.id) : selected("entryIds").includes(item.id)} />
          ))}
        </ol>
      )}

      {next || filters.after ? (
        <nav className="pages" aria-label={t("queue.pages")}>
          {filters.after ? <Link to={`/curation${queueSearch(withoutPage)}`}>{t("queue.first")}</Link> : <span />}
          {next ? <Link to={`/curation${queueSearch({ ...filters, after: next })}`}>{t("queue.more")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

function QueueFilterForm({ filters, options }: Pick<Data, "filters" | "options">) {
  const t = useT();
  return (
    <Form method="get" className="card queue-filters" aria-label={t("queue.filters.title")}>
      {filters.kind !== "all" ? <input type="hidden" name="kind" value={filters.kind} /> : null}
      <div className="field">
        <label htmlFor="queue-community">{t("queue.filters.community")}</label>
        <select id="queue-community" name="community" defaultValue={filters.community ?? ""}>
          <option value="">{t("queue.filters.any")}</option>
          <option value="none">{t("queue.filters.noCommunity")}</option>
          {options.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="queue-tag">{t("queue.filters.tag")}</label>
        <input id="queue-tag" name="tag" type="text" list="queue-tags" defaultValue={filters.tag ?? ""} maxLength={40} autoComplete="off" />
        <datalist id="queue-tags">
          {options.tags.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="queue-reason">{t("queue.filters.reason")}</label>
        <select id="queue-reason" name="reason" defaultValue={filters.reason ?? ""}>
          <option value="">{t("queue.filters.any")}</option>
          {FLAG_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`flags.reason.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="queue-owner">{t("queue.filters.owner")}</label>
        <select id="queue-owner" name="owner" defaultValue={filters.owner ?? ""}>
          <option value="">{t("queue.filters.any")}</option>
          {options.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="queue-assigned">{t("queue.filters.assigned")}</label>
        <select id="queue-assigned" name="assigned" defaultValue={filters.assigned}>
          {QUEUE_ASSIGNED.map((a) => (
            <option key={a} value={a}>
              {t(`queue.assigned.${a}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="queue-sort">{t("queue.filters.sort")}</label>
        <select id="queue-sort" name="sort" defaultValue={filters.sort}>
          {QUEUE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`queue.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="queue-filter-actions">
        <button type="submit" className="button primary">
          {t("queue.filters.apply")}
        </button>
        <Link to={`/curation${queueSearch({ kind: filters.kind })}`}>{t("queue.filters.clear")}</Link>
      </div>
    </Form>
  );
}

/** A checkbox of the bulk form, outside it (the `form` attribute ties it to the form by id). */
function SelectBox({ name, id, label, checked, kind }: { name: "noteIds" | "entryIds"; id: string; label: string; checked: boolean; kind: QueueKind }) {
  const t = useT();
  // An entry may be in the queue twice (due, and "did not help"): the kind keeps the ids apart.
  const inputId = `queue-select-${kind}-${id}`;
  return (
    <div className="queue-select">
      <input type="checkbox" id={inputId} name={name} value={id} form={BULK_FORM_ID} defaultChecked={checked} />
      <label htmlFor={inputId} className="visually-hidden">
        {t("queue.select", { title: label })}
      </label>
    </div>
  );
}

function QueueItem({ item, me, busy, checked }: { item: Item; me: string; busy: boolean; checked: boolean }) {
  const t = useT();
  const locale = useLocale();

  if (item.kind === "note" || item.kind === "question") {
    const note = item.note;
    return (
      <li className="card queue-item">
        <SelectBox name="noteIds" id={note.id} label={note.title} checked={checked} kind={item.kind} />
        <div className="queue-main">
          <div className="note-item-head">
            <h2>
              <Link to={`/curation/${note.id}`}>{note.title}</Link>
            </h2>
            <span className={`badge queue-badge-${item.kind}`}>{t(`note.kind.${note.kind as "FIELD_NOTE"}`)}</span>
          </div>
          <p className="muted small">
            {t("note.by", { name: note.author.name })} · {formatDate(locale, note.createdAt, true)}
            {note.community ? ` · ${note.community.name}` : ""} · <Age days={item.ageDays} />
          </p>
          <p className="excerpt">{note.bodyText}</p>
          <Tags tags={note.tags} label={t("entry.tags")} />
        </div>
        <div className="queue-actions">
          <Link to={`/curation/${note.id}`} className="button small primary" aria-label={`${t("inbox.open")}: ${note.title}`}>
            {t("inbox.open")}
          </Link>
          <AssignForm formId={`queue-assign-note-${note.id}`} target="note" id={note.id} assignee={note.assignee} me={me} label={note.title} busy={busy} />
        </div>
      </li>
    );
  }

  if (item.kind === "flag") {
    const flag = item.flag;
    return (
      <li className="card queue-item">
        <div className="queue-select" />
        <div className="queue-main">
          <div className="note-item-head">
            <h2>
              <Link to={`/entries/${flag.entry.id}`}>{flag.entry.title}</Link>
            </h2>
            <span className="badge queue-badge-flag">{t("queue.badge.flag")}</span>
          </div>
          <p className="muted small">
            <strong>{t(`flags.reason.${flag.reason as "OTHER"}`)}</strong> · {t("queue.flaggedBy", { name: flag.user.name })} · {formatDate(locale, flag.createdAt, true)} · <Age days={item.ageDays} />
          </p>
          {flag.comment ? <p className="reason">{flag.comment}</p> : null}
          <EntryMeta entry={flag.entry} />
        </div>
        <div className="queue-actions">
          <Link to={`/entries/${flag.entry.id}/flags`} className="button small primary" aria-label={`${t("queue.openFlag")}: ${flag.entry.title}`}>
            {t("queue.openFlag")}
          </Link>
          <AssignForm formId={`queue-assign-flag-${flag.id}`} target="flag" id={flag.id} assignee={flag.assignee} me={me} label={flag.entry.title} busy={busy} />
        </div>
      </li>
    );
  }

  return <EntryItem item={item as ReviewItem | FeedbackItem} me={me} busy={busy} checked={checked} />;
}

type ReviewItem = Extract<Item, { kind: "review" }>;
type FeedbackItem = Extract<Item, { kind: "feedback" }>;

/** A due review or a group of "did not help" answers: both are settled by reviewing the entry. */
function EntryItem({ item, me, busy, checked }: { item: ReviewItem | FeedbackItem; me: string; busy: boolean; checked: boolean }) {
  const t = useT();
  const locale = useLocale();
  const date = (d: string | null) => (d ? formatDate(locale, d) : t("common.none"));
  const review = item.kind === "review" ? item.review : null;
  const feedback = item.kind === "feedback" ? item.feedback : null;
  const entry = review ? review.entry : feedback!.entry;
  const byReuse = review !== null && review.helpfulSince + review.reusedSince > 0;
  return (
    <li className="card queue-item">
      <SelectBox name="entryIds" id={entry.id} label={entry.title} checked={checked} kind={item.kind} />
      <div className="queue-main">
        <div className="note-item-head">
          <h2>
            <Link to={`/entries/${entry.id}`}>{entry.title}</Link>
          </h2>
          <span className={`badge queue-badge-${item.kind}`}>{t(`queue.badge.${item.kind}`)}</span>
        </div>
        {review ? (
          <>
            <p className="muted small">
              {entry.state === "NEEDS_REVIEW" ? <span className="badge badge-needs_review">{t("entry.state.NEEDS_REVIEW")}</span> : null} {t("queue.reviewDue", { date: date(entry.reviewBy) })} · {t("queue.lastReviewed", { date: date(entry.lastReviewedAt ?? entry.createdAt) })} · <Age days={item.ageDays} />
            </p>
            <p className={byReuse ? "queue-demand used" : "queue-demand"}>
              <DemandSince helpfulSince={review.helpfulSince} reusedSince={review.reusedSince} />
            </p>
          </>
        ) : feedback ? (
          <>
            <p className="muted small">
              {t("queue.notHelped", { count: feedback.count })} · {t("queue.since", { date: formatDate(locale, item.at, true) })} · <Age days={item.ageDays} />
            </p>
            {feedback.reasons.length ? (
              <ul className="plain-list queue-reasons">
                {feedback.reasons.map((r, i) => (
                  <li key={i} className="reason">
                    {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
        <EntryMeta entry={entry} />
      </div>
      <div className="queue-actions">
        <ConfirmReviewForm formId={`queue-confirm-${item.kind}-${entry.id}`} entryId={entry.id} label={entry.title} byReuse={byReuse} busy={busy} />
        <AssignForm formId={`queue-assign-${item.kind}-${entry.id}`} target="entry" id={entry.id} assignee={entry.reviewAssignee} me={me} label={entry.title} busy={busy} />
      </div>
    </li>
  );
}

/** Use since the last review, in words: the reason a review can be confirmed by reuse. */
export function DemandSince({ helpfulSince, reusedSince }: { helpfulSince: number; reusedSince: number }) {
  const t = useT();
  if (helpfulSince + reusedSince === 0) return <>{t("queue.unused")}</>;
  const parts = [helpfulSince ? t("queue.helpfulSince", { count: helpfulSince }) : null, reusedSince ? t("queue.reusedSince", { count: reusedSince }) : null];
  return <>{parts.filter(Boolean).join(" · ")}</>;
}

function EntryMeta({ entry }: { entry: { community: { name: string } | null; owner: { name: string }; tags: string[] } }) {
  const t = useT();
  return (
    <>
      <p className="muted small">
        {t("entry.owner")}: {entry.owner.name}
        {entry.community ? ` · ${entry.community.name}` : ""}
      </p>
      <Tags tags={entry.tags} label={t("entry.tags")} />
    </>
  );
}

/** "Take this" or, for who holds it, "give back"; what a colleague took shows who has it. */
function AssignForm({ formId, target, id, assignee, me, label, busy }: { formId: string; target: QueueTarget; id: string; assignee: Person; me: string; label: string; busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm(formId);
  if (assignee && assignee.id !== me) return <p className="muted small queue-assignee">{t("queue.takenBy", { name: assignee.name })}</p>;
  const mine = assignee?.id === me;
  return (
    <ConformForm form={form} className="queue-assign">
      <input type="hidden" name="intent" value={mine ? QUEUE_INTENT.giveBack : QUEUE_INTENT.take} />
      <input type="hidden" name="target" value={target} />
      <input type="hidden" name="id" value={id} />
      {mine ? <span className="badge queue-mine">{t("queue.yours")}</span> : null}
      <button type="submit" className="button small secondary" disabled={busy} aria-label={`${t(mine ? "queue.giveBack" : "queue.take")}: ${label}`}>
        {t(mine ? "queue.giveBack" : "queue.take")}
      </button>
    </ConformForm>
  );
}

function ConfirmReviewForm({ formId, entryId, label, byReuse, busy }: { formId: string; entryId: string; label: string; byReuse: boolean; busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm(formId);
  const text = byReuse ? t("review.confirmByReuse") : t("review.confirm");
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={QUEUE_INTENT.confirmReview} />
      <input type="hidden" name="entryId" value={entryId} />
      <button type="submit" className="button small primary" disabled={busy} aria-label={`${text}: ${label}`}>
        {text}
      </button>
    </ConformForm>
  );
}
