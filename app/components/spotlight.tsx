/**
 * The weekly skill spotlight (issue 17): the card on a community's overview, and the lead's forms.
 */
import { Link } from "@remix-run/react";
import { RECOGNITION_LIMITS, SPOTLIGHT_INTENT } from "~/schemas/recognition.shared";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { ConformForm, SelectField, TextAreaField, TextField, useGildeForm } from "./form";

export type SpotlightData = { note: string; endsAt: string; pinnedBy: string; entry: { id: string; title: string } | null; tag: string | null };

/** What is in the spotlight: the entry or the topic, the lead's note, who pinned it and until when. */
export function SpotlightView({ spotlight }: { spotlight: SpotlightData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="spotlight stack">
      <p className="spotlight-subject">
        {spotlight.entry ? (
          <Link to={`/entries/${spotlight.entry.id}`}>{spotlight.entry.title}</Link>
        ) : spotlight.tag ? (
          <>
            {t("recognition.spotlight.topic")} <Link to={`/search?${new URLSearchParams({ tag: spotlight.tag })}`}>{spotlight.tag}</Link>
          </>
        ) : null}
      </p>
      <blockquote className="spotlight-note">{spotlight.note}</blockquote>
      <p className="muted small">{t("recognition.spotlight.by", { name: spotlight.pinnedBy, date: formatDate(locale, spotlight.endsAt) })}</p>
    </div>
  );
}

/** The community overview's card; empty for members when nothing is pinned, an invitation for its leads. */
export function SpotlightCard({ slug, spotlight, canPin }: { slug: string; spotlight: SpotlightData | null; canPin: boolean }) {
  const t = useT();
  if (!spotlight && !canPin) return null;
  return (
    <section className="card stack spotlight-card" aria-labelledby="spotlight" id="spotlight">
      <div className="card-head">
        <h2 id="spotlight">{t("recognition.spotlight.title")}</h2>
        {canPin ? (
          <Link to={`/communities/${slug}/spotlight`} className="button small">
            {t(spotlight ? "recognition.spotlight.changeLink" : "recognition.spotlight.pinLink")}
          </Link>
        ) : null}
      </div>
      {spotlight ? <SpotlightView spotlight={spotlight} /> : <p className="muted">{t("recognition.spotlight.noneLead")}</p>}
    </section>
  );
}

/** The lead's form: an entry of the list or a topic, and a short note. */
export function SpotlightForm({ entries, tags, busy }: { entries: { id: string; title: string }[]; tags: string[]; busy: boolean }) {
  const t = useT();
  const [form, fields] = useGildeForm("spotlight-pin");
  return (
    <ConformForm form={form} className="stack">
      <input type="hidden" name="intent" value={SPOTLIGHT_INTENT.pin} />
      <SelectField
        field={fields.entryId}
        label={t("recognition.spotlight.entry")}
        hint={t("recognition.spotlight.entryHint")}
        options={[{ value: "", label: t("recognition.spotlight.noEntry") }, ...entries.map((e) => ({ value: e.id, label: e.title }))]}
      />
      <TextField field={fields.tag} label={t("recognition.spotlight.tag")} hint={t("recognition.spotlight.tagHint")} list="spotlight-tags" autoComplete="off" />
      <datalist id="spotlight-tags">
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <TextAreaField
        field={fields.note}
        label={t("recognition.spotlight.note")}
        hint={t("recognition.spotlight.noteHint", { max: RECOGNITION_LIMITS.spotlightNoteMax })}
        maxLength={RECOGNITION_LIMITS.spotlightNoteMax * 2}
        required
      />
      <div>
        <button type="submit" className="button primary" disabled={busy}>
          {t("recognition.spotlight.submit")}
        </button>
      </div>
    </ConformForm>
  );
}

export function SpotlightRemoveForm({ busy }: { busy: boolean }) {
  const t = useT();
  const [form] = useGildeForm("spotlight-remove");
  return (
    <ConformForm form={form} className="inline-form">
      <input type="hidden" name="intent" value={SPOTLIGHT_INTENT.remove} />
      <button type="submit" className="button small danger" disabled={busy}>
        {t("recognition.spotlight.remove")}
      </button>
    </ConformForm>
  );
}
