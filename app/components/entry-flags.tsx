import { Link } from "@remix-run/react";
import { ConformForm, MessageError, TextAreaField, useGildeForm, type ConformField } from "~/components/form";
import { FLAG_INTENT, FLAG_LIMITS, FLAG_REASONS, MY_FLAG_INTENT, type FlagReason, type FlagState } from "~/schemas/flag.shared";
import { formatDate, useLocale, useT, type MessageKey } from "~/utils/i18n";

/** The words for each reason and state, spelled out so every key is visible to the dictionaries' checks. */
export const FLAG_REASON_LABEL: Record<FlagReason, MessageKey> = {
  OUTDATED: "flags.reason.OUTDATED",
  WRONG: "flags.reason.WRONG",
  UNCLEAR: "flags.reason.UNCLEAR",
  DUPLICATE: "flags.reason.DUPLICATE",
  OTHER: "flags.reason.OTHER",
};
const FLAG_REASON_HINT: Record<FlagReason, MessageKey> = {
  OUTDATED: "flags.reasonHint.OUTDATED",
  WRONG: "flags.reasonHint.WRONG",
  UNCLEAR: "flags.reasonHint.UNCLEAR",
  DUPLICATE: "flags.reasonHint.DUPLICATE",
  OTHER: "flags.reasonHint.OTHER",
};
export const FLAG_STATE_LABEL: Record<FlagState, MessageKey> = {
  OPEN: "flags.state.OPEN",
  FIXED: "flags.state.FIXED",
  NO_CHANGE: "flags.state.NO_CHANGE",
  ARCHIVED: "flags.state.ARCHIVED",
  WITHDRAWN: "flags.state.WITHDRAWN",
};

const reasonLabel = (reason: string) => FLAG_REASON_LABEL[reason as FlagReason] ?? FLAG_REASON_LABEL.OTHER;
const stateLabel = (state: string) => FLAG_STATE_LABEL[state as FlagState] ?? FLAG_STATE_LABEL.OPEN;

/** A badge with the flag's state, coloured like the other states of the app. */
export function FlagStateBadge({ state }: { state: string }) {
  const t = useT();
  return <span className={`badge badge-flag-${state.toLowerCase()}`}>{t(stateLabel(state))}</span>;
}

/** On top of an entry a reader says is wrong, for every reader: it is being checked. */
export function EntryCheckingNotice({ beingChecked }: { beingChecked: boolean }) {
  const t = useT();
  if (!beingChecked) return null;
  return (
    <div className="alert alert-warning" role="note">
      {t("flags.beingChecked")}
    </div>
  );
}

export type EntryFlagsView = {
  own: { reason: string; createdAt: string | Date } | null;
  openCount: number | null;
  can: { flag: boolean; resolveFlags: boolean };
};

