import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { createSynonymRule, deleteSynonymRule, updateSynonymRule } from "~/commands/manage-synonym.server";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { NewSynonymRuleForms, SynonymRuleEditForm, SynonymRuleTable } from "~/components/synonyms";
import { listSynonymRulesForPage } from "~/models/synonym.server";
import { canManageKnowledge } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { SynonymIntentSchema } from "~/schemas/synonym";
import { normaliseWord, SYNONYM_INTENT, SYNONYM_LIMITS, toRuleInput } from "~/schemas/synonym.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const url = new URL(request.url);
  const query = normaliseWord(url.searchParams.get("q") ?? "").slice(0, SYNONYM_LIMITS.queryMax);
  const rules = await listSynonymRulesForPage();
  const editId = url.searchParams.get("edit");
  const editing = editId ? (rules.find((r) => r.id === editId) ?? null) : null;
  const shown = query ? rules.filter((r) => [r.term ?? "", ...r.words].some((w) => w.includes(query))) : rules;
  return json({ rules: shown, total: rules.length, query, editing });
}

/** Back to the list as it was filtered, without the edit form. */
function listUrl(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("edit");
  url.searchParams.delete("index");
  return `${url.pathname}${url.search}`;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const submission = parseSubmission(SynonymIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case SYNONYM_INTENT.create:
        await createSynonymRule(actor, toRuleInput(input));
        return redirectWithFlash(request, listUrl(request), { key: input.kind === "GROUP" ? "synonym.flash.groupCreated" : "synonym.flash.expansionCreated" });
      case SYNONYM_INTENT.update:
        await updateSynonymRule(actor, input.ruleId, toRuleInput(input));
        return redirectWithFlash(request, listUrl(request), { key: "synonym.flash.updated" });
      case SYNONYM_INTENT.delete:
        await deleteSynonymRule(actor, input.ruleId);
        return redirectWithFlash(request, listUrl(request), { key: "synonym.flash.deleted" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function Synonyms() {
  const t = useT();
  const { rules, total, query, editing } = useLoaderData<typeof loader>();
  const groups = rules.filter((r) => r.kind === "GROUP");
  const expansions = rules.filter((r) => r.kind === "EXPANSION");
  return (
    <div className="stack">
      <KnowledgeNav />
      <div>
        <h1>{t("synonym.title")}</h1>
        <p className="lead">{t("synonym.intro")}</p>
      </div>
      {editing ? <SynonymRuleEditForm rule={editing} /> : <NewSynonymRuleForms />}
      <Form method="get" className="inline-filter" role="search" aria-label={t("synonym.filter")}>
        <label htmlFor="synonym-q">{t("synonym.search")}</label>
        <input id="synonym-q" type="search" name="q" defaultValue={query} maxLength={SYNONYM_LIMITS.queryMax} className="filter-input" />
        <button type="submit" className="button small">
          {t("synonym.filterSubmit")}
        </button>
        {query ? <Link to="/knowledge/synonyms">{t("synonym.filterClear")}</Link> : null}
      </Form>
      <p className="muted small" role="status">
        {query ? t("synonym.countFiltered", { shown: rules.length, count: total }) : t("synonym.count", { count: total, max: SYNONYM_LIMITS.rulesMax })}
      </p>
      <SynonymRuleTable kind="GROUP" rules={groups} />
      <SynonymRuleTable kind="EXPANSION" rules={expansions} />
    </div>
  );
}
