import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Tags } from "~/components/form";
import { listInbox } from "~/models/note.server";
import { authorize } from "~/utils/http.server";
import { canCurate } from "~/policies/policies";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canCurate(actor));
  const inbox = await listInbox();
  return json({
    count: inbox.count,
    notes: inbox.notes.map((n) => ({ ...n, bodyText: n.bodyText.slice(0, 220), tags: n.tags.map((x) => x.tag.name) })),
  });
}

export default function Inbox() {
  const t = useT();
  const locale = useLocale();
  const { count, notes } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>
          {t("inbox.title")} <span className="count-badge">{count}</span>
        </h1>
      </div>
      {count === 0 ? <p className="empty">{t("inbox.empty")}</p> : <p className="muted">{t("inbox.count", { count })}</p>}
      {count > notes.length ? <p className="muted small">{t("inbox.showingOldest", { shown: notes.length })}</p> : null}
      <ol className="inbox-list">
        {notes.map((note) => (
          <li key={note.id} className="card inbox-item">
            <div className="note-item-head">
              <h2>
                <Link to={`/curation/${note.id}`}>{note.title}</Link>
              </h2>
              <span className="badge">{t(`note.kind.${note.kind as "FIELD_NOTE"}`)}</span>
            </div>
            <p className="muted small">
              {t("note.by", { name: note.author.name })} · {formatDate(locale, note.createdAt, true)}
              {note.community ? ` · ${note.community.name}` : ""}
            </p>
            <p className="excerpt">{note.bodyText}</p>
            <Tags tags={note.tags} label={t("entry.tags")} />
            <Link to={`/curation/${note.id}`} className="button" aria-label={`${t("inbox.open")}: ${note.title}`}>
              {t("inbox.open")}
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
