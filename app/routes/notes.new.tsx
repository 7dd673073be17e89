import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { submitNote } from "~/commands/submit-note.server";
import { FormAlert, TextField, FieldError } from "~/components/form";
import { RichTextField } from "~/components/editor/rich-text-field";
import { TagInput } from "~/components/tag-input";
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
  return json({ communities, tags, prefillTitle: q });
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
  const { communities, tags, prefillTitle } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values = actionData?.values ?? {};
  return (
    <div className="card form-page">
      <h1>{t("note.new.title")}</h1>
      <p className="lead">{t("note.new.intro")}</p>
      <Form method="post" noValidate>
        <FormAlert errors={errors} />
        <TextField
          name="title"
          label={t("note.field.title")}
          hint={t("note.field.titleHint")}
          errors={errors}
          defaultValue={values.title ?? prefillTitle}
          maxLength={LIMITS.titleMax * 2}
          required
          autoFocus
        />
        <RichTextField name="body" label={t("note.field.body")} errors={errors} defaultJson={values.body} defaultPlain={values.bodyPlain} />
        <TagInput
          name="tags"
          label={t("note.field.tags")}
          hint={t("note.field.tagsHint")}
          suggestions={tags}
          defaultValue={values.tags}
          errors={errors}
          removeLabel={(tag) => t("tags.remove", { tag })}
        />
        {communities.length ? (
          <div className="field">
            <label htmlFor="f-communityId">{t("note.field.community")}</label>
            <select id="f-communityId" name="communityId" defaultValue={values.communityId ?? ""} aria-invalid={errors?.communityId ? true : undefined} aria-describedby={errors?.communityId ? "f-communityId-error" : undefined}>
              <option value="">{t("note.field.noCommunity")}</option>
              {communities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <FieldError id="f-communityId-error" errors={errors} name="communityId" />
          </div>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          {t("note.submit")}
        </button>
      </Form>
    </div>
  );
}
