import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { DiffText, TagChanges } from "~/components/entry-versions";
import { getEntry, getEntryVersion, listEntryVersionNumbers } from "~/models/entry.server";
import { canViewEntry } from "~/policies/policies";
import { CompareQuerySchema } from "~/schemas/entry-version";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { notFound } from "~/utils/http.server";
import { requireActor } from "~/utils/request.server";
import { diffTags, diffText, hasChanges } from "~/utils/text-diff";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.entry.title} (v${data.from.version} ↔ v${data.to.version}) · Gilde` : "Gilde" }];

/** Two versions of an entry side by side as one text with insertions and deletions; same visibility as the entry. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await getEntry(params.entryId ?? "");
  if (!entry || !canViewEntry(actor, entry)) notFound();
  const numbers = await listEntryVersionNumbers(entry.id);
  const query = CompareQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const toNumber = query.to ?? numbers[0];
  const fromNumber = query.from ?? numbers.find((n) => n < toNumber) ?? toNumber;
  const [from, to] = await Promise.all([getEntryVersion(entry.id, fromNumber), getEntryVersion(entry.id, toNumber)]);
  if (!from || !to) notFound();
  const body = diffText(from.bodyText, to.bodyText);
  const title = diffText(from.title, to.title);
  return json({
    entry: { id: entry.id, title: entry.title },
    numbers,
    from: { version: from.version, editor: from.editor.name, createdAt: from.createdAt },
    to: { version: to.version, editor: to.editor.name, createdAt: to.createdAt },
    title: { parts: title, changed: hasChanges(title) },
    tags: diffTags(from.tags, to.tags),
    body: { parts: body, changed: hasChanges(body) },
  });
}

export default function CompareVersions() {
  const t = useT();
  const locale = useLocale();
  const { entry, numbers, from, to, title, tags, body } = useLoaderData<typeof loader>();
  const side = (v: typeof from) => t("entry.compare.side", { version: v.version, name: v.editor, date: formatDate(locale, v.createdAt, true) });
  return (
    <article className="entry-page stack">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("entry.versionPage.back", { title: entry.title })}</Link>
      </p>
      <header className="card stack">
        <h1>{t("entry.compare.title", { from: from.version, to: to.version })}</h1>
        <p className="muted small">
          <Link to={`/entries/${entry.id}/versions/${from.version}`}>{side(from)}</Link>
          {" → "}
          <Link to={`/entries/${entry.id}/versions/${to.version}`}>{side(to)}</Link>
        </p>
        <Form method="get" className="compare-form">
          <VersionSelect name="from" label={t("entry.compare.from")} numbers={numbers} value={from.version} />
          <VersionSelect name="to" label={t("entry.compare.to")} numbers={numbers} value={to.version} />
          <button type="submit" className="button">
            {t("entry.compare.submit")}
          </button>
        </Form>
        <p className="muted small diff-legend">
          <ins>{t("entry.compare.legendAdded")}</ins> <del>{t("entry.compare.legendRemoved")}</del>
        </p>
      </header>
      <section className="card stack" aria-labelledby="diff-title">
        <h2 id="diff-title">{t("entry.compare.titleHeading")}</h2>
        {title.changed ? null : <p className="muted">{t("entry.compare.unchanged")}</p>}
        <DiffText parts={title.parts} className="diff-text diff-title" />
      </section>
      <section className="card stack" aria-labelledby="diff-tags">
        <h2 id="diff-tags">{t("entry.tags")}</h2>
        <TagChanges {...tags} />
      </section>
      <section className="card stack" aria-labelledby="diff-body">
        <h2 id="diff-body">{t("entry.compare.bodyHeading")}</h2>
        {body.changed ? null : <p className="muted">{t("entry.compare.unchanged")}</p>}
        <DiffText parts={body.parts} />
      </section>
    </article>
  );
}

/** One end of the comparison: a version number to pick (a GET form, so it works without JavaScript). */
function VersionSelect({ name, label, numbers, value }: { name: "from" | "to"; label: string; numbers: number[]; value: number }) {
  const t = useT();
  return (
    <div className="field">
      <label htmlFor={`compare-${name}`}>{label}</label>
      <select id={`compare-${name}`} name={name} defaultValue={value}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {t("entry.version", { version: n })}
          </option>
        ))}
      </select>
    </div>
  );
}
