import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { acceptAnswer, answerQuestion, deleteAnswer, editAnswer, sendQuestionToCuration } from "~/commands/manage-question.server";
import { CommandError } from "~/commands/errors";
import { RichTextField } from "~/components/editor/rich-text-field";
import { RichTextView } from "~/components/editor/rich-text-view";
import { ConformForm, StrandedFormAlert, Tags, useGildeForm } from "~/components/form";
import { QuestionStateBadge } from "~/components/questions";
import { AskedAnonymouslyNote, PersonLink, ThankLink } from "~/components/recognition";
import { getQuestion } from "~/models/question.server";
import { listThankedAnswers } from "~/models/recognition.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { canAcceptAnswer, canAnswerQuestion, canEditAnswer, canSeeQuestionAuthor, canSendQuestionToCuration, canThankForAnswer, canViewQuestions, isActive, noteAbilities } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { QuestionIntentSchema } from "~/schemas/question";
import { QUESTION_INTENT } from "~/schemas/question.shared";
import { readBody } from "~/schemas/rich-text-form";
import { formatDate, useLocale, useT, type Translate } from "~/utils/i18n";
import { replyCommandError, replyErrors, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const question = await getQuestion(params.questionId ?? "");
  // Questions of a closed community do not exist for outsiders: 404, not 403.
  if (!question || !canViewQuestions(actor, question.community)) notFound();
  const { community } = question;
  // Asked as "a member": the asker's name and id reach only who may see them, on the question and on their own answers.
  const named = canSeeQuestionAuthor(actor, community, question);
  const byAsker = (authorId: string) => question.anonymous && authorId === question.authorId;
  const thanked = await listThankedAnswers(actor.id, question.answers.map((a) => a.id));
  return json({
    question: {
      id: question.id,
      title: question.title,
      bodyJson: question.bodyJson,
      state: question.state,
      createdAt: question.createdAt,
      authorName: named ? question.author.name : null,
      anonymous: question.anonymous,
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
      authorName: byAsker(a.author.id) && !named ? null : a.author.name,
      authorId: byAsker(a.author.id) && !named ? null : a.author.id,
      byAsker: byAsker(a.author.id),
      lead: !(byAsker(a.author.id) && !named) && community.leadIds.includes(a.author.id),
      can: {
        edit: canEditAnswer(actor, community, question, { id: a.id, authorId: a.author.id }),
        thank: canThankForAnswer(actor, community, question, { authorId: a.author.id }),
        thanked: thanked.includes(a.id),
      },
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
  const submission = parseSubmission(QuestionIntentSchema, form);
  const intent = submission.payload.intent;
  const body = intent === QUESTION_INTENT.answer || intent === QUESTION_INTENT.editAnswer ? readBody(form) : null;
  const bodyError = body && !body.ok ? body.error : undefined;
  if (submission.status !== "success") {
    // The answer id is a hidden field: its error is said above the form.
    return replyErrors(submission, { form: submission.error?.answerId?.[0] ?? { key: "error.invalid" }, fields: { body: bodyError } });
  }
  if (bodyError) return replyErrors(submission, { fields: { body: bodyError } });
  const base = `/questions/${questionId}`;
  const input = submission.value;
  try {
    switch (input.intent) {
      case QUESTION_INTENT.answer: {
        if (!body?.ok) return replyInvalid(submission);
        const answer = await answerQuestion(actor, questionId, { json: body.json, text: body.text });
        // The fragment names the new answer: the page scrolls to it and the answer box starts empty again.
        return redirectWithFlash(request, `${base}#answer-${answer.id}`, { key: "questions.done.answered" });
      }
      case QUESTION_INTENT.editAnswer: {
        if (!body?.ok) return replyInvalid(submission);
        await editAnswer(actor, questionId, input.answerId, { json: body.json, text: body.text });
        return redirectWithFlash(request, `${base}#answer-${input.answerId}`, { key: "questions.done.answerEdited" });
      }
      case QUESTION_INTENT.deleteAnswer:
        await deleteAnswer(actor, questionId, input.answerId);
        return redirectWithFlash(request, `${base}#answers`, { key: "questions.done.answerDeleted" });
      case QUESTION_INTENT.accept:
        await acceptAnswer(actor, questionId, input.answerId);
        return redirectWithFlash(request, `${base}#answers`, { key: "questions.done.accepted" });
      case QUESTION_INTENT.send:
        await sendQuestionToCuration(actor, questionId);
        return redirectWithFlash(request, base, { key: "questions.done.sent" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    // A refusal is explained on the page itself (403 with the reason), not as a bare error page.
    if (error instanceof CommandError && (error.kind === "forbidden" || error.field === "answerId")) {
      return replyErrors(submission, { form: { key: error.messageKey } }, error.status);
    }
    return replyCommandError(submission, error);
  }
}

export default function QuestionPage() {
  const t = useT();
  const locale = useLocale();
  const { question, community, answers, can } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  // Busy until the page has reloaded after the post, not only while it is sent: a second click in between would post again.
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const location = useLocation();
  const [params] = useSearchParams();
  const editing = params.get("edit");
  // A new key empties the answer box (the editor reads its content once) once an answer was posted:
  // the page moved on after a submission of the answer form, which only a successful post does.
  const [answerBoxKey, setAnswerBoxKey] = useState(0);
  const submittedIntent = useRef<string | null>(null);
  if (navigation.formData) submittedIntent.current = String(navigation.formData.get("intent"));
  useEffect(() => {
    if (submittedIntent.current === QUESTION_INTENT.answer) setAnswerBoxKey((k) => k + 1);
    submittedIntent.current = null;
  }, [location.key]);
  const accepted = question.acceptedAnswerId !== null;
  // The forms on this page; a refusal for any other (a hand-made post, a form gone since) shows on top.
  const shown = [
    ...answers.flatMap((a) => [`answer-accept-${a.id}`, ...(a.can.edit && editing === a.id ? [`answer-edit-${a.id}`, `answer-delete-${a.id}`] : [])]),
    ...(can.send ? ["question-send"] : []),
    ...(can.answer ? ["answer"] : []),
  ];
  return (
    <article className="stack question-page">
      <p>
        <Link to={`/communities/${community.slug}/questions`}>← {t("questions.backToList", { community: community.name })}</Link>
      </p>
      <StrandedFormAlert shown={shown} />
      <header className="card stack">
        <div className="note-item-head">
          <h1>{question.title}</h1>
          <span>
            <QuestionStateBadge state={question.state} accepted={accepted} />
          </span>
        </div>
        <p className="muted small">
          {t("questions.askedBy", { name: question.authorName ?? t("recognition.anonymous.aMember"), date: formatDate(locale, question.createdAt, true) })} · {community.name}
        </p>
        <AskedAnonymouslyNote anonymous={question.anonymous} named={question.authorName !== null} />
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
                  aria-label={isAccepted ? `${t("questions.acceptedBadge")}: ${a.authorName ?? t("recognition.anonymous.theAsker")}` : (a.authorName ?? t("recognition.anonymous.theAsker"))}
                >
                  <p className="muted small answer-meta">
                    <strong>{a.authorId && a.authorName ? <PersonLink id={a.authorId} name={a.authorName} /> : t("recognition.anonymous.theAsker")}</strong>
                    {a.byAsker && a.authorName ? <span className="badge">{t("recognition.anonymous.askerBadge")}</span> : null}
                    {a.lead ? <span className="badge">{t("communities.lead")}</span> : null} · {formatDate(locale, a.createdAt, true)}
                    {a.edited ? ` · ${t("questions.answer.edited")}` : null}
                    {isAccepted ? <span className="badge badge-published">✓ {t("questions.acceptedBadge")}</span> : null}
                  </p>
                  {a.can.edit && editing === a.id ? (
                    <EditAnswerForms t={t} answerId={a.id} questionId={question.id} bodyJson={a.bodyJson} busy={busy} />
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
                  {a.can.thank && a.authorName ? <ThankLink href={`/questions/${question.id}/thank/${a.id}`} name={a.authorName} thanked={a.can.thanked} /> : null}
                  {can.accept && !isAccepted ? (
                    <AcceptAnswerForm answerId={a.id} label={t("questions.acceptNamed", { name: a.authorName ?? t("recognition.anonymous.theAsker") })} text={t(accepted ? "questions.acceptOther" : "questions.accept")} busy={busy} />
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
            <SendQuestionForm t={t} busy={busy} />
          ) : (
            <p className="muted">{t("questions.send.needsAccepted")}</p>
          )}
        </section>
      ) : null}

      {can.answer ? (
        <section className="card stack" aria-labelledby="answer-heading">
          <h2 id="answer-heading">{t("questions.yourAnswer")}</h2>
          <AnswerForm key={answerBoxKey} t={t} busy={busy} />
        </section>
      ) : can.answerHint ? (
        <p className="muted">{t("questions.answerMembersOnly")}</p>
      ) : null}
    </article>
  );
}


function AnswerForm({ t, busy }: { t: Translate; busy: boolean }) {
  const [form, fields] = useGildeForm("answer");
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={QUESTION_INTENT.answer} />
      <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("questions.field.answer")} />
      <button type="submit" className="button primary" disabled={busy}>
        {t("questions.submitAnswer")}
      </button>
    </ConformForm>
  );
}

function EditAnswerForms({ t, answerId, questionId, bodyJson, busy }: { t: Translate; answerId: string; questionId: string; bodyJson: string; busy: boolean }) {
  const [form, fields] = useGildeForm(`answer-edit-${answerId}`);
  const [deleteForm] = useGildeForm(`answer-delete-${answerId}`);
  return (
    <div className="stack">
      <ConformForm form={form} className="stack" aria-label={t("questions.answer.editTitle")}>
        <input type="hidden" name="intent" value={QUESTION_INTENT.editAnswer} />
        <input type="hidden" name="answerId" value={answerId} />
        <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("questions.answer.editTitle")} defaultJson={bodyJson} />
        <div className="activity-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t("questions.answer.save")}
          </button>
          <Link to={`/questions/${questionId}#answer-${answerId}`} className="button secondary">
            {t("questions.answer.cancel")}
          </Link>
        </div>
      </ConformForm>
      <ConformForm form={deleteForm} className="inline-form">
        <input type="hidden" name="intent" value={QUESTION_INTENT.deleteAnswer} />
        <input type="hidden" name="answerId" value={answerId} />
        <button type="submit" className="button small danger" disabled={busy}>
          {t("questions.answer.delete")}
        </button>
      </ConformForm>
    </div>
  );
}

function AcceptAnswerForm({ answerId, label, text, busy }: { answerId: string; label: string; text: string; busy: boolean }) {
  const [form] = useGildeForm(`answer-accept-${answerId}`);
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={QUESTION_INTENT.accept} />
      <input type="hidden" name="answerId" value={answerId} />
      <button type="submit" className="button small secondary" disabled={busy} aria-label={label}>
        {text}
      </button>
    </ConformForm>
  );
}

function SendQuestionForm({ t, busy }: { t: Translate; busy: boolean }) {
  const [form] = useGildeForm("question-send");
  return (
    <ConformForm form={form} className="stack">
      <input type="hidden" name="intent" value={QUESTION_INTENT.send} />
      <p className="hint">{t("questions.send.hint")}</p>
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("questions.send.submit")}
        </button>
      </div>
    </ConformForm>
  );
}
