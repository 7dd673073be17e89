/**
 * Recognition and asking without fear (issue 17): thanking a contributor, the contributor's name as a link to
 * their page, and the "asked as a member" checkbox and notes. The contributor page itself is
 * app/routes/people.$userId.tsx.
 */
import { Link } from "@remix-run/react";
import { RECOGNITION_LIMITS } from "~/schemas/recognition.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { ConformForm, MessageError, TextAreaField, useGildeForm, type ConformField } from "./form";

/** A colleague's name leading to their contributor page. */
export function PersonLink({ id, name }: { id: string; name: string }) {
  return <Link to={`/people/${id}`}>{name}</Link>;
}

/**
 * "Thank Name": to the thank-you page of this entry or answer (a page of its own, so it works without
 * JavaScript). Once thanked, it says so and leads to what was sent.
 */
export function ThankLink({ href, name, thanked = false }: { href: string; name: string; thanked?: boolean }) {
  const t = useT();
  if (thanked) {
    return (
      <Link to={href} className="small thank-link thanked" aria-label={t("recognition.thanks.thankedNamed", { name })}>
        ✓ {t("recognition.thanks.thanked")}
      </Link>
    );
  }
  return (
    <Link to={href} className="button small secondary thank-link" aria-label={t("recognition.thanks.linkNamed", { name })}>
      {t("recognition.thanks.link")}
    </Link>
  );
}

export type EntryCredit = { id: string; name: string; thank: boolean; thanked: boolean };

/** The entry page's contributors and owner, each leading to their page, with "thank" where the reader may. */
export function EntryContributors({ entryId, contributors, owner }: { entryId: string; contributors: EntryCredit[]; owner: EntryCredit }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="entry-contributors">
      <h2 id="entry-contributors">{t("entry.contributors")}</h2>
      <ul className="plain-list contributor-list">
        {contributors.map((c) => (
          <li key={c.id}>
            <PersonLink id={c.id} name={c.name} /> {c.thank ? <ThankLink href={`/entries/${entryId}/thank/${c.id}`} name={c.name} thanked={c.thanked} /> : null}
          </li>
        ))}
        <li className="muted small">
          {t("entry.owner")}: <PersonLink id={owner.id} name={owner.name} />{" "}
          {owner.thank ? <ThankLink href={`/entries/${entryId}/thank/${owner.id}`} name={owner.name} thanked={owner.thanked} /> : null}
        </li>
      </ul>
    </section>
  );
}

/** The thank-you form: a short message to one person for one entry or answer. */
export function ThanksForm({ name, busy }: { name: string; busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm("thanks", undefined, { only: true });
  return (
    <ConformForm form={form} className="stack">
      <TextAreaField
        field={fields.message}
        label={t("recognition.thanks.message", { name })}
        hint={t("recognition.thanks.messageHint", { max: RECOGNITION_LIMITS.thanksMax })}
        maxLength={RECOGNITION_LIMITS.thanksMax * 2}
        required
      />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("recognition.thanks.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

/** The ask form's checkbox, with what it means beside it before the question is posted. */
export function AnonymousAskField({ field }: { field: ConformField }) {
  const t = useT();
  const checked = field.initialValue === "on";
  const hintId = `${field.id}-hint`;
  return (
    <div className="field anonymous-ask">
      <label className="radio">
        <input
          type="checkbox"
          key={field.key}
          id={field.id}
          name={field.name}
          defaultChecked={checked}
          aria-describedby={field.errors ? `${hintId} ${field.id}-error` : hintId}
          aria-invalid={field.errors ? true : undefined}
        />{" "}
        {t("recognition.anonymous.checkbox")}
      </label>
      <p className="hint" id={hintId}>
        {t("recognition.anonymous.checkboxHint")}
      </p>
      <MessageError id={`${field.id}-error`} error={field.errors?.[0]} />
    </div>
  );
}

/** Under a question asked as "a member": what members see, and (to who sees the asker) that they alone do. */
export function AskedAnonymouslyNote({ anonymous, named }: { anonymous: boolean; named: boolean }) {
  const t = useT();
  if (!anonymous) return null;
  return <p className="small anonymous-note">{t(named ? "recognition.anonymous.namedNote" : "recognition.anonymous.hiddenNote")}</p>;
}

export type ThanksItem = {
  id: string;
  giverId: string;
  giverName: string;
  message: string;
  createdAt: string;
  subject: { kind: "entry" | "answer"; href: string; title: string };
};

/** The thank-yous a contributor received, newest first. */
export function ThanksList({ thanks }: { thanks: ThanksItem[] }) {
  const t = useT();
  const locale = useLocale();
  if (thanks.length === 0) return <p className="muted">{t("recognition.people.noThanks")}</p>;
  return (
    <ul className="community-list thanks-list">
      {thanks.map((item) => (
        <li key={item.id}>
          <blockquote className="thanks-message">{item.message}</blockquote>
          <p className="muted small">
            {t("recognition.people.thanksFrom", { name: item.giverName, date: formatDate(locale, item.createdAt) })} ·{" "}
            {t(item.subject.kind === "entry" ? "recognition.people.forEntry" : "recognition.people.forAnswer")} <Link to={item.subject.href}>{item.subject.title}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Above the thank-you form: that one cannot thank oneself, or that this thank-you was already sent. */
export function ThanksPageNotices({ self, earlier, name }: { self: boolean; earlier: { message: string; createdAt: string } | null; name: string }) {
  const t = useT();
  const locale = useLocale();
  if (self) return <p className="alert alert-info">{t("recognition.thanks.selfNotice")}</p>;
  if (!earlier) return null;
  return (
    <div className="alert alert-info">
      <p>{t("recognition.thanks.earlier", { name, date: formatDate(locale, earlier.createdAt) })}</p>
      <blockquote className="thanks-message">{earlier.message}</blockquote>
    </div>
  );
}
