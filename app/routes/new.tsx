import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { markWhatsNewSeen } from "~/commands/mark-whats-new-seen.server";
import { WhatsNewList } from "~/components/whats-new";
import { whatsNewPage } from "~/models/whats-new.server";
import { parseSubmission } from "~/schemas/form";
import { MarkWhatsNewSeenSchema } from "~/schemas/whats-new";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** "Nieuw sinds je vorige bezoek": only the signed-in person's communities and topics, only what they may see. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return json(await whatsNewPage(actor));
}

/** "Seen it all" counts from when the page was loaded, never from a moment still to come. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(MarkWhatsNewSeenSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const now = new Date();
  await markWhatsNewSeen(actor.id, submission.value.seenUntil > now ? now : submission.value.seenUntil);
  return redirectWithFlash(request, "/new", { key: "whatsNew.seen" });
}

export default function WhatsNew() {
  return <WhatsNewList page={useLoaderData<typeof loader>()} />;
}
