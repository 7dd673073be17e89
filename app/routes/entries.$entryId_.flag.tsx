import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { flagEntry } from "~/commands/manage-flag.server";
import { ExistingFlag, FlagForm } from "~/components/entry-flags";
import { StrandedFormAlert } from "~/components/form";
import { getEntry } from "~/models/entry.server";
import { getOpenFlag } from "~/models/flag.server";
import { entryAbilities } from "~/policies/policies";
import { FlagSchema } from "~/schemas/flag";
import { parseSubmission } from "~/schemas/form";
import { redirectWithFlash } from "~/utils/flash.server";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/** Who may not see the entry gets 404 before anything else is read. */
async function visibleEntry(request: Request, entryId: string) {
  const { actor } = await requireActor(request);
  const entry = await getEntry(entryId);
  const can = entry ? entryAbilities(actor, entry) : null;
  if (!entry || !can?.view) notFound();
  return { actor, entry, can };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor, entry, can } = await visibleEntry(request, params.entryId ?? "");
  const own = can.flag ? await getOpenFlag(entry.id, actor.id) : null;
  return json({ entry: { id: entry.id, title: entry.title }, own, can: { flag: can.flag } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, entry } = await visibleEntry(request, params.entryId ?? "");
  const submission = parseSubmission(FlagSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await flagEntry(actor, entry.id, submission.value);
    return redirectWithFlash(request, `/entries/${entry.id}`, { key: "flags.done.created" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function FlagEntryPage() {
  const t = useT();
  const { entry, own, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const showForm = can.flag && !own;
  return (
    <div className="stack form-page">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("flags.back", { title: entry.title })}</Link>
      </p>
      <div className="card stack">
        <div>
          <p className="eyebrow">{entry.title}</p>
          <h1>{t("flags.new.title")}</h1>
          <p className="lead">{t("flags.new.lead")}</p>
        </div>
        {/* A refusal for a form no longer shown (the flag was given meanwhile in another tab) shows on top. */}
        <StrandedFormAlert shown={showForm ? ["flag-entry"] : []} />
        {!can.flag ? <div className="alert alert-warning">{t("flags.archived")}</div> : own ? <ExistingFlag flag={own} /> : <FlagForm busy={busy} />}
      </div>
    </div>
  );
}
