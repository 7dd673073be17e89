/**
 * Thanking someone credited on an entry (issue 17): a short message, once per person and entry. A page of
 * its own, so the form works without JavaScript and a refusal keeps what was typed.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { thankForEntry } from "~/commands/thank-contributor.server";
import { ThanksForm, ThanksPageNotices } from "~/components/recognition";
import { getEntry, listEntryContributors } from "~/models/entry.server";
import { findThanksGiven } from "~/models/recognition.server";
import { canGiveFeedback, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { ThanksSchema } from "~/schemas/recognition";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/**
 * The entry and the person credited on it, or 404: an entry the actor may not thank for (unseen,
 * archived) and a person it does not credit do not exist here. Oneself gets the page, and the refusal.
 */
async function thanksTarget(actor: Actor, entryId: string, userId: string) {
  const entry = await getEntry(entryId);
  if (!entry) notFound();
  const contributors = await listEntryContributors(entry.id);
  const credited = [...contributors, entry.owner];
  const recipient = credited.find((person) => person.id === userId);
  // Who may react to the live entry they read sees the page; the command refuses thanking oneself or twice.
  if (!recipient || !canGiveFeedback(actor, entry)) notFound();
  return { entry, recipient };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { entry, recipient } = await thanksTarget(actor, params.entryId ?? "", params.userId ?? "");
  const earlier = await findThanksGiven(actor.id, { entryId: entry.id, recipientId: recipient.id });
  return json({ entry: { id: entry.id, title: entry.title }, recipient: { id: recipient.id, name: recipient.name }, self: recipient.id === actor.id, earlier });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { entry, recipient } = await thanksTarget(actor, params.entryId ?? "", params.userId ?? "");
  const submission = parseSubmission(ThanksSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await thankForEntry(actor, entry.id, recipient.id, submission.value);
    return redirectWithFlash(request, `/entries/${entry.id}`, { key: "recognition.thanks.done", vars: { name: recipient.name } });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function ThankForEntryPage() {
  const t = useT();
  const { entry, recipient, self, earlier } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack form-page">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("flags.back", { title: entry.title })}</Link>
      </p>
      <div className="card stack">
        <div>
          <p className="eyebrow">{entry.title}</p>
          <h1>{t("recognition.thanks.title", { name: recipient.name })}</h1>
          <p className="lead">{t("recognition.thanks.leadEntry")}</p>
        </div>
        <ThanksPageNotices self={self} earlier={earlier} name={recipient.name} />
        <ThanksForm name={recipient.name} busy={busy} />
      </div>
    </div>
  );
}
