import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { submitNote } from "~/commands/submit-note.server";
import { useEffect, useRef } from "react";
import { FormAlert } from "~/components/form";
import { DRAFT_KEY_PREFIX, LeaveDialog, useNoteDraft } from "~/components/note-draft";
import { NoteFields, type NoteFieldValues } from "~/components/note-form";
import { listCommunitiesForNote } from "~/models/community.server";
import { listPopularTagNames } from "~/models/tag.server";
import { authorize } from "~/utils/http.server";
import { canWriteNote } from "~/policies/policies";
import { formValues, parseForm } from "~/schemas/form";
import { LIMITS, NoteSchema } from "~/schemas/note";
import { readBody } from "~/schemas/rich-text-form";
import { useT } from "~/utils/i18n";
import { commandFailure, invalid, requireActor } from "~/utils/request.server";

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
  const parsed = parseForm(NoteSchema, form);
  const body = readBody(form);
  if (!parsed.ok || !body.ok) {
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...(body.ok ? {} : { body: body.error }) };
    return invalid(errors, formValues(form));
  }
  try {
    await submitNote(actor, { ...parsed.data, body: { json: body.json, text: body.text } });
  } catch (error) {
    return commandFailure(error, formValues(form));
  }
  return redirect("/notes?submitted=1");
}

export default function NewNote() {
  const t = useT();
  const { communities, tags, prefillTitle, draftKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = actionData?.errors;
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useNoteDraft(formRef, draftKey, !actionData);
  const { refused } = draft;
  useEffect(() => {
    if (actionData?.errors) refused();
  }, [actionData, refused]);
  const values: NoteFieldValues = actionData?.values ?? draft.restored ?? { title: prefillTitle };
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
      <Form method="post" noValidate ref={formRef} key={draft.formKey} onSubmit={draft.submitted}>
        <FormAlert errors={errors} />
        <NoteFields errors={errors} values={values} communities={communities} tags={tags} autoFocus />
        <button type="submit" className="button primary" disabled={busy}>
          {t("note.submit")}
        </button>
      </Form>
    </div>
  );
}
