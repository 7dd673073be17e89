import { Link, useLocation, useNavigation } from "@remix-run/react";
import { ConformForm, Tags, TextAreaField, TextField, useGildeForm } from "./form";
import { SYNONYM_INTENT, SYNONYM_LIMITS, type SynonymKind } from "~/schemas/synonym.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";

export type SynonymRuleRow = { id: string; kind: SynonymKind; term: string | null; words: string[]; updatedAt: string; updatedBy: { name: string } | null };

/** The two ways to add a rule, side by side: a group of equivalent words, and an abbreviation expanded one way. */
export function NewSynonymRuleForms() {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [groupForm, groupFields] = useGildeForm("synonym-create-group");
  const [expansionForm, expansionFields] = useGildeForm("synonym-create-expansion");
  return (
    <div className="two-columns">
      <section className="card" aria-labelledby="new-group">
        <h2 id="new-group">{t("synonym.newGroup")}</h2>
        <ConformForm form={groupForm}>
          <input type="hidden" name="intent" value={SYNONYM_INTENT.create} />
          <input type="hidden" name="kind" value="GROUP" />
          <TextAreaField field={groupFields.words} label={t("synonym.groupWords")} hint={t("synonym.groupHint", { min: SYNONYM_LIMITS.groupMin, max: SYNONYM_LIMITS.groupMax })} rows={2} required />
          <button type="submit" className="button primary" disabled={busy}>
            {t("synonym.addGroup")}
          </button>
        </ConformForm>
      </section>
      <section className="card" aria-labelledby="new-expansion">
        <h2 id="new-expansion">{t("synonym.newExpansion")}</h2>
        <ConformForm form={expansionForm}>
          <input type="hidden" name="intent" value={SYNONYM_INTENT.create} />
          <input type="hidden" name="kind" value="EXPANSION" />
          <TextField field={expansionFields.term} label={t("synonym.term")} hint={t("synonym.termHint")} maxLength={SYNONYM_LIMITS.wordMax} required />
          <TextField field={expansionFields.words} label={t("synonym.expansionWords")} hint={t("synonym.expansionHint", { max: SYNONYM_LIMITS.expansionMax })} required />
          <button type="submit" className="button primary" disabled={busy}>
            {t("synonym.addExpansion")}
          </button>
        </ConformForm>
      </section>
    </div>
  );
}

/** Changing one rule: its words (and an expansion's term); the kind stays. */
export function SynonymRuleEditForm({ rule }: { rule: Pick<SynonymRuleRow, "id" | "kind" | "term" | "words"> }) {
  const t = useT();
  const { search } = useLocation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("synonym-edit", { term: rule.term ?? "", words: rule.words.join(", ") });
  const params = new URLSearchParams(search);
  params.delete("edit");
  const back = params.size ? `?${params.toString()}` : ".";
  const group = rule.kind === "GROUP";
  return (
    <section className="card form-page" aria-labelledby="edit-rule">
      <h2 id="edit-rule">{t(group ? "synonym.editGroup" : "synonym.editExpansion")}</h2>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value={SYNONYM_INTENT.update} />
        <input type="hidden" name="ruleId" value={rule.id} />
        <input type="hidden" name="kind" value={rule.kind} />
        {group ? null : <TextField field={fields.term} label={t("synonym.term")} hint={t("synonym.termHint")} defaultValue={rule.term ?? ""} maxLength={SYNONYM_LIMITS.wordMax} required />}
        <TextAreaField
          field={fields.words}
          label={t(group ? "synonym.groupWords" : "synonym.expansionWords")}
          hint={group ? t("synonym.groupHint", { min: SYNONYM_LIMITS.groupMin, max: SYNONYM_LIMITS.groupMax }) : t("synonym.expansionHint", { max: SYNONYM_LIMITS.expansionMax })}
          defaultValue={rule.words.join(", ")}
          rows={2}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t("synonym.save")}
          </button>{" "}
          <Link to={back}>{t("synonym.cancelEdit")}</Link>
        </div>
      </ConformForm>
    </section>
  );
}

/** The groups, or the expansions, as a table: the words, who changed the rule last, edit and delete. */
export function SynonymRuleTable({ kind, rules }: { kind: SynonymKind; rules: SynonymRuleRow[] }) {
  const t = useT();
  const group = kind === "GROUP";
  const headingId = group ? "groups-heading" : "expansions-heading";
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>{t(group ? "synonym.groups" : "synonym.expansions")}</h2>
      {rules.length === 0 ? (
        <p className="empty">{t("synonym.noneOfKind")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="synonym-table">
            <thead>
              <tr>
                {group ? null : <th scope="col">{t("synonym.col.term")}</th>}
                <th scope="col">{t(group ? "synonym.col.words" : "synonym.col.expandsTo")}</th>
                <th scope="col">{t("synonym.col.changed")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("synonym.col.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <SynonymRuleLine key={rule.id} rule={rule} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SynonymRuleLine({ rule }: { rule: SynonymRuleRow }) {
  const t = useT();
  const locale = useLocale();
  const { search } = useLocation();
  const busy = useNavigation().state === "submitting";
  const [deleteForm] = useGildeForm(`synonym-delete-${rule.id}`);
  const name = rule.term ? `${rule.term} → ${rule.words.join(", ")}` : rule.words.join(", ");
  const params = new URLSearchParams(search);
  params.set("edit", rule.id);
  return (
    <tr>
      {rule.term ? (
        <th scope="row">
          <span className="synonym-term">{rule.term}</span>
        </th>
      ) : null}
      <td>
        <Tags tags={rule.words} />
      </td>
      <td className="small">
        {formatDate(locale, rule.updatedAt)}
        {rule.updatedBy ? <span className="muted"> · {rule.updatedBy.name}</span> : null}
      </td>
      <td>
        <div className="row-actions">
          <Link to={`?${params.toString()}`} className="button small" aria-label={t("synonym.editLabel", { rule: name })}>
            {t("synonym.edit")}
          </Link>
          <ConformForm form={deleteForm} className="inline-form compact">
            <input type="hidden" name="intent" value={SYNONYM_INTENT.delete} />
            <input type="hidden" name="ruleId" value={rule.id} />
            <button type="submit" className="button small danger" disabled={busy} aria-label={t("synonym.deleteLabel", { rule: name })}>
              {t("synonym.delete")}
            </button>
          </ConformForm>
        </div>
      </td>
    </tr>
  );
}
