import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { askQuestion } from "~/commands/manage-question.server";
import { CommandError } from "~/commands/errors";
import { StrandedFormAlert } from "~/components/form";
import { AskQuestionForm, QuestionList } from "~/components/questions";
import { requireCommunity } from "~/models/community-access.server";
import { listQuestions } from "~/models/question.server";
import { listPopularTagNames } from "~/models/tag.server";
import { parseSubmission } from "~/schemas/form";
import { AskQuestionSchema } from "~/schemas/question";
import { readBody } from "~/schemas/rich-text-form";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyErrors, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, can } = await requireCommunity(actor, params.slug);
  const [list, tags] = await Promise.all([listQuestions({ actor, community }), listPopularTagNames()]);
  return json({
    community: { id: community.id, slug: community.slug, name: community.name, archived: community.archived },
    count: list.count,
    questions: list.questions,
    tags,
    can: { ask: can.askQuestion },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await requireCommunity(actor, params.slug);
  const form = await request.formData();
  const submission = parseSubmission(AskQuestionSchema, form);
  // The body is rich text, read beside the schema; its error shows together with the others.
  const body = readBody(form);
  if (submission.status !== "success" || !body.ok) return replyErrors(submission, { fields: { body: body.ok ? undefined : body.error } });
  try {
    const question = await askQuestion(actor, community.id, { ...submission.value, body: { json: body.json, text: body.text } });
    return redirectWithFlash(request, `/questions/${question.id}`, { key: "questions.done.asked" });
  } catch (error) {
    // A refusal is explained on the page itself (403 with the reason), not as a bare error page.
    if (error instanceof CommandError && error.status === 403) return replyErrors(submission, { form: { key: error.messageKey } }, 403);
    return replyCommandError(submission, error);
  }
}

export default function CommunityQuestions() {
  const t = useT();
  const { community, count, questions, tags, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h2 className="page-title">{t("questions.titleIn", { community: community.name })}</h2>
      <section className="card stack" aria-labelledby="ask-heading" id="ask">
        <h2 id="ask-heading">{t("questions.ask")}</h2>
        {can.ask ? (
          <>
            <p className="lead">{t("questions.askIntro")}</p>
            <AskQuestionForm communityId={community.id} tags={tags} busy={busy} />
          </>
        ) : (
          <>
            <StrandedFormAlert shown={[]} />
            <p className="muted">{t(community.archived ? "questions.askArchived" : "questions.askMembersOnly")}</p>
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="question-list">
        <h2 id="question-list">{t("questions.title")}</h2>
        {count ? <p className="muted small">{t("questions.count", { count })}</p> : null}
        {questions.length ? <QuestionList questions={questions} /> : <p className="muted">{t("questions.empty")}</p>}
      </section>
    </>
  );
}
