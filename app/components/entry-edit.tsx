import type { ConformField } from "./form";
import { MessageError, fieldError } from "./form";
import { formatDate, useLocale, useT, type MessageKey } from "~/utils/i18n";

const FLAG_REASON: Record<string, MessageKey> = {
  OUTDATED: "entryLife.flagReason.OUTDATED",
  WRONG: "entryLife.flagReason.WRONG",
  UNCLEAR: "entryLife.flagReason.UNCLEAR",
  DUPLICATE: "entryLife.flagReason.DUPLICATE",
  OTHER: "entryLife.flagReason.OTHER",
};

type OpenFlag = { id: string; reason: string; comment: string; createdAt: string | Date; user: { name: string } };

/**
 * The entry's open flags as checkboxes of one name: the ones ticked are resolved by the save, with its
 * change note; after a refusal the ticks come back as they were.
 */
export function EntryFlagChoices({ field, flags }: { field: ConformField; flags: OpenFlag[] }) {
  const t = useT();
  const locale = useLocale();
  const typed = field.initialValue;
  const ticked = new Set(Array.isArray(typed) ? typed.map(String) : typeof typed === "string" ? [typed] : []);
  const error = fieldError(field);
  return (
    <fieldset className="field" aria-describedby={`${field.id}-hint${error ? ` ${field.id}-error` : ""}`}>
      <legend>{t("entryLife.edit.flags")}</legend>
      <p className="hint" id={`${field.id}-hint`}>
        {flags.length ? t("entryLife.edit.flagsHint") : t("entryLife.edit.noFlags")}
      </p>
      {flags.map((flag) => (
        <div key={flag.id}>
          <label className="radio">
            <input type="checkbox" name={field.name} value={flag.id} defaultChecked={ticked.has(flag.id)} key={`${field.key}-${flag.id}`} />
            {t("entryLife.edit.flagResolved", { reason: t(FLAG_REASON[flag.reason] ?? "entryLife.flagReason.OTHER"), name: flag.user.name, date: formatDate(locale, flag.createdAt) })}
          </label>
          {flag.comment ? <p className="muted small flag-comment flag-choice-comment">“{flag.comment}”</p> : null}
        </div>
      ))}
      <MessageError id={`${field.id}-error`} error={error} />
    </fieldset>
  );
}

type Candidate = { id: string; title: string; communityName: string | null };

/**
 * The successor as radio buttons over the candidates the page's search found ("no successor" first).
 * After a refusal the chosen one stays chosen when it is still listed.
 */
export function SuccessorChoices({ field, q, fallback, candidates }: { field: ConformField; q: string; fallback: boolean; candidates: Candidate[] }) {
  const t = useT();
  const typed = typeof field.initialValue === "string" ? field.initialValue : "";
  const error = fieldError(field);
  return (
    <fieldset className="field" aria-describedby={`${field.id}-hint${error ? ` ${field.id}-error` : ""}`}>
      <legend>{t("entryLife.archive.successor")}</legend>
      <p className="hint" id={`${field.id}-hint`}>
        {t("entryLife.archive.successorHint")}
      </p>
      {fallback ? <p className="alert alert-warning small">{t("entryLife.archive.searchDown")}</p> : null}
      <div>
        <label className="radio">
          <input type="radio" name={field.name} value="" defaultChecked={!typed} key={`${field.key}-none`} /> {t("entryLife.archive.none")}
        </label>
      </div>
      {candidates.length ? (
        <>
          <p className="muted small">{q ? t("entryLife.archive.results", { q }) : t("entryLife.archive.similar")}</p>
          <ul className="plain-list successor-list">
            {candidates.map((c) => (
              <li key={c.id}>
                <label className="radio">
                  <input type="radio" name={field.name} value={c.id} defaultChecked={typed === c.id} key={`${field.key}-${c.id}`} />
                  <span>
                    {c.title}
                    {c.communityName ? <span className="muted small"> · {c.communityName}</span> : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">{t("entryLife.archive.noCandidates")}</p>
      )}
      <MessageError id={`${field.id}-error`} error={error} />
    </fieldset>
  );
}
