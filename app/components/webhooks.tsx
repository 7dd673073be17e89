/** The admin's webhook page: the endpoints with their last delivery, the form to add one, and a secret shown once. */
import { ConformForm, MessageError, TextField, useGildeForm } from "~/components/form";
import { WEBHOOK_EVENTS, WEBHOOK_INTENT } from "~/schemas/webhook.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";

export type WebhookRow = {
  id: string;
  url: string;
  events: string[];
  lastDelivery: { event: string; deliveredAt: string | null; failedAt: string | null; lastStatus: number | null; lastError: string | null; attempts: number; createdAt: string } | null;
};

export function CreatedWebhook({ url, secret }: { url: string; secret: string }) {
  const t = useT();
  return (
    <div className="alert alert-success api-token-created" role="status">
      <p className="import-cell">
        <strong>{t("webhooks.created", { url })}</strong> {t("webhooks.shownOnce")}
      </p>
      <label htmlFor="webhook-secret">{t("webhooks.secret")}</label>
      <input id="webhook-secret" className="api-token-secret" readOnly value={secret} spellCheck={false} autoComplete="off" />
    </div>
  );
}

export function NewWebhookForm() {
  const t = useT();
  const [form, fields] = useGildeForm("webhook-create");
  const typed = fields.events.initialValue;
  const checked = Array.isArray(typed) ? typed : typed ? [typed] : [...WEBHOOK_EVENTS];
  const eventsError = fields.events.errors?.[0];
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={WEBHOOK_INTENT.create} />
      <TextField field={fields.url} type="url" label={t("webhooks.url")} hint={t("webhooks.urlHint")} required />
      <fieldset className="field" aria-describedby={eventsError ? `${fields.events.id}-error` : undefined}>
        <legend>{t("webhooks.events")}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="radio">
            <input type="checkbox" name={fields.events.name} value={event} defaultChecked={checked.includes(event)} /> <code>{event}</code> {t(`webhooks.event.${event}`)}
          </label>
        ))}
        <MessageError id={`${fields.events.id}-error`} error={eventsError} />
      </fieldset>
      <button type="submit" className="button primary">
        {t("webhooks.add")}
      </button>
    </ConformForm>
  );
}

function RemoveWebhookForm({ id, url }: { id: string; url: string }) {
  const t = useT();
  const [form] = useGildeForm(`webhook-remove-${id}`);
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={WEBHOOK_INTENT.remove} />
      <input type="hidden" name="endpointId" value={id} />
      <button type="submit" className="button small danger" aria-label={t("webhooks.removeNamed", { url })}>
        {t("webhooks.remove")}
      </button>
    </ConformForm>
  );
}

export function WebhookList({ endpoints }: { endpoints: WebhookRow[] }) {
  const t = useT();
  const locale = useLocale();
  if (endpoints.length === 0) return <p className="muted">{t("webhooks.none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table import-table">
        <thead>
          <tr>
            <th scope="col">{t("webhooks.url")}</th>
            <th scope="col">{t("webhooks.events")}</th>
            <th scope="col">{t("webhooks.last")}</th>
            <th scope="col">
              <span className="visually-hidden">{t("webhooks.remove")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {endpoints.map((e) => {
            const last = e.lastDelivery;
            return (
              <tr key={e.id}>
                <td className="import-cell" data-label={t("webhooks.url")}>
                  <code>{e.url}</code>
                </td>
                <td data-label={t("webhooks.events")}>{e.events.join(", ")}</td>
                <td data-label={t("webhooks.last")}>
                  {!last
                    ? t("webhooks.never")
                    : last.deliveredAt
                      ? t("webhooks.delivered", { event: last.event, when: formatDate(locale, last.deliveredAt, true) })
                      : last.failedAt
                        ? t("webhooks.failed", { event: last.event, error: last.lastError ?? "" })
                        : t("webhooks.pending", { event: last.event, attempts: last.attempts, error: last.lastError ?? "" })}
                </td>
                <td>
                  <RemoveWebhookForm id={e.id} url={e.url} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
