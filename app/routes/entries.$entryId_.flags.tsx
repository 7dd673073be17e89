import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { resolveFlagNoChange } from "~/commands/manage-flag.server";
import { OpenFlagItem, ResolvedFlagItem } from "~/components/entry-flags";
import { StrandedFormAlert } from "~/components/form";
import { getEntry } from "~/models/entry.server";
import { listEntryFlags } from "~/models/flag.server";
import { entryAbilities } from "~/policies/policies";
import { ResolveFlagSchema } from "~/schemas/flag";
import { parseSubmission } from "~/schemas/form";
import { daysBetween } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/** Who may not see the entry gets 404; a reader who may see it, 403: the flags are the knowledge managers'. */
async function managedEntry(request: Request, entryId: string) {
  const { actor } = await requireActor(request);
  const entry = await getEntry(entryId);
  const can = entry ? entryAbilities(actor, entry) : null;
  if (!entry || !can?.view) notFound();
  authorize(can.resolveFlags);
  return { actor, entry, can };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { entry, can } = await managedEntry(request, params.entryId ?? "");
  const { open, resolved } = await listEntryFlags(entry.id);
  const now = new Date();
  const withAge = <T extends { createdAt: Date }>(flag: T) => ({ ...flag, ageDays: daysBetween(flag.createdAt, now) });
  return json({
    entry: { id: entry.id, title: entry.title, state: entry.state, version: entry.version },
    open: open.map(withAge),
    resolved: resolved.map(withAge),
    can: { edit: can.edit, archive: can.archive },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, entry } = await managedEntry(request, params.entryId ?? "");
  const submission = parseSubmission(ResolveFlagSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await resolveFlagNoChange(actor, submission.value.flagId, submission.value.resolution);
    return redirectWithFlash(request, `/entries/${entry.id}/flags`, { key: "flags.done.noChange" });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EntryFlagsPage() {
  const t = useT();
  const { entry, open, resolved, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <div className="stack">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("flags.back", { title: entry.title })}</Link>
      </p>
      <div className="page-head">
        <div>
          <p className="eyebrow">{entry.title}</p>
          <h1>{t("flags.manage.title")}</h1>
        </div>
        {can.edit || can.archive ? (
          <p className="flag-entry-actions">
            {can.edit ? (
              <Link to={`/entries/${entry.id}/edit`} className="button primary">
                {t("flags.manage.edit")}
              </Link>
            ) : null}{" "}
            {can.archive ? (
              <Link to={`/entries/${entry.id}/archive`} className="button danger">
                {t("flags.manage.archive")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <StrandedFormAlert shown={open.map((f) => `flag-no-change-${f.id}`)} />
      <section className="card" aria-labelledby="flags-open">
        <h2 id="flags-open">{t("flags.manage.open", { count: open.length })}</h2>
        {open.length === 0 ? (
          <p className="empty">{t("flags.manage.noneOpen")}</p>
        ) : (
          <>
            {can.edit ? <p className="muted small">{t("flags.manage.fixHint")}</p> : null}
            <ul className="flag-list">
              {open.map((flag) => (
                <OpenFlagItem key={flag.id} flag={flag} busy={busy} />
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="flags-resolved">
        <h2 id="flags-resolved">{t("flags.manage.resolved")}</h2>
        {resolved.length === 0 ? (
          <p className="empty">{t("flags.manage.noneResolved")}</p>
        ) : (
          <ul className="flag-list">
            {resolved.map((flag) => (
              <ResolvedFlagItem key={flag.id} flag={flag} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
