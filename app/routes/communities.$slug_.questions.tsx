import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { CommunityTabs } from "~/components/community-tabs";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { askQuestion } from "~/commands/manage-question.server";
import { CommandError } from "~/commands/errors";
import { FormAlert } from "~/components/form";
import { AskQuestionForm, QuestionList } from "~/components/questions";
import { getCommunityBySlug } from "~/models/community.server";
import { listQuestions } from "~/models/question.server";
import { listPopularTagNames } from "~/models/tag.server";
import { notFound } from "~/utils/http.server";
import { canAskQuestion, canListReports, canViewQuestions, type Actor } from "~/policies/policies";
import { formValues, parseForm } from "~/schemas/form";
import { AskQuestionSchema } from "~/schemas/question";
import { readBody } from "~/schemas/rich-text-form";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.community.name} · Gilde` : "Gilde" }];

/** The community if this actor may see its content: a closed one is 404 for outsiders. */
async function visibleCommunity(actor: Actor, slug: string | undefined) {
  const community = slug ? await getCommunityBySlug(slug) : null;
  if (!community || !canViewQuestions(actor, community)) notFound();
  const leadIds = community.memberships.filter((m) => m.role === "LEAD").map((m) => m.user.id);
  return { community, ref: { id: community.id, visibility: community.visibility, departmentId: community.departmentId, status: community.status, leadIds } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community, ref } = await visibleCommunity(actor, params.slug);
  const [list, tags] = await Promise.all([listQuestions(community.id), listPopularTagNames()]);
  return json({
    community: { id: community.id, slug: community.slug, name: community.name, status: community.status },
    count: list.count,
    questions: list.questions,
    tags,
    can: { ask: canAskQuestion(actor, ref), reports: canListReports(actor, ref) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { community } = await visibleCommunity(actor, params.slug);
  const form = await request.formData();
  const parsed = parseForm(AskQuestionSchema, form);
  const body = readBody(form);
  if (!parsed.ok || !body.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(body.ok ? {} : { body: body.error }) };
    return invalid(errors, formValues(form));
  }
  try {
    const question = await askQuestion(actor, community.id, { ...parsed.data, body: { json: body.json, text: body.text } });
    return redirect(`/questions/${question.id}?done=asked`);
  } catch (error) {
    // A refusal is explained on the page itself (403 with the reason), not as a bare error page.
    if (error instanceof CommandError && error.status === 403) return invalid({ _form: { key: error.messageKey } }, formValues(form), 403);
    return commandFailure(error, formValues(form));
  }
}

export default function CommunityQuestions() {
  const t = useT();
  const { community, count, questions, tags, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="stack">
      <h1>{t("questions.titleIn", { community: community.name })}</h1>
      <CommunityTabs slug={community.slug} current="questions" reports={can.reports} />
      <section className="card stack" aria-labelledby="ask-heading" id="ask">
        <h2 id="ask-heading">{t("questions.ask")}</h2>
        {can.ask ? (
          <>
            <p className="lead">{t("questions.askIntro")}</p>
            <AskQuestionForm communityId={community.id} tags={tags} failure={actionData} busy={busy} />
          </>
        ) : (
          <>
            <FormAlert errors={actionData?.errors} />
            <p className="muted">{t(community.status === "ACTIVE" ? "questions.askMembersOnly" : "questions.askArchived")}</p>
          </>
        )}
      </section>
      <section className="card stack" aria-labelledby="question-list">
        <h2 id="question-list">{t("questions.title")}</h2>
        {count ? <p className="muted small">{t("questions.count", { count })}</p> : null}
        {questions.length ? <QuestionList questions={questions} /> : <p className="muted">{t("questions.empty")}</p>}
      </section>
    </div>
  );
}
