import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { createApiToken, revokeApiToken } from "~/commands/manage-api-token.server";
import { ConformForm, MessageError, SelectField, TextField, useGildeForm } from "~/components/form";
import { listApiTokens } from "~/models/api-token.server";
import { canCreateApiTokenFor } from "~/policies/policies";
import { ApiTokenIntentSchema } from "~/schemas/api-token";
import { API_SCOPES, API_TOKEN_DAY_CHOICES, DEFAULT_API_SCOPES, API_TOKEN_INTENT, API_TOKEN_LIMITS } from "~/schemas/api-token.shared";
import { parseSubmission } from "~/schemas/form";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const tokens = await listApiTokens(actor.id);
  const now = Date.now();
  return json({
    tokens: tokens.map((t) => ({ ...t, status: t.revokedAt ? ("revoked" as const) : t.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const) })),
  });
}

/** Make a token (its secret is answered once, never redirected to or stored) or revoke one. */
export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const submission = parseSubmission(ApiTokenIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case API_TOKEN_INTENT.create: {
        authorize(canCreateApiTokenFor(actor, actor));
        const token = await createApiToken(actor, { ownerId: actor.id, name: input.name, scopes: input.scopes, expiresInDays: input.expiresInDays });
        return json({ created: { name: input.name, secret: token.secret } }, { headers: { "Cache-Control": "no-store" } });
      }
      case API_TOKEN_INTENT.revoke:
        await revokeApiToken(actor, input.tokenId);
        return redirectWithFlash(request, "/settings/tokens", { key: "apiToken.revokedDone" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

function CreatedToken({ name, secret }: { name: string; secret: string }) {
  const t = useT();
  return (
    <div className="alert alert-success api-token-created" role="status">
      <p>
        <strong>{t("apiToken.created", { name })}</strong> {t("apiToken.shownOnce")}
      </p>
      <label htmlFor="api-token-secret" className="visually-hidden">
        {t("apiToken.secret")}
      </label>
      <input id="api-token-secret" className="api-token-secret" readOnly value={secret} spellCheck={false} autoComplete="off" />
    </div>
  );
}

function RevokeForm({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useT();
  const [form] = useGildeForm(`api-token-revoke-${tokenId}`);
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value={API_TOKEN_INTENT.revoke} />
      <input type="hidden" name="tokenId" value={tokenId} />
      <button type="submit" className="button small danger" aria-label={t("apiToken.revokeNamed", { name })}>
        {t("apiToken.revoke")}
      </button>
    </ConformForm>
  );
}

export default function ApiTokens() {
  const t = useT();
  const locale = useLocale();
  const { tokens } = useLoaderData<typeof loader>();
  const created = (useActionData() as { created?: { name: string; secret: string } } | undefined)?.created;
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("api-token-create", { expiresInDays: String(API_TOKEN_LIMITS.defaultDays) });
  const scopeError = fields.scopes.errors?.[0];
  const typedScopes = fields.scopes.initialValue;
  // After a refusal the boxes show what was sent (possibly none); a fresh form suggests what a CRM needs.
  const replied = fields.name.initialValue !== undefined;
  const checkedScopes: unknown[] = replied ? (typedScopes === undefined ? [] : ([] as unknown[]).concat(typedScopes)) : [...DEFAULT_API_SCOPES];
  return (
    <div className="stack">
      <div className="card">
        <p className="muted small">
          <Link to="/settings">{t("settings.title")}</Link> ›
        </p>
        <h1>{t("apiToken.title")}</h1>
        <p>
          {t("apiToken.intro")} <Link to="/api/v1/docs">{t("apiToken.docsLink")}</Link>
        </p>
        {created ? <CreatedToken {...created} /> : null}
      </div>
      <div className="card">
        <h2>{t("apiToken.new")}</h2>
        <ConformForm form={form} key={created?.secret}>
          <input type="hidden" name="intent" value={API_TOKEN_INTENT.create} />
          <TextField field={fields.name} label={t("apiToken.name")} hint={t("apiToken.nameHint")} maxLength={API_TOKEN_LIMITS.nameMax} required />
          <fieldset className="field" aria-describedby={scopeError ? `${fields.scopes.id}-error` : undefined}>
            <legend>{t("apiToken.scopes")}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="radio">
                <input type="checkbox" name={fields.scopes.name} value={scope} defaultChecked={checkedScopes.includes(scope)} /> <code>{scope}</code> {t(`apiToken.scope.${scope}`)}
              </label>
            ))}
            <MessageError id={`${fields.scopes.id}-error`} error={scopeError} />
          </fieldset>
          <SelectField
            field={fields.expiresInDays}
            label={t("apiToken.expiresIn")}
            options={API_TOKEN_DAY_CHOICES.map((days) => ({ value: String(days), label: t("apiToken.days", { count: days }) }))}
          />
          <button type="submit" className="button primary" disabled={busy}>
            {t("apiToken.create")}
          </button>
        </ConformForm>
      </div>
      <div className="card">
        <h2>{t("apiToken.list")}</h2>
        {tokens.length === 0 ? (
          <p className="muted">{t("apiToken.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("apiToken.name")}</th>
                  <th scope="col">{t("apiToken.scopes")}</th>
                  <th scope="col">{t("apiToken.expires")}</th>
                  <th scope="col">{t("apiToken.lastUsed")}</th>
                  <th scope="col">{t("apiToken.state")}</th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id}>
                    <td>
                      {token.name}
                      <br />
                      <code className="muted small">{token.prefix}…</code>
                      {token.createdByOther ? <span className="muted small"> · {t("apiToken.madeBy", { name: token.createdByOther })}</span> : null}
                    </td>
                    <td>{token.scopes.join(", ")}</td>
                    <td>{formatDate(locale, token.expiresAt)}</td>
                    <td>{token.lastUsedAt ? formatDate(locale, token.lastUsedAt, true) : t("apiToken.neverUsed")}</td>
                    <td>{token.status === "active" ? <RevokeForm tokenId={token.id} name={token.name} /> : t(`apiToken.status.${token.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
