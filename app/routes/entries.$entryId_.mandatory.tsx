import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { assignMandatoryRead } from "~/commands/manage-mandatory-read.server";
import { AssignMandatoryReadForm, MandatoryReadTable } from "~/components/mandatory-reads";
import { getEntry } from "~/models/entry.server";
import { audienceOptions, listMandatoryReadsOfEntry } from "~/models/mandatory-read.server";
import { canAssignMandatoryRead, canManageMandatoryReads, canViewEntry, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { AssignMandatoryReadSchema } from "~/schemas/mandatory-read";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/** Knowledge managers only (403), and only for an entry they see (404, as everywhere). */
async function requireEntry(actor: Actor, entryId: string) {
  authorize(canManageMandatoryReads(actor));
  const entry = await getEntry(entryId);
  if (!entry || !canViewEntry(actor, entry)) notFound();
  return entry;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await requireEntry(actor, params.entryId ?? "");
  const canAssign = canAssignMandatoryRead(actor, entry);
  const [reads, options] = await Promise.all([listMandatoryReadsOfEntry(entry.id), canAssign ? audienceOptions() : null]);
  return json({ entry: { id: entry.id, title: entry.title, version: entry.version }, reads, options });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await requireEntry(actor, params.entryId ?? "");
  const submission = parseSubmission(AssignMandatoryReadSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const { readId, assigned } = await assignMandatoryRead(actor, entry.id, submission.value);
    return redirectWithFlash(request, `/knowledge/mandatory-reads/${readId}`, { key: "mandatory.flash.assigned", vars: { count: assigned } });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EntryMandatoryReads() {
  const t = useT();
  const { entry, reads, options } = useLoaderData<typeof loader>();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/entries/${entry.id}`}>← {entry.title}</Link>
      </p>
      <div>
        <h1>{t("mandatory.entry.title")}</h1>
        <p className="lead">{t("mandatory.entry.intro", { title: entry.title, version: entry.version })}</p>
      </div>
      {options ? <AssignMandatoryReadForm options={options} /> : <p className="alert alert-warning">{t("mandatory.entry.archived")}</p>}
      <section aria-labelledby="mandatory-entry-reads">
        <h2 id="mandatory-entry-reads">{t("mandatory.entry.reads")}</h2>
        <MandatoryReadTable reads={reads} showEntry={false} />
      </section>
    </div>
  );
}
