import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Tags } from "~/components/form";
import { listNotesByAuthor } from "~/models/note.server";
import { canEditNote } from "~/policies/policies";
import { formatDate, useLocale, useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

/** "My notes": only ever the signed-in user's own notes. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const notes = await listNotesByAuthor(actor.id);
  return json({ notes: notes.map((note) => ({ ...note, can: { edit: canEditNote(actor, { ...note, authorId: actor.id }) } })) });
}

export default function MyNotes() {
  const t = useT();
  const locale = useLocale();
  const { notes } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <h1>{t("note.mine.title")}</h1>
        <Link to="/notes/new" className="button primary">
          {t("nav.newNote")}
        </Link>
      </div>
      <p className="small">
        <Link to="/flags">{t("flags.mineLink")}</Link> · <Link to="/people/me">{t("recognition.people.mineLink")}</Link>
      </p>
      {notes.length === 0 ? <p className="empty">{t("note.mine.empty")}</p> : <p className="muted">{t("note.mine.count", { count: notes.length })}</p>}
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className={`card note-item state-${note.state.toLowerCase()}`}>
            <div className="note-item-head">
              <h2>{note.kind === "QUESTION" ? <Link to={`/questions/${note.id}`}>{note.title}</Link> : note.title}</h2>
              <span>
                {note.kind === "QUESTION" ? <span className="badge">{t("note.kind.QUESTION")}</span> : null}{" "}
                <span className={`badge badge-${note.kind === "QUESTION" ? "question-" : ""}${note.state.toLowerCase()}`}>{t(`note.state.${note.state as "SUBMITTED"}`)}</span>
              </span>
            </div>
            <p className="muted small">
              {t(note.kind === "QUESTION" ? "questions.askedOn" : "note.submittedOn", { date: formatDate(locale, note.createdAt) })}
              {note.community ? ` · ${note.community.name}` : ""}
              {note.decidedAt && note.reviewer ? ` · ${t("note.decidedOn", { date: formatDate(locale, note.decidedAt), name: note.reviewer.name })}` : ""}
            </p>
            <Tags tags={note.tags.map((x) => x.tag.name)} label={t("entry.tags")} />
            {note.decisionReason ? (
              <div className="reason">
                <strong>{t("note.reason")}:</strong> {note.decisionReason}
              </div>
            ) : null}
            {note.can.edit ? (
              <p>
                <Link to={`/notes/${note.id}/edit`} className="button small secondary" aria-label={t("note.edit.linkLabel", { title: note.title })}>
                  {t("note.edit.link")}
                </Link>
              </p>
            ) : null}
            {note.entry && (note.state === "PUBLISHED" || note.state === "MERGED") ? (
              <p>
                <Link to={`/entries/${note.entry.id}`}>
                  {t(note.state === "PUBLISHED" ? "note.becameEntry" : "note.mergedInto", { title: note.entry.title })}
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
