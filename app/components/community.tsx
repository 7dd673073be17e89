import { COMMUNITY_LIMITS } from "~/schemas/community.shared";
import { formatDuration, useT, type Translate } from "~/utils/i18n";
import { FieldLabel, MessageError, TextAreaField, TextField, describedBy, type ConformField } from "./form";

/** "2 u per 14 dagen per lid", "½ dag per week per lid", "1 u 30 min per 30 dagen per lid". */
export function budgetText(t: Translate, minutes: number, days: number): string {
  const time = minutes === 240 ? t("communities.halfDay") : formatDuration(t, minutes);
  const period = days === 7 ? t("communities.week") : t("communities.days", { count: days });
  return t("communities.budgetText", { time, period });
}

export function AccessBadge({ t, visibility }: { t: Translate; visibility: string }) {
  return <span className="badge">{visibility === "CLOSED" ? t("communities.closed") : t("communities.open")}</span>;
}

type Choice = { id: string; name: string };

/**
 * The fields of a community, shared by the create form and the settings form (which has no department:
 * it stays). With `fields` (conform) what was posted and the errors come from the form; otherwise
 * `values` holds what was submitted or, on the settings page, the current settings.
 */
export function CommunityFields({
  fields,
  users,
  departments,
}: {
  fields: Record<string, ConformField>;
  users: (Choice & { email: string })[];
  departments?: Choice[];
}) {
  const t = useT();
  const idOf = (name: string) => fields[name].id;
  const errorOf = (name: string) => fields[name].errors?.[0];
  const valueOf = (name: string) => {
    const typed = fields[name].initialValue;
    return Array.isArray(typed) ? typed.join(",") : typeof typed === "string" ? typed : undefined;
  };
  const chosenLeads = new Set((valueOf("leadIds") ?? "").split(","));
  const preset = valueOf("budgetPreset") ?? "120/14";
  return (
    <>
      <TextField field={fields.name} label={t("communities.field.name")} maxLength={COMMUNITY_LIMITS.nameMax * 2} required autoFocus />
      <TextAreaField field={fields.purpose} label={t("communities.field.purpose")} hint={t("communities.field.purposeHint")} />
      {departments ? (
        <div className="field">
          <label htmlFor={idOf("departmentId")}>{t("communities.field.department")}</label>
          <select
            id={idOf("departmentId")}
            name="departmentId"
            defaultValue={valueOf("departmentId")}
            aria-invalid={errorOf("departmentId") ? true : undefined}
            aria-describedby={errorOf("departmentId") ? `${idOf("departmentId")}-error` : undefined}
          >
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <MessageError id={`${idOf("departmentId")}-error`} error={errorOf("departmentId")} />
        </div>
      ) : null}
      <fieldset className="field">
        <legend>{t("communities.field.visibility")}</legend>
        {(["OPEN", "CLOSED"] as const).map((v) => (
          <label key={v} className="choice">
            <input type="radio" name="visibility" value={v} defaultChecked={(valueOf("visibility") ?? "OPEN") === v} /> {t(v === "OPEN" ? "communities.field.open" : "communities.field.closed")}
          </label>
        ))}
        <MessageError id={`${idOf("visibility")}-error`} error={errorOf("visibility")} />
      </fieldset>
      <fieldset className="field">
        <legend>{t("communities.field.budget")}</legend>
        {(
          [
            ["120/14", "communities.field.preset120"],
            ["240/7", "communities.field.preset240"],
            ["custom", "communities.field.custom"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="choice">
            <input type="radio" name="budgetPreset" value={value} defaultChecked={preset === value} /> {t(label)}
          </label>
        ))}
        <MessageError id={`${idOf("budgetPreset")}-error`} error={errorOf("budgetPreset")} />
        <div className="field-row">
          <TextField field={fields.budgetMinutes} type="number" label={t("communities.field.minutes")} />
          <TextField field={fields.budgetPeriodDays} type="number" label={t("communities.field.periodDays")} />
        </div>
      </fieldset>
      <div className="field">
        <FieldLabel id={idOf("leadIds")} label={t("communities.field.leads")} hint={t("communities.field.leadsHint")} />
        <select
          id={idOf("leadIds")}
          name="leadIds"
          multiple
          size={8}
          defaultValue={[...chosenLeads]}
          aria-invalid={errorOf("leadIds") ? true : undefined}
          aria-describedby={describedBy(idOf("leadIds"), "hint", Boolean(errorOf("leadIds")))}
        >
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {`${u.name} (${u.email})`}
            </option>
          ))}
        </select>
        <MessageError id={`${idOf("leadIds")}-error`} error={errorOf("leadIds")} />
      </div>
    </>
  );
}
