import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { editNote, withdrawNote } from "~/commands/manage-note.server";
import { ConformForm, useGildeForm } from "~/components/form";
import { NoteFields, type NoteFieldValues } from "~/components/note-form";
import { listCommunitiesForNote } from "~/models/community.server";
import { getNote } from "~/models/note.server";
import { listPopularTagNames } from "~/models/tag.server";
import { canEditNote, canViewNote, canWithdrawNote, type Actor } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { OwnNoteIntentSchema } from "~/schemas/note";
import { OWN_NOTE_INTENT } from "~/schemas/note.shared";
import { readBody } from "~/schemas/rich-text-form";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize, notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyErrors, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** The note if the actor may see it (404 otherwise) and edit it (403 otherwise: decided, withdrawn or not theirs). */
async function requireEditableNote(actor: Actor, noteId: string) {
  const note = await getNote(noteId);
  if (!note || !canViewNote(actor, note)) notFound();
  authorize(canEditNote(actor, note));
  return note;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const note = await requireEditableNote(actor, params.noteId ?? "");
  const [communities, tags] = await Promise.all([listCommunitiesForNote(actor), listPopularTagNames()]);
  return json({
    note: {
      id: note.id,
      title: note.title,
      bodyJson: note.bodyJson,
      tags: note.tags.map((x) => x.tag.name).join(", "),
      communityId: note.community?.id ?? "",
    },
    communities,
    tags,
    can: { withdraw: canWithdrawNote(actor, note) },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const note = await requireEditableNote(actor, params.noteId ?? "");
  const form = await request.formData();
  const submission = parseSubmission(OwnNoteIntentSchema, form);
  const body = submission.payload.intent === OWN_NOTE_INTENT.save ? readBody(form) : null;
  const bodyError = body && !body.ok ? body.error : undefined;
  if (submission.status !== "success" || bodyError) return replyErrors(submission, { fields: { body: bodyError } });
  const input = submission.value;
  try {
    switch (input.intent) {
      case OWN_NOTE_INTENT.save: {
        if (!body?.ok) return replyInvalid(submission);
        const { title, tags, communityId } = input;
        await editNote(actor, note.id, { title, tags, communityId, body: { json: body.json, text: body.text } });
        return redirectWithFlash(request, "/notes", { key: "note.edit.saved" });
      }
      case OWN_NOTE_INTENT.withdraw:
        await withdrawNote(actor, note.id);
        return redirectWithFlash(request, "/notes", { key: "note.withdraw.done" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function EditNote() {
  const t = useT();
  const { note, communities, tags, can } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useGildeForm("note-save");
  const [withdrawForm] = useGildeForm("note-withdraw");
  const values: NoteFieldValues = { title: note.title, body: note.bodyJson, tags: note.tags, communityId: note.communityId };
  return (
    <div className="stack">
      <p>
        <Link to="/notes">← {t("note.mine.title")}</Link>
      </p>
      <div className="card form-page">
        <h1>{t("note.edit.title")}</h1>
        <p className="lead">{t("note.edit.intro")}</p>
        <ConformForm form={form}>
          <input type="hidden" name="intent" value={OWN_NOTE_INTENT.save} />
          <NoteFields fields={fields} values={values} communities={communities} tags={tags} />
          <button type="submit" className="button primary" disabled={busy}>
            {t("note.edit.save")}
          </button>
        </ConformForm>
      </div>
      {can.withdraw ? (
        <section className="card stack" aria-labelledby="withdraw-heading">
          <h2 id="withdraw-heading">{t("note.withdraw.title")}</h2>
          <p className="hint">{t("note.withdraw.hint")}</p>
          <ConformForm form={withdrawForm}>
            <input type="hidden" name="intent" value={OWN_NOTE_INTENT.withdraw} />
            <button type="submit" className="button danger" disabled={busy}>
              {t("note.withdraw.submit")}
            </button>
          </ConformForm>
        </section>
      ) : null}
    </div>
  );
}
