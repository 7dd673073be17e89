import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { declineNote, mergeNote, publishNote } from "~/commands/curate-note.server";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { ConformForm, MessageError, StrandedFormAlert, Tags, TextAreaField, TextField, useGildeForm } from "~/components/form";
import { Highlighted } from "~/components/highlight";
import { TagInput } from "~/components/tag-input";
import { getEntry } from "~/models/entry.server";
import { getNote } from "~/models/note.server";
import { getAcceptedAnswer } from "~/models/question.server";
import { listPopularTagNames } from "~/models/tag.server";
import { authorize, notFound } from "~/utils/http.server";
import { canCurate, canSeeCommunityContent } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { CurateIntentSchema } from "~/schemas/note";
import { CURATE_INTENT, LIMITS } from "~/schemas/note.shared";
import { readBody } from "~/schemas/rich-text-form";
import { appendBodies, composeQuestionAndAnswer } from "~/schemas/rich-text";
import { formatDate, translator, useLocale, useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyErrors, replyInvalid, requireActor } from "~/utils/request.server";
import { similarEntries } from "~/models/search.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, user } = await requireActor(request);
  authorize(canCurate(actor));
  const note = await getNote(params.noteId ?? "");
  if (!note || !canSeeCommunityContent(actor, note.community)) notFound();
  // A question comes with its accepted answer: both are the source, and the entry starts from both.
  const answer = note.kind === "QUESTION" ? await getAcceptedAnswer(note.id) : null;
  const sourceJson = note.kind === "QUESTION" ? composeQuestionAndAnswer(note.bodyJson, answer?.bodyJson ?? null, translator(user.locale)("questions.curate.answerHeading")) : note.bodyJson;
  const url = new URL(request.url);
  const custom = url.searchParams.get("similar")?.slice(0, LIMITS.queryMax) ?? "";
  const noteTags = note.tags.map((x) => x.tag.name);
  const [similar, tags] = await Promise.all([
    similarEntries(actor, custom ? { title: custom, tags: [] } : { title: note.title, tags: noteTags }),
    listPopularTagNames(),
  ]);
  const mergeId = url.searchParams.get("merge");
  const mergeEntry = mergeId ? await getEntry(mergeId) : null;
  const merge =
    mergeEntry && mergeEntry.state !== "ARCHIVED" && canSeeCommunityContent(actor, mergeEntry.community)
      ? {
          id: mergeEntry.id,
          title: mergeEntry.title,
          version: mergeEntry.version,
          bodyJson: appendBodies(mergeEntry.bodyJson, sourceJson),
          tags: [...new Set([...mergeEntry.tags.map((x) => x.tag.name), ...noteTags])].join(", "),
        }
      : null;
  return json({
    note: { ...note, tags: noteTags },
    sourceJson,
    answer: answer ? { bodyJson: answer.bodyJson, createdAt: answer.createdAt, authorName: answer.author.name } : null,
    similar,
    custom,
    tags,
    merge,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCurate(actor));
  const noteId = params.noteId ?? "";
  const form = await request.formData();
  const submission = parseSubmission(CurateIntentSchema, form);
  // Publish and merge carry the entry's body, a rich-text field read beside the schema; its error
  // shows together with the others.
  const body = submission.payload.intent === CURATE_INTENT.decline ? null : readBody(form);
  const bodyError = body && !body.ok ? body.error : undefined;
  if (submission.status !== "success" || bodyError) return replyErrors(submission, { fields: { body: bodyError } });
  const input = submission.value;
  try {
    switch (input.intent) {
      case CURATE_INTENT.decline:
        await declineNote(actor, noteId, input.reason);
        return redirectWithFlash(request, "/curation", { key: "curate.declined" });
      case CURATE_INTENT.publish:
      case CURATE_INTENT.merge: {
        if (!body?.ok) return replyInvalid(submission);
        const content = { title: input.title, tags: input.tags, body: { json: body.json, text: body.text } };
        if (input.intent === CURATE_INTENT.merge) {
          await mergeNote(actor, noteId, input.entryId, content);
          return redirectWithFlash(request, "/curation", { key: "curate.merged" });
        }
        await publishNote(actor, noteId, content);
        return redirectWithFlash(request, "/curation", { key: "curate.published" });
      }
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function CurateNote() {
  const t = useT();
  const locale = useLocale();
  const { note, sourceJson, answer, similar, custom, tags, merge } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const [publishForm, publishFields] = useGildeForm("curate-publish", { title: note.title, body: sourceJson, tags: note.tags.join(", ") });
  const [declineForm, declineFields] = useGildeForm("curate-decline");
  const decided = note.state !== "SUBMITTED";

  return (
    <div className="stack">
      <p>
        <Link to="/curation">← {t("inbox.title")}</Link>
      </p>
      <h1>{t("curate.title")}</h1>
      <StrandedFormAlert shown={decided ? [] : [publishForm.id, MERGE_FORM_ID, declineForm.id]} />
      <div className="curate-grid">
        <section className="card" aria-labelledby="note-heading">
          <p className="eyebrow">{note.kind === "QUESTION" && note.community ? t("questions.curate.question", { community: note.community.name }) : t("curate.note")}</p>
          <h2 id="note-heading">{note.title}</h2>
          <p className="muted small">
            {t("note.by", { name: note.author.name })} · {formatDate(locale, note.createdAt, true)}
            {note.community ? ` · ${note.community.name}` : ""} ·{" "}
            <span className={`badge badge-${note.state.toLowerCase()}`}>{t(`note.state.${note.state as "SUBMITTED"}`)}</span>
          </p>
          <Tags tags={note.tags} label={t("entry.tags")} />
          <RichTextView json={note.bodyJson} />
          {note.kind === "QUESTION" ? (
            <div className="curate-answer">
              {answer ? (
                <>
                  <h3>{t("questions.curate.acceptedAnswer", { name: answer.authorName })}</h3>
                  <p className="muted small">{formatDate(locale, answer.createdAt, true)}</p>
                  <RichTextView json={answer.bodyJson} />
                </>
              ) : (
                <p className="muted">{t("questions.curate.noAccepted")}</p>
              )}
              <p className="small">
                <Link to={`/questions/${note.id}`} target="_blank" rel="noopener">
                  {t("questions.curate.openQuestion")}
                </Link>
              </p>
            </div>
          ) : null}
        </section>
        <section className="card" aria-labelledby="similar-heading">
          <h2 id="similar-heading">{t("curate.similar")}</h2>
          <Form method="get" className="inline-form" role="search">
            <label htmlFor="similar-q" className="visually-hidden">
              {t("search.label")}
            </label>
            <input id="similar-q" name="similar" defaultValue={custom} placeholder={t("search.placeholder")} maxLength={200} />
            <button type="submit" className="button">
              {t("search.submit")}
            </button>
          </Form>
          {similar.status === "unavailable" ? (
            <p className="alert alert-warning">{t("curate.similarUnavailable")}</p>
          ) : similar.hits.length === 0 ? (
            <p className="empty">{t("curate.similarNone")}</p>
          ) : (
            <ol className="similar-list">
              {similar.hits.map((hit) => (
                <li key={hit.id} className={merge?.id === hit.id ? "selected" : undefined}>
                  <h3>
                    <Link to={`/entries/${hit.id}`} target="_blank" rel="noopener">
                      <Highlighted text={hit.titleHighlighted} />
                    </Link>
                  </h3>
                  <p className="snippet">
                    <Highlighted text={hit.snippet} />
                  </p>
                  <Tags tags={hit.tags} label={t("entry.tags")} />
                  {!decided ? (
                    <Link className="button small" to={`?merge=${hit.id}${custom ? `&similar=${encodeURIComponent(custom)}` : ""}#merge`}>
                      {t("curate.useThis")}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>

      {decided ? null : (
        <>
          <section className="card" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t("curate.publish")}</h2>
            <p className="hint">{t("curate.publishHint")}</p>
            <ConformForm form={publishForm}>
              <input type="hidden" name="intent" value={CURATE_INTENT.publish} />
              <TextField field={publishFields.title} label={t("curate.entryTitle")} required />
              <RichTextField field={publishFields.body} plainField={publishFields.bodyPlain} label={t("curate.entryBody")} />
              <TagInput field={publishFields.tags} label={t("curate.entryTags")} suggestions={tags} removeLabel={(tag) => t("tags.remove", { tag })} />
              <button type="submit" className="button primary" disabled={busy}>
                {t("curate.publishSubmit")}
              </button>
            </ConformForm>
          </section>

          <section className="card" aria-labelledby="merge-heading" id="merge">
            <h2 id="merge-heading">{t("curate.merge")}</h2>
            <p className="hint">{t("curate.mergeHint")}</p>
            {/* A new entry to merge with is a new form: its fields start from that entry. */}
            <MergeForm key={merge?.id ?? ""} merge={merge} tags={tags} busy={busy} />
          </section>

          <section className="card" aria-labelledby="decline-heading">
            <h2 id="decline-heading">{t("curate.decline")}</h2>
            <ConformForm form={declineForm}>
              <input type="hidden" name="intent" value={CURATE_INTENT.decline} />
              <TextAreaField field={declineFields.reason} label={t("curate.declineReason")} />
              <button type="submit" className="button danger" disabled={busy}>
                {t("curate.declineSubmit")}
              </button>
            </ConformForm>
          </section>
        </>
      )}
    </div>
  );
}

const MERGE_FORM_ID = "curate-merge";

type MergeTarget = { id: string; title: string; version: number; bodyJson: string; tags: string };

/** Merging into the entry chosen among the similar ones (or the refused merge, if it named none). */
function MergeForm({ merge, tags, busy }: { merge: MergeTarget | null; tags: string[]; busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm(MERGE_FORM_ID, merge ? { entryId: merge.id, title: merge.title, body: merge.bodyJson, tags: merge.tags } : undefined);
  if (!merge && form.status !== "error") return <p className="muted">{t("curate.mergeChoose")}</p>;
  const entryId = fields.entryId.initialValue;
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={CURATE_INTENT.merge} />
      <input type="hidden" name={fields.entryId.name} value={typeof entryId === "string" ? entryId : ""} />
      <MessageError id={`${fields.entryId.id}-error`} error={fields.entryId.errors?.[0]} />
      <p className="muted small">
        {merge ? (
          <>
            {t("curate.mergeEntry")}: <Link to={`/entries/${merge.id}`}>{merge.title}</Link> ({t("entry.version", { version: merge.version })})
          </>
        ) : null}
      </p>
      <TextField field={fields.title} label={t("curate.entryTitle")} required />
      <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("curate.entryBody")} />
      <TagInput field={fields.tags} label={t("curate.entryTags")} suggestions={tags} removeLabel={(tag) => t("tags.remove", { tag })} />
      <button type="submit" className="button primary" disabled={busy}>
        {t("curate.mergeSubmit")}
      </button>
    </ConformForm>
  );
}
