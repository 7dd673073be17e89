import { Link, useNavigation } from "@remix-run/react";
import { ConformForm, SelectField, TextField, useGildeForm } from "~/components/form";
import type { AssignmentStatus, StatusCounts } from "~/models/mandatory-read";
import { STATUS_KEY } from "~/models/mandatory-read-export";
import { MANDATORY_INTENT, audienceValue, type AudienceType } from "~/schemas/mandatory-read.shared";
import { today } from "~/utils/dates";
import { formatDate, useLocale, useT, type Translate } from "~/utils/i18n";

type Day = string | Date;


export function StatusBadge({ status }: { status: AssignmentStatus }) {
  const t = useT();
  return <span className={`badge mandatory-${status.toLowerCase()}`}>{t(STATUS_KEY[status])}</span>;
}

type AudienceView = { type: AudienceType; id: string; name: string | null };

/** "Afdeling Sparen", "Community Sparen aan de lijn", "Rol medewerker". */
export function audienceLabel(t: Translate, audience: AudienceView): string {
  if (audience.type === "ROLE") return t("mandatory.audience.role", { name: t(`role.${audience.id as "EMPLOYEE"}`) });
  const name = audience.name ?? t("mandatory.audience.gone");
  return t(audience.type === "DEPARTMENT" ? "mandatory.audience.department" : "mandatory.audience.community", { name });
}

