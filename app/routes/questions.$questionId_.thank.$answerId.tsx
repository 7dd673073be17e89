/**
 * Thanking the author of an answer (issue 17): a short message, once per answer. A page of its own, so the
 * form works without JavaScript and a refusal keeps what was typed.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { thankForAnswer } from "~/commands/thank-contributor.server";
import { ThanksForm, ThanksPageNotices } from "~/components/recognition";
import { findThanksGiven, getAnswerForThanks } from "~/models/recognition.server";
import { canSeeCommunityContent, isThankableAnswer, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { ThanksSchema } from "~/schemas/recognition";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.question.title} · Gilde` : "Gilde" }];

/**
 * The answer of this question, or 404 for who may not see the question and for an answer that cannot be
 * thanked (the asker's own on a question asked as "a member"). Oneself gets the page, and the refusal.
 */
async function thanksTarget(actor: Actor, questionId: string, answerId: string) {
  const answer = await getAnswerForThanks(answerId);
  if (!answer || answer.question.id !== questionId) notFound();
  // Who sees the question sees the page; the command refuses thanking oneself or twice.
  if (!canSeeCommunityContent(actor, answer.question.community) || !isThankableAnswer(answer.question, answer)) notFound();
  return answer;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const answer = await thanksTarget(actor, params.questionId ?? "", params.answerId ?? "");
  const earlier = await findThanksGiven(actor.id, { answerId: answer.id });
  return json({
    question: { id: answer.question.id, title: answer.question.title },
    answerId: answer.id,
    recipient: { name: answer.author.name },
    self: answer.authorId === actor.id,
    earlier,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const answer = await thanksTarget(actor, params.questionId ?? "", params.answerId ?? "");
  const submission = parseSubmission(ThanksSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await thankForAnswer(actor, answer.id, submission.value);
    return redirectWithFlash(request, `/questions/${answer.question.id}#answer-${answer.id}`, { key: "recognition.thanks.done", vars: { name: answer.author.name } });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function ThankForAnswerPage() {
  const t = useT();
  const { question, answerId, recipient, self, earlier } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack form-page">
      <p>
        <Link to={`/questions/${question.id}#answer-${answerId}`}>← {t("flags.back", { title: question.title })}</Link>
      </p>
      <div className="card stack">
        <div>
          <p className="eyebrow">{question.title}</p>
          <h1>{t("recognition.thanks.title", { name: recipient.name })}</h1>
          <p className="lead">{t("recognition.thanks.leadAnswer")}</p>
        </div>
        <ThanksPageNotices self={self} earlier={earlier} name={recipient.name} />
        <ThanksForm name={recipient.name} busy={busy} />
      </div>
    </div>
  );
}
