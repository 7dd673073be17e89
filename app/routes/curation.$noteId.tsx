import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { declineNote, mergeNote, publishNote } from "~/commands/curate-note.server";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { FieldError, FormAlert, Tags, TextField } from "~/components/form";
import { Highlighted } from "~/components/highlight";
import { TagInput } from "~/components/tag-input";
import { getEntry } from "~/models/entry.server";
import { getNote } from "~/models/note.server";
import { getAcceptedAnswer } from "~/models/question.server";
import { listPopularTagNames } from "~/models/tag.server";
import { authorize, notFound } from "~/utils/http.server";
import { canCurate, canSeeCommunityContent } from "~/policies/policies";
import { formValues, parseForm, type FieldErrors } from "~/schemas/form";
import { DeclineSchema, LIMITS, MergeSchema, PublishSchema } from "~/schemas/note";
import { readBody } from "~/schemas/rich-text-form";
import { appendBodies, composeQuestionAndAnswer } from "~/schemas/rich-text";
import { formatDate, translator, useLocale, useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";
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
  const intent = form.get("intent");
  const values = formValues(form);
  try {
    if (intent === "decline") {
      const parsed = parseForm(DeclineSchema, form);
      if (!parsed.ok) return invalid(parsed.errors, values);
      await declineNote(actor, noteId, parsed.data.reason);
      return redirect("/curation?done=declined");
    }
    const parsed = intent === "merge" ? parseForm(MergeSchema, form) : parseForm(PublishSchema, form);
    const body = readBody(form);
    if (!parsed.ok || !body.ok) {
      const errors: FieldErrors = { ...(parsed.ok ? {} : parsed.errors), ...(body.ok ? {} : { body: body.error }) };
      return invalid(errors, values);
    }
    const content = { title: parsed.data.title, tags: parsed.data.tags, body: { json: body.json, text: body.text } };
    if (parsed.data.intent === "merge") {
      await mergeNote(actor, noteId, parsed.data.entryId, content);
      return redirect("/curation?done=merged");
    }
    await publishNote(actor, noteId, content);
    return redirect("/curation?done=published");
  } catch (error) {
    return commandFailure(error, values);
  }
}

export default function CurateNote() {
  const t = useT();
  const locale = useLocale();
  const { note, sourceJson, answer, similar, custom, tags, merge } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const intent = actionData?.values?.intent;
  const errorsFor = (name: string) => (intent === name ? actionData?.errors : undefined);
  const valuesFor = (name: string) => (intent === name ? actionData?.values ?? {} : {});
  const publishValues = valuesFor("publish");
  const mergeValues = valuesFor("merge");
  const declineValues = valuesFor("decline");
  const decided = note.state !== "SUBMITTED";

  return (
    <div className="stack">
      <p>
        <Link to="/curation">← {t("inbox.title")}</Link>
      </p>
      <h1>{t("curate.title")}</h1>
      {actionData?.errors?._form ? <FormAlert errors={actionData.errors} /> : null}
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
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="publish" />
              <TextField idPrefix="publish" name="title" label={t("curate.entryTitle")} errors={errorsFor("publish")} defaultValue={publishValues.title ?? note.title} required />
              <RichTextField
                idPrefix="publish"
                name="body"
                label={t("curate.entryBody")}
                errors={errorsFor("publish")}
                defaultJson={intent === "publish" ? publishValues.body : sourceJson}
                defaultPlain={publishValues.bodyPlain}
              />
              <TagInput
                idPrefix="publish"
                name="tags"
                label={t("curate.entryTags")}
                suggestions={tags}
                defaultValue={publishValues.tags ?? note.tags.join(", ")}
                errors={errorsFor("publish")}
                removeLabel={(tag) => t("tags.remove", { tag })}
              />
              <button type="submit" className="button primary" disabled={busy}>
                {t("curate.publishSubmit")}
              </button>
            </Form>
          </section>

          <section className="card" aria-labelledby="merge-heading" id="merge">
            <h2 id="merge-heading">{t("curate.merge")}</h2>
            <p className="hint">{t("curate.mergeHint")}</p>
            {merge || intent === "merge" ? (
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="entryId" value={mergeValues.entryId ?? merge?.id ?? ""} />
                <FieldError id="merge-entryId-error" errors={errorsFor("merge")} name="entryId" />
                <p className="muted small">
                  {merge ? (
                    <>
                      {t("curate.mergeEntry")}: <Link to={`/entries/${merge.id}`}>{merge.title}</Link> ({t("entry.version", { version: merge.version })})
                    </>
                  ) : null}
                </p>
                <TextField idPrefix="merge" name="title" label={t("curate.entryTitle")} errors={errorsFor("merge")} defaultValue={mergeValues.title ?? merge?.title} required />
                <RichTextField
                  idPrefix="merge"
                  name="body"
                  label={t("curate.entryBody")}
                  errors={errorsFor("merge")}
                  defaultJson={intent === "merge" ? mergeValues.body : merge?.bodyJson}
                  defaultPlain={mergeValues.bodyPlain}
                />
                <TagInput
                  idPrefix="merge"
                  name="tags"
                  label={t("curate.entryTags")}
                  suggestions={tags}
                  defaultValue={mergeValues.tags ?? merge?.tags}
                  errors={errorsFor("merge")}
                  removeLabel={(tag) => t("tags.remove", { tag })}
                />
                <button type="submit" className="button primary" disabled={busy}>
                  {t("curate.mergeSubmit")}
                </button>
              </Form>
            ) : (
              <p className="muted">{t("curate.mergeChoose")}</p>
            )}
          </section>

          <section className="card" aria-labelledby="decline-heading">
            <h2 id="decline-heading">{t("curate.decline")}</h2>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="decline" />
              <div className="field">
                <label htmlFor="decline-reason">{t("curate.declineReason")}</label>
                <textarea
                  id="decline-reason"
                  name="reason"
                  rows={3}
                  defaultValue={declineValues.reason}
                  aria-invalid={errorsFor("decline")?.reason ? true : undefined}
                  aria-describedby={errorsFor("decline")?.reason ? "decline-reason-error" : undefined}
                />
                <FieldError id="decline-reason-error" errors={errorsFor("decline")} name="reason" />
              </div>
              <button type="submit" className="button danger" disabled={busy}>
                {t("curate.declineSubmit")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
