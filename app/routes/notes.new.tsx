import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { submitNote } from "~/commands/submit-note.server";
import { useEffect, useRef } from "react";
import { ConformForm, useFormReply, useGildeForm } from "~/components/form";
import { DRAFT_KEY_PREFIX, LeaveDialog, useNoteDraft } from "~/components/note-draft";
import { NoteFields, type NoteFieldValues } from "~/components/note-form";
import { listCommunitiesForNote } from "~/models/community.server";
import { listPopularTagNames } from "~/models/tag.server";
import { authorize } from "~/utils/http.server";
import { canWriteNote } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { NoteSchema } from "~/schemas/note";
import { LIMITS } from "~/schemas/note.shared";
import { readBody } from "~/schemas/rich-text-form";
import { useT } from "~/utils/i18n";
import { redirectWithFlash } from "~/utils/flash.server";
import { replyCommandError, replyErrors, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canWriteNote(actor));
  const [communities, tags] = await Promise.all([listCommunitiesForNote(actor), listPopularTagNames()]);
  const q = new URL(request.url).searchParams.get("title")?.slice(0, LIMITS.titleMax) ?? "";
  return json({ communities, tags, prefillTitle: q, draftKey: `${DRAFT_KEY_PREFIX}${actor.id}` });
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canWriteNote(actor));
  const form = await request.formData();
  const submission = parseSubmission(NoteSchema, form);
  const body = readBody(form);
  if (submission.status !== "success" || !body.ok) return replyErrors(submission, { fields: { body: body.ok ? undefined : body.error } });
  try {
    await submitNote(actor, { ...submission.value, body: { json: body.json, text: body.text } });
  } catch (error) {
    return replyCommandError(submission, error);
  }
  return redirectWithFlash(request, "/notes", { key: "note.submitted" });
}

export default function NewNote() {
  const t = useT();
  const { communities, tags, prefillTitle, draftKey } = useLoaderData<typeof loader>();
  const reply = useFormReply("note-new");
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useGildeForm("note-new");
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useNoteDraft(formRef, draftKey, !reply);
  const { refused } = draft;
  useEffect(() => {
    if (reply?.error) refused();
  }, [reply, refused]);
  const values: NoteFieldValues = draft.restored ?? { title: prefillTitle };
  return (
    <div className="card form-page">
      <h1>{t("note.new.title")}</h1>
      <p className="lead">{t("note.new.intro")}</p>
      <LeaveDialog blocker={draft.blocker} />
      {draft.restored ? (
        <div className="alert alert-info draft-restored" role="status">
          <span>{t("note.draft.restored")}</span>{" "}
          <button type="button" className="button small secondary" onClick={draft.discard}>
            {t("note.draft.discard")}
          </button>
        </div>
      ) : null}
      <ConformForm form={form} ref={formRef} key={draft.formKey} onSubmitCapture={draft.submitted}>
        <NoteFields fields={fields} values={values} communities={communities} tags={tags} autoFocus />
        <button type="submit" className="button primary" disabled={busy}>
          {t("note.submit")}
        </button>
      </ConformForm>
    </div>
  );
}
