import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { acceptAnswer, answerQuestion, deleteAnswer, editAnswer, sendQuestionToCuration } from "~/commands/manage-question.server";
import { CommandError } from "~/commands/errors";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { FieldError, FormAlert, Tags } from "~/components/form";
import { QuestionStateBadge } from "~/components/questions";
import { getQuestion } from "~/models/question.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { canAcceptAnswer, canAnswerQuestion, canEditAnswer, canSendQuestionToCuration, canViewQuestions, isActive, noteAbilities } from "~/policies/policies";
import { formValues, parseForm } from "~/schemas/form";
import { QuestionIntentSchema } from "~/schemas/question";
import { readBody } from "~/schemas/rich-text-form";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const question = await getQuestion(params.questionId ?? "");
  // Questions of a closed community do not exist for outsiders: 404, not 403.
  if (!question || !canViewQuestions(actor, question.community)) notFound();
  const { community } = question;
  return json({
    question: {
      id: question.id,
      title: question.title,
      bodyJson: question.bodyJson,
      state: question.state,
      createdAt: question.createdAt,
      authorName: question.author.name,
      tags: question.tags,
      acceptedAnswerId: question.acceptedAnswerId,
      decisionReason: question.decisionReason,
      entry: question.entry && question.entry.state !== "ARCHIVED" ? { id: question.entry.id, title: question.entry.title } : null,
    },
    community: { slug: community.slug, name: community.name, status: community.status },
    answers: question.answers.map((a) => ({
      id: a.id,
      bodyJson: a.bodyJson,
      createdAt: a.createdAt,
      // Prisma sets updatedAt a moment after createdAt on insert; only a later change counts as an edit.
      edited: a.updatedAt.getTime() - a.createdAt.getTime() > 1000,
      authorName: a.author.name,
      lead: community.leadIds.includes(a.author.id),
      can: { edit: canEditAnswer(actor, community, question, { id: a.id, authorId: a.author.id }) },
    })),
    can: {
      answer: canAnswerQuestion(actor, community, question),
      accept: canAcceptAnswer(actor, community, question),
      send: canSendQuestionToCuration(actor, community, question),
      curate: noteAbilities(actor, { authorId: question.authorId, state: question.state, community: question.community }).curate,
      // Members-only hint under an open question of an active community, for who may not answer it.
      answerHint: question.state === "OPEN" && isActive(community),
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const questionId = params.questionId ?? "";
  const question = await getQuestion(questionId);
  if (!question || !canViewQuestions(actor, question.community)) notFound();
  const form = await request.formData();
  const values = formValues(form);
  const parsed = parseForm(QuestionIntentSchema, form);
  if (!parsed.ok) return invalid(parsed.errors._form ? parsed.errors : { _form: parsed.errors.answerId ?? { key: "error.invalid" } }, values);
  const base = `/questions/${questionId}`;
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "answer": {
        const body = readBody(form);
        if (!body.ok) return invalid({ body: body.error }, values);
        const answer = await answerQuestion(actor, questionId, { json: body.json, text: body.text });
        // The fragment names the new answer: the page scrolls to it and the answer box starts empty again.
        return redirect(`${base}?done=answered#answer-${answer.id}`);
      }
      case "editAnswer": {
        const body = readBody(form);
        if (!body.ok) return invalid({ body: body.error }, values);
        await editAnswer(actor, questionId, input.answerId, { json: body.json, text: body.text });
        return redirectWithFlash(request, `${base}#answer-${input.answerId}`, { key: "questions.done.answerEdited" });
      }
      case "deleteAnswer":
        await deleteAnswer(actor, questionId, input.answerId);
        return redirectWithFlash(request, `${base}#answers`, { key: "questions.done.answerDeleted" });
      case "accept":
        await acceptAnswer(actor, questionId, input.answerId);
        return redirect(`${base}?done=accepted#answers`);
      case "send":
        await sendQuestionToCuration(actor, questionId);
        return redirect(`${base}?done=sent`);
    }
  } catch (error) {
    // A refusal is explained on the page itself (403 with the reason), not as a bare error page.
    if (error instanceof CommandError && error.status === 403) return invalid({ _form: { key: error.messageKey } }, values, 403);
    if (error instanceof CommandError && error.field === "answerId") return invalid({ _form: { key: error.messageKey } }, values, error.status);
    return commandFailure(error, values);
  }
}

