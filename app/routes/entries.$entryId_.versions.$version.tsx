import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RichTextView } from "~/components/editor/rich-text-view";
import { summaryText } from "~/components/entry-versions";
import { Tags } from "~/components/form";
import { getEntry, getEntryVersion } from "~/models/entry.server";
import { canViewEntry } from "~/policies/policies";
import { VersionNumberSchema } from "~/schemas/entry-version";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { notFound } from "~/utils/http.server";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.version.title} (v${data.version.version}) · Gilde` : "Gilde" }];

/** One saved version of an entry, read-only; whoever may not see the entry gets 404 here too. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const entry = await getEntry(params.entryId ?? "");
  if (!entry || !canViewEntry(actor, entry)) notFound();
  const number = VersionNumberSchema.safeParse(params.version);
  const version = number.success ? await getEntryVersion(entry.id, number.data) : null;
  if (!version) notFound();
  return json({
    entry: { id: entry.id, title: entry.title, version: entry.version },
    version: { ...version, editor: version.editor.name },
  });
}

export default function EntryVersionPage() {
  const t = useT();
  const locale = useLocale();
  const { entry, version } = useLoaderData<typeof loader>();
  const current = version.version === entry.version;
  return (
    <article className="entry-page stack">
      <p>
        <Link to={`/entries/${entry.id}`}>← {t("entry.versionPage.back", { title: entry.title })}</Link>
      </p>
      <header className="card entry-head">
        <div className="note-item-head">
          <h1>{version.title}</h1>
          <span className={`badge${current ? " badge-published" : ""}`}>
            {t(current ? "entry.versionPage.current" : "entry.versionPage.old", { version: version.version, current: entry.version })}
          </span>
        </div>
        <p className="muted small">
          {summaryText(t, version.summary)} · {t("entry.versionBy", { name: version.editor, date: formatDate(locale, version.createdAt, true) })}
        </p>
        <Tags tags={version.tags} label={t("entry.tags")} />
        <p className="version-links">
          {version.version > 1 ? (
            <Link to={`/entries/${entry.id}/compare?from=${version.version - 1}&to=${version.version}`}>{t("entry.versionPage.comparePrevious")}</Link>
          ) : null}
          {!current ? <Link to={`/entries/${entry.id}/compare?from=${version.version}&to=${entry.version}`}>{t("entry.versionPage.compareCurrent")}</Link> : null}
        </p>
      </header>
      <section className="card entry-body" aria-label={t("entry.version", { version: version.version })}>
        <RichTextView json={version.bodyJson} />
      </section>
    </article>
  );
}
