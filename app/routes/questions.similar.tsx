/**
 * GET /questions/similar?q=&community= — the questions and entries most like a title being typed,
 * for the ask form. One Meilisearch request; what the actor may not see is filtered inside it.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { similarToTitle } from "~/models/search.server";
import { SimilarQuerySchema } from "~/schemas/question";
import { QUESTION_LIMITS } from "~/schemas/question.shared";
import { requireActor } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const url = new URL(request.url);
  const params = SimilarQuerySchema.parse({ q: url.searchParams.get("q") ?? "", community: url.searchParams.get("community") ?? undefined });
  const headers = { "Cache-Control": "private, no-store" };
  if (params.q.length < QUESTION_LIMITS.similarMin) return json({ status: "ok" as const, q: params.q, questions: [], entries: [] }, { headers });
  const result = await similarToTitle(actor, { title: params.q, communityId: params.community });
  return json(
    {
      status: result.status,
      q: params.q,
      questions: result.questions.map((h) => ({
        id: h.id,
        title: h.title,
        titleHighlighted: h.titleHighlighted,
        communityName: h.communityName,
        state: h.state,
        accepted: h.accepted,
        answerCount: h.answerCount,
      })),
      entries: result.entries.map((h) => ({ id: h.id, title: h.title, titleHighlighted: h.titleHighlighted, communityName: h.communityName })),
    },
    { headers },
  );
}