/** At the top of the start page: what the reader must still read, soonest due first, overdue ones marked. */
export function MandatoryReadsDue({ reads }: { reads: { entryId: string; title: string; dueAt: Day; status: AssignmentStatus }[] }) {
  const t = useT();
  const locale = useLocale();
  if (reads.length === 0) return null;
  return (
    <section className="card mandatory-due" aria-labelledby="mandatory-due-heading">
      <h2 id="mandatory-due-heading">{t("mandatory.due.title", { count: reads.length })}</h2>
      <ul className="plain-list">
        {reads.map((read) => (
          <li key={read.entryId} className={read.status === "OVERDUE" ? "mandatory-late" : undefined}>
            <Link to={`/entries/${read.entryId}`}>{read.title}</Link>{" "}
            <span className="muted small">
              {read.status === "OVERDUE"
                ? null
                : read.status === "RECONFIRM"
                  ? t("mandatory.due.reconfirm")
                  : t("mandatory.due.by", { date: formatDate(locale, read.dueAt) })}
            </span>
            {read.status === "OVERDUE" ? (
              <>
                <StatusBadge status="OVERDUE" /> <span className="small">{t("mandatory.due.was", { date: formatDate(locale, read.dueAt) })}</span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export type EntryPanelView = {
  own: { dueAt: Day; status: AssignmentStatus; confirmedAt: Day | null } | null;
  version: number;
  manage: boolean;
  openReads: number;
};

/**
 * On the entry page: the reader's request to read it with the button "read and understood" (a plain
 * post, works without JavaScript) and their confirmation once given.
 */
export function EntryMandatoryRead({ entryId, panel }: { entryId: string; panel: EntryPanelView }) {
  const t = useT();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const [form] = useGildeForm("mandatory-confirm");
  const { own } = panel;
  const open = own !== null && own.status !== "CONFIRMED";
  return (
    <>
      {own && open ? (
        <section className={`alert ${own.status === "OVERDUE" ? "alert-error" : "alert-info"} mandatory-ask`} aria-labelledby="mandatory-ask-heading">
          <h2 id="mandatory-ask-heading">{t("mandatory.ask.title")}</h2>
          <p>
            {own.status === "RECONFIRM"
              ? t("mandatory.ask.reconfirm")
              : own.status === "OVERDUE"
                ? t("mandatory.ask.overdue", { date: formatDate(locale, own.dueAt) })
                : t("mandatory.ask.by", { date: formatDate(locale, own.dueAt) })}
          </p>
          <ConformForm form={form} action={`/entries/${entryId}/confirm-read`} className="inline-form compact">
            <input type="hidden" name="intent" value={MANDATORY_INTENT.confirm} />
            <input type="hidden" name="version" value={panel.version} />
            <button type="submit" className="button primary" disabled={busy}>
              {t("mandatory.ask.confirm")}
            </button>
          </ConformForm>
        </section>
      ) : null}
      {own && !open && own.confirmedAt ? (
        <p className="muted small mandatory-done" role="status">
          ✓ {t("mandatory.ask.done", { date: formatDate(locale, own.confirmedAt, true), version: panel.version })}
        </p>
      ) : null}
    </>
  );
}

/** In the entry's header, for knowledge managers: how many reads are open, and the way to make it required reading. */
export function EntryMandatoryManage({ entryId, panel }: { entryId: string; panel: Pick<EntryPanelView, "manage" | "openReads"> }) {
  const t = useT();
  if (!panel.manage) return null;
  return (
    <p className="small muted mandatory-manage">
      {panel.openReads > 0 ? t("mandatory.manage.count", { count: panel.openReads }) : t("mandatory.manage.none")}{" "}
      <Link to={`/entries/${entryId}/mandatory`}>{t("mandatory.manage.link")}</Link>
    </p>
  );
}

type Options = { departments: { id: string; name: string }[]; communities: { id: string; name: string }[]; roles: string[] };

/** The knowledge manager's form: for whom, and by which day. */
export function AssignMandatoryReadForm({ options }: { options: Options }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("mandatory-assign");
  const choices = [
    { value: "", label: t("mandatory.assign.choose") },
    ...options.departments.map((d) => ({ value: audienceValue({ type: "DEPARTMENT", id: d.id }), label: t("mandatory.audience.department", { name: d.name }) })),
    ...options.communities.map((c) => ({ value: audienceValue({ type: "COMMUNITY", id: c.id }), label: t("mandatory.audience.community", { name: c.name }) })),
    ...options.roles.map((r) => ({ value: audienceValue({ type: "ROLE", id: r }), label: t("mandatory.audience.role", { name: t(`role.${r as "EMPLOYEE"}`) }) })),
  ];
  return (
    <section className="card" aria-labelledby="mandatory-assign-heading">
      <h2 id="mandatory-assign-heading">{t("mandatory.assign.title")}</h2>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value={MANDATORY_INTENT.assign} />
        <SelectField field={fields.audience} label={t("mandatory.assign.audience")} hint={t("mandatory.assign.audienceHint")} options={choices} />
        <TextField field={fields.dueDate} label={t("mandatory.assign.dueDate")} hint={t("mandatory.assign.dueDateHint")} type="date" min={today()} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t("mandatory.assign.submit")}
          </button>
        </div>
      </ConformForm>
    </section>
  );
}

export type ReadSummary = {
  id: string;
  audience: AudienceView;
  dueAt: Day;
  createdAt: Day;
  withdrawnAt: Day | null;
  open: boolean;
  createdBy: { name: string };
  entry: { id: string; title: string; state: string; version: number };
  counts: StatusCounts;
};

/** Open, withdrawn, or closed because its entry was archived. */
export function ReadState({ read }: { read: Pick<ReadSummary, "open" | "withdrawnAt"> }) {
  const t = useT();
  if (read.open) return <span className="badge badge-published">{t("mandatory.state.open")}</span>;
  if (read.withdrawnAt) return <span className="badge badge-withdrawn">{t("mandatory.state.withdrawn")}</span>;
  return <span className="badge badge-archived">{t("mandatory.state.closed")}</span>;
}

/** The reads as a table: for whom, by when, and how far along; each opens its report. */
export function MandatoryReadTable({ reads, showEntry = true }: { reads: ReadSummary[]; showEntry?: boolean }) {
  const t = useT();
  const locale = useLocale();
  if (reads.length === 0) return <p className="empty">{t("mandatory.list.empty")}</p>;
  return (
    <div className="card table-wrap">
      <table className="mandatory-table">
        <thead>
          <tr>
            {showEntry ? <th scope="col">{t("mandatory.col.entry")}</th> : null}
            <th scope="col">{t("mandatory.col.audience")}</th>
            <th scope="col">{t("mandatory.col.due")}</th>
            <th scope="col">{t("mandatory.col.progress")}</th>
            <th scope="col">{t("mandatory.col.state")}</th>
          </tr>
        </thead>
        <tbody>
          {reads.map((read) => (
            <tr key={read.id}>
              {showEntry ? (
                <td>
                  <Link to={`/knowledge/mandatory-reads/${read.id}`}>{read.entry.title}</Link>
                </td>
              ) : null}
              <td>{showEntry ? audienceLabel(t, read.audience) : <Link to={`/knowledge/mandatory-reads/${read.id}`}>{audienceLabel(t, read.audience)}</Link>}</td>
              <td>{formatDate(locale, read.dueAt)}</td>
              <td>
                <Progress counts={read.counts} />
              </td>
              <td>
                <ReadState read={read} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "12 of 40 confirmed · 3 overdue". */
export function Progress({ counts }: { counts: StatusCounts }) {
  const t = useT();
  return (
    <span className="mandatory-progress">
      {t("mandatory.progress.confirmed", { confirmed: counts.CONFIRMED, count: counts.total })}
      {counts.OVERDUE > 0 ? <span className="mandatory-late-text"> · {t("mandatory.progress.overdue", { count: counts.OVERDUE })}</span> : null}
      {counts.RECONFIRM > 0 ? <span> · {t("mandatory.progress.reconfirm", { count: counts.RECONFIRM })}</span> : null}
    </span>
  );
}

type ReportRow = {
  id: string;
  name: string;
  department: string | null;
  active: boolean;
  dueAt: Day;
  confirmedAt: Day | null;
  confirmedVersion: number | null;
  remindedAt: Day | null;
  status: AssignmentStatus;
};

/** The acknowledgement report: per person, where they stand; who is overdue first. */
export function AcknowledgementTable({ rows, readDueAt }: { rows: ReportRow[]; readDueAt: Day }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="card table-wrap">
      <table className="mandatory-table">
        <caption className="visually-hidden">{t("mandatory.report.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("mandatory.col.person")}</th>
            <th scope="col">{t("mandatory.col.department")}</th>
            <th scope="col">{t("mandatory.col.status")}</th>
            <th scope="col">{t("mandatory.col.confirmed")}</th>
            <th scope="col">{t("mandatory.col.reminded")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.status === "OVERDUE" ? "mandatory-late" : undefined}>
              <td>
                {row.name}
                {row.active ? null : <span className="muted small"> ({t("mandatory.report.inactive")})</span>}
              </td>
              <td>{row.department ?? "—"}</td>
              <td>
                <StatusBadge status={row.status} />
                {/* Who joined the audience later has a due date of their own. */}
                {(row.status === "PENDING" || row.status === "OVERDUE") && String(row.dueAt) !== String(readDueAt) ? (
                  <div className="muted small">{t("mandatory.due.by", { date: formatDate(locale, row.dueAt) })}</div>
                ) : null}
              </td>
              <td>{row.confirmedAt ? t("mandatory.report.confirmedAt", { date: formatDate(locale, row.confirmedAt, true), version: row.confirmedVersion ?? "" }) : "—"}</td>
              <td>{row.remindedAt ? formatDate(locale, row.remindedAt, true) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Remind who has not confirmed, and withdraw the read: two posts, each its own form. */
export function ReportActions({ readId, open, remindable, allConfirmed }: { readId: string; open: boolean; remindable: number; allConfirmed: boolean }) {
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const [remindForm] = useGildeForm("mandatory-remind");
  const [withdrawForm] = useGildeForm("mandatory-withdraw");
  return (
    <div className="mandatory-actions">
      {open ? (
        <>
          {remindable > 0 ? (
            <ConformForm form={remindForm}>
              <input type="hidden" name="readId" value={readId} />
              <button type="submit" name="intent" value={MANDATORY_INTENT.remind} className="button" disabled={busy}>
                {t("mandatory.report.remind")}
              </button>
            </ConformForm>
          ) : (
            <p className="muted small mandatory-no-reminder">{t(allConfirmed ? "error.mandatory.allConfirmed" : "error.mandatory.remindedToday")}</p>
          )}
          <details className="mandatory-withdraw">
            <summary className="button secondary">{t("mandatory.report.withdraw")}</summary>
            <ConformForm form={withdrawForm}>
              <p className="small">{t("mandatory.report.withdrawHint")}</p>
              <input type="hidden" name="readId" value={readId} />
              <button type="submit" name="intent" value={MANDATORY_INTENT.withdraw} className="button small danger" disabled={busy}>
                {t("mandatory.report.withdrawConfirm")}
              </button>
            </ConformForm>
          </details>
        </>
      ) : null}
      <a className="button secondary" href={`/knowledge/mandatory-reads/${readId}/csv`} download>
        {t("mandatory.report.csv")}
      </a>
    </div>
  );
}
