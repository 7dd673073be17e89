import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { archiveEntry, restoreEntry } from "~/commands/manage-entry.server";
import { ConformForm, TextAreaField, useGildeForm } from "~/components/form";
import { SuccessorChoices } from "~/components/entry-edit";
import { getEntry, listSuccessorCandidates } from "~/models/entry.server";
import { entryAbilities, type Actor } from "~/policies/policies";
import { ArchiveIntentSchema, SuccessorQuerySchema } from "~/schemas/entry";
import { ARCHIVE_INTENT, ENTRY_LIMITS } from "~/schemas/entry.shared";
import { parseSubmission } from "~/schemas/form";
import { LIMITS } from "~/schemas/note.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/** The entry if the actor may see it (404 otherwise) and archive or restore it (403 otherwise). */
async function requireManagedEntry(actor: Actor, entryId: string) {
  const entry = await getEntry(entryId);
  if (!entry || !entryAbilities(actor, entry).view) notFound();
  const can = entryAbilities(actor, entry);
  authorize(can.archive || can.restore);
  return { entry, can };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const { entry, can } = await requireManagedEntry(actor, params.entryId ?? "");
  const { q } = SuccessorQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const successors = can.archive ? await listSuccessorCandidates(actor, { id: entry.id, title: entry.title, tags: entry.tags.map((x) => x.tag.name) }, q) : null;
  return json({
    entry: { id: entry.id, title: entry.title, version: entry.version, archivedAt: entry.archivedAt },
    q,
    successors,
    can: { archive: can.archive, restore: can.restore },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const { entry } = await requireManagedEntry(actor, params.entryId ?? "");
  const submission = parseSubmission(ArchiveIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case ARCHIVE_INTENT.archive:
        await archiveEntry(actor, entry.id, { reason: input.reason, successorId: input.successorId });
        return redirectWithFlash(request, `/entries/${entry.id}`, { key: "entryLife.archive.done" });
      case ARCHIVE_INTENT.restore:
        await restoreEntry(actor, entry.id);
        return redirectWithFlash(request, `/entries/${entry.id}`, { key: "entryLife.restore.done" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function ArchiveEntry() {
  const t = useT();
  const locale = useLocale();
  const { entry, q, successors, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const [archiveForm, archiveFields] = useGildeForm("entry-archive");
  const [restoreForm] = useGildeForm("entry-restore");
  return (
    <div className="stack">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("entry.versionPage.back", { title: entry.title })}</Link>
      </p>
      {can.archive && successors ? (
        <div className="card form-page stack">
          <h1>{t("entryLife.archive.title")}</h1>
          <p className="lead">{t("entryLife.archive.intro")}</p>
          <p className="muted small">{t("entryLife.archive.entry", { title: entry.title, version: entry.version })}</p>
          {/* The search box is its own GET form, so choosing a successor works without JavaScript. */}
          <Form method="get" className="inline-form successor-search" role="search">
            <label htmlFor="successor-q" className="visually-hidden">
              {t("entryLife.archive.search")}
            </label>
            <input id="successor-q" type="search" name="q" defaultValue={q} maxLength={LIMITS.queryMax} placeholder={t("entryLife.archive.search")} />
            <button type="submit" className="button">
              {t("entryLife.archive.searchSubmit")}
            </button>
          </Form>
          <ConformForm form={archiveForm}>
            <input type="hidden" name="intent" value={ARCHIVE_INTENT.archive} />
            <SuccessorChoices field={archiveFields.successorId} q={q} fallback={successors.fallback} candidates={successors.candidates} />
            <TextAreaField
              field={archiveFields.reason}
              label={t("entryLife.archive.fieldReason")}
              hint={t("entryLife.archive.reasonHint", { max: ENTRY_LIMITS.archiveReasonMax })}
              maxLength={ENTRY_LIMITS.archiveReasonMax * 2}
              required
            />
            <button type="submit" className="button danger" disabled={busy}>
              {t("entryLife.archive.submit")}
            </button>
          </ConformForm>
        </div>
      ) : null}
      {can.restore ? (
        <div className="card form-page stack">
          <h1>{t("entryLife.restore.title")}</h1>
          <p>{t("entryLife.restore.intro", { title: entry.title, date: entry.archivedAt ? formatDate(locale, entry.archivedAt) : "" })}</p>
          <ConformForm form={restoreForm}>
            <input type="hidden" name="intent" value={ARCHIVE_INTENT.restore} />
            <button type="submit" className="button primary" disabled={busy}>
              {t("entryLife.restore.submit")}
            </button>
          </ConformForm>
        </div>
      ) : null}
    </div>
  );
}
