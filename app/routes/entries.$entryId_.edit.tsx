import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { editEntry } from "~/commands/manage-entry.server";
import { RichTextField } from "~/components/editor/rich-text-field";
import { EntryFlagChoices } from "~/components/entry-edit";
import { ConformForm, SelectField, TextAreaField, TextField, useGildeForm } from "~/components/form";
import { TagInput } from "~/components/tag-input";
import { listCommunitiesForEntry } from "~/models/community.server";
import { getEntry, listOpenFlags, listOwnerChoices, suggestedReviewDay } from "~/models/entry.server";
import { listPopularTagNames } from "~/models/tag.server";
import { canReassignEntry, canResolveFlagsByEdit, entryAbilities, type Actor } from "~/policies/policies";
import { EditEntrySchema } from "~/schemas/entry";
import { ENTRY_LIMITS, latestReviewDay } from "~/schemas/entry.shared";
import { parseSubmission } from "~/schemas/form";
import { LIMITS } from "~/schemas/note.shared";
import { readBody } from "~/schemas/rich-text-form";
import { isoDayFromToday } from "~/utils/dates";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyErrors, requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} · Gilde` : "Gilde" }];

/** The entry if the actor may see it (404 otherwise) and fix it (403 otherwise: archived, or not theirs). */
async function requireEditableEntry(actor: Actor, entryId: string) {
  const entry = await getEntry(entryId);
  if (!entry || !entryAbilities(actor, entry).view) notFound();
  authorize(entryAbilities(actor, entry).edit);
  return entry;
}

const none = <T,>(): Promise<T[]> => Promise.resolve([]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await requireEditableEntry(actor, params.entryId ?? "");
  const reassign = canReassignEntry(actor, entry);
  const [flags, tags, communities, owners, reviewDay] = await Promise.all([
    canResolveFlagsByEdit(actor, entry) ? listOpenFlags(entry.id) : none<Awaited<ReturnType<typeof listOpenFlags>>[number]>(),
    listPopularTagNames(),
    reassign ? listCommunitiesForEntry(entry.community?.id ?? null) : none<{ id: string; name: string }>(),
    reassign ? listOwnerChoices(entry.community, entry.ownerId) : none<{ id: string; name: string; disabled: boolean }>(),
    suggestedReviewDay(entry.community?.id ?? null),
  ]);
  return json({
    entry: {
      id: entry.id,
      title: entry.title,
      bodyJson: entry.bodyJson,
      version: entry.version,
      tags: entry.tags.map((x) => x.tag.name).join(", "),
      communityId: entry.community?.id ?? "",
      communityName: entry.community?.name ?? null,
      ownerId: entry.ownerId,
      ownerName: entry.owner.name,
    },
    flags,
    tags,
    communities,
    owners,
    reviewDay,
    reviewRange: { min: isoDayFromToday(1), max: latestReviewDay() },
    can: { reassign },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await requireEditableEntry(actor, params.entryId ?? "");
  const form = await request.formData();
  const submission = parseSubmission(EditEntrySchema, form);
  // The body is rich text read beside the schema: its error shows together with the others.
  const body = readBody(form);
  if (submission.status !== "success" || !body.ok) return replyErrors(submission, { fields: { body: body.ok ? undefined : body.error } });
  const input = submission.value;
  try {
    const { version } = await editEntry(actor, entry.id, {
      ...input,
      communityId: input.communityId ?? null,
      body: { json: body.json, text: body.text },
    });
    return redirectWithFlash(request, `/entries/${entry.id}`, { key: "entryLife.edit.saved", vars: { version } });
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EditEntry() {
  const t = useT();
  const { entry, flags, tags, communities, owners, reviewDay, reviewRange, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useGildeForm("entry-edit");
  // The version the form was opened on travels with it; after a refusal it stays what the editor started from.
  const typedVersion = fields.version.initialValue;
  const baseVersion = typeof typedVersion === "string" && /^\d+$/.test(typedVersion) ? Number(typedVersion) : entry.version;
  const stale = baseVersion !== entry.version;
  return (
    <div className="stack">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("entry.versionPage.back", { title: entry.title })}</Link>
      </p>
      <div className="card form-page">
        <h1>{t("entryLife.edit.title")}</h1>
        <p className="lead">{t("entryLife.edit.intro")}</p>
        <p className="muted small">{t("entryLife.edit.editing", { version: baseVersion, title: entry.title })}</p>
        {stale ? (
          <ul className="plain-list small">
            <li>
              <Link to={`/entries/${entry.id}/compare?from=${baseVersion}&to=${entry.version}`} target="_blank" rel="noopener">
                {t("entryLife.edit.conflictCompare", { version: entry.version })}
              </Link>
            </li>
            <li>
              <a href={`/entries/${entry.id}/edit`}>{t("entryLife.edit.conflictRestart", { version: entry.version })}</a>
            </li>
          </ul>
        ) : null}
        <ConformForm form={form}>
          <input type="hidden" name={fields.version.name} value={baseVersion} />
          <TextField field={fields.title} label={t("entryLife.edit.fieldTitle")} defaultValue={entry.title} maxLength={LIMITS.titleMax * 2} required />
          <RichTextField field={fields.body} plainField={fields.bodyPlain} label={t("entryLife.edit.fieldBody")} defaultJson={entry.bodyJson} />
          <TagInput
            field={fields.tags}
            label={t("entryLife.edit.fieldTags")}
            hint={t("entryLife.edit.tagsHint")}
            suggestions={tags}
            defaultValue={entry.tags}
            removeLabel={(tag) => t("tags.remove", { tag })}
          />
          {can.reassign ? (
            <>
              <SelectField
                field={fields.communityId}
                label={t("entryLife.edit.fieldCommunity")}
                hint={t("entryLife.edit.communityHint")}
                defaultValue={entry.communityId}
                options={[{ value: "", label: t("entryLife.edit.noCommunity") }, ...communities.map((c) => ({ value: c.id, label: c.name }))]}
              />
              <SelectField
                field={fields.ownerId}
                label={t("entryLife.edit.fieldOwner")}
                hint={t("entryLife.edit.ownerHint")}
                defaultValue={entry.ownerId}
                options={owners.map((o) => ({ value: o.id, label: o.name }))}
              />
            </>
          ) : (
            <>
              {/* The owner fixes the content; where the entry lives and who owns it stay as they are. */}
              <input type="hidden" name={fields.communityId.name} value={entry.communityId} />
              <input type="hidden" name={fields.ownerId.name} value={entry.ownerId} />
              <p className="muted small">{t("entryLife.edit.ownerFixed", { owner: entry.ownerName, community: entry.communityName ?? t("entryLife.edit.noCommunity") })}</p>
            </>
          )}
          <TextField field={fields.reviewBy} type="date" label={t("entryLife.edit.fieldReviewBy")} hint={t("entryLife.edit.reviewByHint")} defaultValue={reviewDay} min={reviewRange.min} max={reviewRange.max} required />
          <EntryFlagChoices field={fields.resolveFlagIds} flags={flags} />
          <TextAreaField
            field={fields.changeNote}
            label={t("entryLife.edit.fieldChangeNote")}
            hint={t("entryLife.edit.changeNoteHint", { max: ENTRY_LIMITS.changeNoteMax })}
            maxLength={ENTRY_LIMITS.changeNoteMax * 2}
            required
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t("entryLife.edit.save")}
          </button>
        </ConformForm>
      </div>
    </div>
  );
}