/** Below the entry: "Report a problem", or the viewer's open flag; and the knowledge manager's way to the flags. */
export function EntryFlagActions({ entryId, flags }: { entryId: string; flags: EntryFlagsView }) {
  const t = useT();
  const locale = useLocale();
  const { own, openCount, can } = flags;
  if (!can.flag && !can.resolveFlags) return null;
  return (
    <div className="entry-flag-actions small">
      {own ? (
        <p>
          {t("flags.reportedOn", { date: formatDate(locale, own.createdAt) })} <Link to="/flags">{t("flags.mineLink")}</Link>
        </p>
      ) : can.flag ? (
        <p>
          <Link to={`/entries/${entryId}/flag`}>⚑ {t("flags.report")}</Link>
        </p>
      ) : null}
      {can.resolveFlags && openCount !== null ? (
        <p>
          <Link to={`/entries/${entryId}/flags`}>{t("flags.manageLink", { count: openCount })}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** The reasons as radio buttons with a hint each, one error for the group. */
function ReasonField({ field }: { field: ConformField }) {
  const t = useT();
  const error = field.errors?.[0];
  const chosen = typeof field.initialValue === "string" ? field.initialValue : undefined;
  return (
    <fieldset className="field flag-reasons" aria-describedby={error ? `${field.id}-error` : undefined}>
      <legend>{t("flags.field.reason")}</legend>
      {FLAG_REASONS.map((reason) => (
        <label key={reason} className="choice">
          <input type="radio" name={field.name} value={reason} defaultChecked={chosen === reason} key={`${field.key}-${reason}`} required />
          <span>
            <strong>{t(FLAG_REASON_LABEL[reason])}</strong>
            <span className="muted small"> — {t(FLAG_REASON_HINT[reason])}</span>
          </span>
        </label>
      ))}
      <MessageError id={`${field.id}-error`} error={error} />
    </fieldset>
  );
}

/** The reader's flag: a reason and a comment. Works without JavaScript; a refusal keeps what was typed. */
export function FlagForm({ busy }: { busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm("flag-entry", undefined, { only: true });
  return (
    <ConformForm form={form} className="stack">
      <ReasonField field={fields.reason} />
      <TextAreaField field={fields.comment} label={t("flags.field.comment")} hint={t("flags.field.commentHint", { max: FLAG_LIMITS.commentMax })} rows={5} />
      <p>
        <button type="submit" className="button primary" disabled={busy}>
          {t("flags.submit")}
        </button>
      </p>
    </ConformForm>
  );
}

/** The viewer's open flag, instead of the form: one open flag per person per entry. */
export function ExistingFlag({ flag }: { flag: { reason: string; comment: string; createdAt: string | Date } }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="alert alert-warning">
      <h2>{t("flags.existing.title")}</h2>
      <p>{t("flags.existing.body", { date: formatDate(locale, flag.createdAt), reason: t(reasonLabel(flag.reason)) })}</p>
      {flag.comment ? <p className="pre-line">{flag.comment}</p> : null}
      <p>
        <Link to="/flags">{t("flags.mineLink")}</Link>
      </p>
    </div>
  );
}

type Named = { name: string } | null;
export type MyFlag = {
  id: string;
  reason: string;
  comment: string;
  state: string;
  resolution: string | null;
  resolvedAt: string | Date | null;
  resolvedVersion: number | null;
  createdAt: string | Date;
  resolvedBy: Named;
  entry: { id: string; title: string; visible: boolean };
  successor: { id: string; title: string } | null;
  can: { withdraw: boolean };
};

/** What became of a flag, in the flagger's words: open, fixed in version N, no change (why), archived (read instead). */
function FlagOutcome({ flag }: { flag: MyFlag }) {
  const t = useT();
  const locale = useLocale();
  const date = flag.resolvedAt ? formatDate(locale, flag.resolvedAt) : "";
  switch (flag.state) {
    case "FIXED":
      return (
        <>
          <p>{flag.resolvedVersion ? t("flags.outcome.FIXED", { version: flag.resolvedVersion, date }) : t("flags.outcome.FIXED_noVersion", { date })}</p>
          {flag.resolution ? (
            <div className="reason">
              <strong>{t("flags.outcome.changeNote")}:</strong> {flag.resolution}
            </div>
          ) : null}
        </>
      );
    case "NO_CHANGE":
      return (
        <>
          <p>{t("flags.outcome.NO_CHANGE", { name: flag.resolvedBy?.name ?? "—", date })}</p>
          {flag.resolution ? (
            <div className="reason">
              <strong>{t("flags.outcome.reason")}:</strong> {flag.resolution}
            </div>
          ) : null}
        </>
      );
    case "ARCHIVED":
      return (
        <>
          <p>{t("flags.outcome.ARCHIVED", { date })}</p>
          {flag.resolution ? (
            <div className="reason">
              <strong>{t("flags.outcome.reason")}:</strong> {flag.resolution}
            </div>
          ) : null}
          {flag.successor ? (
            <p>
              <Link to={`/entries/${flag.successor.id}`}>{t("flags.outcome.successor", { title: flag.successor.title })}</Link>
            </p>
          ) : null}
        </>
      );
    case "WITHDRAWN":
      return <p className="muted">{t("flags.outcome.WITHDRAWN")}</p>;
    default:
      return <p className="muted">{t("flags.outcome.OPEN")}</p>;
  }
}

/** One flag on "My flags". */
export function MyFlagItem({ flag, busy }: { flag: MyFlag; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [form] = useGildeForm(`flag-withdraw-${flag.id}`);
  return (
    <li className={`card note-item flag-item state-${flag.state.toLowerCase()}`}>
      <div className="note-item-head">
        <h2>{flag.entry.visible ? <Link to={`/entries/${flag.entry.id}`}>{flag.entry.title}</Link> : flag.entry.title}</h2>
        <FlagStateBadge state={flag.state} />
      </div>
      <p className="muted small">
        {t("flags.mine.reportedOn", { date: formatDate(locale, flag.createdAt) })} · <strong>{t(reasonLabel(flag.reason))}</strong>
        {flag.entry.visible ? "" : ` · ${t("flags.mine.notVisible")}`}
      </p>
      {flag.comment ? (
        <p className="pre-line flag-comment">
          <span className="visually-hidden">{t("flags.yourComment")}: </span>
          {flag.comment}
        </p>
      ) : null}
      <FlagOutcome flag={flag} />
      {flag.can.withdraw ? (
        <ConformForm form={form}>
          <input type="hidden" name="flagId" value={flag.id} />
          <button type="submit" name="intent" value={MY_FLAG_INTENT.withdraw} className="button small secondary" disabled={busy} aria-label={t("flags.withdrawLabel", { title: flag.entry.title })}>
            {t("flags.withdraw")}
          </button>
        </ConformForm>
      ) : null}
    </li>
  );
}

export type EntryFlag = {
  id: string;
  reason: string;
  comment: string;
  state: string;
  resolution: string | null;
  resolvedAt: string | Date | null;
  resolvedVersion: number | null;
  createdAt: string | Date;
  ageDays: number;
  user: { name: string };
  resolvedBy: Named;
};

/** An open flag on the knowledge manager's page, with the form that closes it without a change. */
export function OpenFlagItem({ flag, busy }: { flag: EntryFlag; busy: boolean }) {
  const t = useT();
  const locale = useLocale();
  const [form, fields] = useGildeForm(`flag-no-change-${flag.id}`);
  return (
    <li className="flag-item">
      <div className="note-item-head">
        <h3>{t(reasonLabel(flag.reason))}</h3>
        <span className="badge badge-flag-open">{flag.ageDays < 1 ? t("flags.manage.ageToday") : t("flags.manage.age", { count: flag.ageDays })}</span>
      </div>
      <p className="muted small">{t("flags.manage.by", { name: flag.user.name, date: formatDate(locale, flag.createdAt, true) })}</p>
      {flag.comment ? <p className="pre-line flag-comment">{flag.comment}</p> : <p className="muted small">{t("flags.manage.noComment")}</p>}
      <details className="flag-no-change" open={Boolean(fields.resolution.errors) || undefined}>
        <summary>{t("flags.state.NO_CHANGE")}</summary>
        <ConformForm form={form}>
          <input type="hidden" name="flagId" value={flag.id} />
          <TextAreaField field={fields.resolution} label={t("flags.manage.noChangeReason")} hint={t("flags.manage.noChangeHint")} rows={3} maxLength={FLAG_LIMITS.resolutionMax} />
          <button type="submit" name="intent" value={FLAG_INTENT.noChange} className="button small" disabled={busy}>
            {t("flags.manage.noChangeSubmit")}
          </button>
        </ConformForm>
      </details>
    </li>
  );
}

/** A resolved flag on the knowledge manager's page: who decided what, when, and why. */
export function ResolvedFlagItem({ flag }: { flag: EntryFlag }) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className="flag-item">
      <div className="note-item-head">
        <h3>{t(reasonLabel(flag.reason))}</h3>
        <FlagStateBadge state={flag.state} />
      </div>
      <p className="muted small">{t("flags.manage.by", { name: flag.user.name, date: formatDate(locale, flag.createdAt) })}</p>
      {flag.comment ? <p className="pre-line flag-comment">{flag.comment}</p> : null}
      {flag.resolvedAt ? (
        <p className="small">
          {t("flags.manage.resolvedBy", { state: t(stateLabel(flag.state)), name: flag.resolvedBy?.name ?? "—", date: formatDate(locale, flag.resolvedAt) })}
          {flag.resolvedVersion ? ` · ${t("entry.version", { version: flag.resolvedVersion })}` : ""}
        </p>
      ) : null}
      {flag.resolution ? <div className="reason">{flag.resolution}</div> : null}
    </li>
  );
}