const DONE = {
  asked: "questions.done.asked",
  answered: "questions.done.answered",
  accepted: "questions.done.accepted",
  sent: "questions.done.sent",
} as const;

export default function QuestionPage() {
  const t = useT();
  const locale = useLocale();
  const { question, community, answers, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  // Busy until the page has reloaded after the post, not only while it is sent: a second click in between would post again.
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const location = useLocation();
  const [params] = useSearchParams();
  const done = params.get("done") as keyof typeof DONE | null;
  const editing = params.get("edit");
  const intent = actionData?.values?.intent;
  const answerErrors = intent === "answer" ? actionData?.errors : undefined;
  const editErrors = intent === "editAnswer" ? actionData?.errors : undefined;
  const generalErrors = (intent !== "answer" && intent !== "editAnswer") || actionData?.errors?._form ? actionData?.errors : undefined;
  // A new key empties the answer box (the editor reads its content once) once an answer was posted:
  // the page moved on after a submission of the answer form, which only a successful post does.
  const [answerBoxKey, setAnswerBoxKey] = useState(0);
  const submittedIntent = useRef<string | null>(null);
  if (navigation.formData) submittedIntent.current = String(navigation.formData.get("intent"));
  useEffect(() => {
    if (submittedIntent.current === "answer") setAnswerBoxKey((k) => k + 1);
    submittedIntent.current = null;
  }, [location.key]);
  const accepted = question.acceptedAnswerId !== null;
  return (
    <article className="stack question-page">
      <p>
        <Link to={`/communities/${community.slug}/questions`}>← {t("questions.backToList", { community: community.name })}</Link>
      </p>
      {done && DONE[done] && !actionData ? (
        <div className="alert alert-success" role="status">
          {t(DONE[done])}
        </div>
      ) : null}
      <FormAlert errors={generalErrors} />
      <header className="card stack">
        <div className="note-item-head">
          <h1>{question.title}</h1>
          <span>
            <QuestionStateBadge state={question.state} accepted={accepted} />
          </span>
        </div>
        <p className="muted small">
          {t("questions.askedBy", { name: question.authorName, date: formatDate(locale, question.createdAt, true) })} · {community.name}
        </p>
        <Tags tags={question.tags} label={t("entry.tags")} />
        <RichTextView json={question.bodyJson} />
        {question.state === "SUBMITTED" ? (
          <p className="alert alert-info">
            {t("questions.notice.SUBMITTED")}
            {can.curate ? (
              <>
                {" "}
                <Link to={`/curation/${question.id}`}>{t("questions.curateLink")}</Link>
              </>
            ) : null}
          </p>
        ) : null}
        {question.entry ? (
          <p className="alert alert-success">
            <Link to={`/entries/${question.entry.id}`}>{t("questions.notice.entry", { title: question.entry.title })}</Link>
          </p>
        ) : null}
        {question.state === "DECLINED" ? <p className="alert alert-warning">{t("questions.notice.DECLINED", { reason: question.decisionReason ?? "" })}</p> : null}
      </header>

      <section className="card stack" aria-labelledby="answers-heading" id="answers">
        <h2 id="answers-heading">{t("questions.answersTitle", { count: answers.length })}</h2>
        {answers.length ? (
          <ol className="answer-list">
            {answers.map((a) => {
              const isAccepted = a.id === question.acceptedAnswerId;
              return (
                <li
                  key={a.id}
                  id={`answer-${a.id}`}
                  className={`answer${isAccepted ? " accepted" : ""}`}
                  aria-label={isAccepted ? `${t("questions.acceptedBadge")}: ${a.authorName}` : a.authorName}
                >
                  <p className="muted small answer-meta">
                    <strong>{a.authorName}</strong>
                    {a.lead ? <span className="badge">{t("communities.lead")}</span> : null} · {formatDate(locale, a.createdAt, true)}
                    {a.edited ? ` · ${t("questions.answer.edited")}` : null}
                    {isAccepted ? <span className="badge badge-published">✓ {t("questions.acceptedBadge")}</span> : null}
                  </p>
                  {a.can.edit && editing === a.id ? (
                    <div className="stack">
                      <Form method="post" noValidate className="stack" aria-label={t("questions.answer.editTitle")}>
                        <input type="hidden" name="intent" value="editAnswer" />
                        <input type="hidden" name="answerId" value={a.id} />
                        <RichTextField
                          idPrefix={`edit-${a.id}`}
                          name="body"
                          label={t("questions.answer.editTitle")}
                          errors={editErrors}
                          defaultJson={editErrors ? actionData?.values?.body : a.bodyJson}
                          defaultPlain={editErrors ? actionData?.values?.bodyPlain : undefined}
                        />
                        <div className="activity-actions">
                          <button type="submit" className="button primary" disabled={busy}>
                            {t("questions.answer.save")}
                          </button>
                          <Link to={`/questions/${question.id}#answer-${a.id}`} className="button secondary">
                            {t("questions.answer.cancel")}
                          </Link>
                        </div>
                      </Form>
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="deleteAnswer" />
                        <input type="hidden" name="answerId" value={a.id} />
                        <button type="submit" className="button small danger" disabled={busy}>
                          {t("questions.answer.delete")}
                        </button>
                      </Form>
                    </div>
                  ) : (
                    <>
                      <RichTextView json={a.bodyJson} />
                      {a.can.edit ? (
                        <p>
                          <Link
                            to={`/questions/${question.id}?edit=${a.id}#answer-${a.id}`}
                            className="button small secondary"
                            aria-label={t("questions.answer.editLabel", { date: formatDate(locale, a.createdAt, true) })}
                          >
                            {t("questions.answer.edit")}
                          </Link>
                        </p>
                      ) : null}
                    </>
                  )}
                  {can.accept && !isAccepted ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="answerId" value={a.id} />
                      <button type="submit" className="button small secondary" disabled={busy} aria-label={t("questions.acceptNamed", { name: a.authorName })}>
                        {t(accepted ? "questions.acceptOther" : "questions.accept")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="muted">{t("questions.noAnswers")}</p>
        )}
      </section>

      {can.accept ? (
        <section className="card stack" aria-labelledby="send-heading">
          <h2 id="send-heading">{t("questions.send.title")}</h2>
          {can.send ? (
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="send" />
              <p className="hint">{t("questions.send.hint")}</p>
              <div>
                <button type="submit" className="button primary" disabled={busy}>
                  {t("questions.send.submit")}
                </button>
              </div>
            </Form>
          ) : (
            <p className="muted">{t("questions.send.needsAccepted")}</p>
          )}
        </section>
      ) : null}

      {can.answer ? (
        <section className="card stack" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("questions.yourAnswer")}</h2>
          <Form method="post" noValidate key={answerBoxKey}>
            <input type="hidden" name="intent" value="answer" />
            <RichTextField
              idPrefix="answer"
              name="body"
              label={t("questions.field.answer")}
              errors={answerErrors}
              defaultJson={intent === "answer" ? actionData?.values?.body : undefined}
              defaultPlain={intent === "answer" ? actionData?.values?.bodyPlain : undefined}
            />
            <FieldError id="answer-form-error" errors={answerErrors} name="_form" />
            <button type="submit" className="button primary" disabled={busy}>
              {t("questions.submitAnswer")}
            </button>
          </Form>
        </section>
      ) : can.answerHint ? (
        <p className="muted">{t("questions.answerMembersOnly")}</p>
      ) : null}
    </article>
  );
}

