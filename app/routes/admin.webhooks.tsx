import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { createWebhook, removeWebhook } from "~/commands/manage-webhook.server";
import { CreatedWebhook, NewWebhookForm, WebhookList } from "~/components/webhooks";
import { listWebhookEndpoints, SIGNATURE_HEADER } from "~/models/webhook.server";
import { canManageWebhooks } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { WebhookIntentSchema } from "~/schemas/webhook";
import { WEBHOOK_INTENT } from "~/schemas/webhook.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageWebhooks(actor));
  return json({ endpoints: await listWebhookEndpoints(), header: SIGNATURE_HEADER });
}

/** Add an endpoint (its secret is answered once, never redirected to) or remove one. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageWebhooks(actor));
  const submission = parseSubmission(WebhookIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case WEBHOOK_INTENT.create: {
        const created = await createWebhook(actor, { url: input.url, events: input.events });
        return json({ created: { url: input.url, secret: created.secret } }, { headers: { "Cache-Control": "no-store" } });
      }
      case WEBHOOK_INTENT.remove:
        await removeWebhook(actor, input.endpointId);
        return redirectWithFlash(request, "/admin/webhooks", { key: "webhooks.removed" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function Webhooks() {
  const t = useT();
  const { endpoints, header } = useLoaderData<typeof loader>();
  const reply = useActionData() as { created?: { url: string; secret: string } } | undefined;
  return (
    <div className="stack">
      <p>
        <Link to="/admin/users">← {t("users.title")}</Link>
      </p>
      <h1>{t("webhooks.title")}</h1>
      <p>{t("webhooks.intro", { header })}</p>
      {reply?.created ? <CreatedWebhook url={reply.created.url} secret={reply.created.secret} /> : null}
      <section className="card form-page" aria-labelledby="webhook-new">
        <h2 id="webhook-new">{t("webhooks.new")}</h2>
        <NewWebhookForm />
      </section>
      <section className="card" aria-labelledby="webhook-list">
        <h2 id="webhook-list">{t("webhooks.list")}</h2>
        <WebhookList endpoints={endpoints} />
      </section>
    </div>
  );
}
