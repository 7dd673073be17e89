/**
 * The draft of a field note, kept in this browser's localStorage under the user's id while it is
 * written (docs/decisions/0029): restored on the next visit to notes/new, removed when the note is
 * submitted, and a warning before leaving the page with text that was not submitted.
 */
import { useBlocker, type Blocker } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { plainTextFromJson } from "~/schemas/rich-text.shared";
import { useT } from "~/utils/i18n";
import type { NoteFieldValues } from "./note-form";

const SAVE_AFTER_MS = 300;
/** Every key starts with this, so signing out can remove all drafts kept in this browser. */
export const DRAFT_KEY_PREFIX = "gilde:note-draft:";

type Draft = Required<Pick<NoteFieldValues, "title" | "body" | "tags" | "communityId">> & { bodyPlain?: string };

function readForm(form: HTMLFormElement): Draft {
  const data = new FormData(form);
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  const draft: Draft = { title: text("title"), body: text("body"), tags: text("tags"), communityId: text("communityId") };
  // Before the editor has mounted the body is a plain textarea.
  if (data.has("bodyPlain")) draft.bodyPlain = text("bodyPlain");
  return draft;
}

function isEmpty(draft: Draft) {
  const bodyText = draft.bodyPlain ?? plainTextFromJson(draft.body);
  return draft.title.trim() === "" && bodyText.trim() === "" && draft.tags.replace(/[\s,]/g, "") === "";
}

// localStorage can be missing or full (private windows, policies): a draft is a convenience, never an error.
function load(key: string): Draft | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Draft>;
    const draft: Draft = { title: String(value.title ?? ""), body: String(value.body ?? ""), tags: String(value.tags ?? ""), communityId: String(value.communityId ?? "") };
    if (typeof value.bodyPlain === "string") draft.bodyPlain = value.bodyPlain;
    return isEmpty(draft) ? null : draft;
  } catch {
    return null;
  }
}

function store(key: string, draft: Draft | null) {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Nothing to do: the form itself still works.
  }
}

/** Removes every note draft kept in this browser (on signing out, for shared workstations). */
export function forgetAllDrafts() {
  try {
    for (let i = window.localStorage.length - 1; i >= 0; i--) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(DRAFT_KEY_PREFIX)) window.localStorage.removeItem(key);
    }
  } catch {
    // As above.
  }
}

/**
 * Keeps the form's content as a draft. `restore` is false when the server already sent the form back
 * with the user's input (a refused submission): that input wins over an older draft.
 */
export function useNoteDraft(formRef: RefObject<HTMLFormElement>, key: string, restore: boolean) {
  const [restored, setRestored] = useState<Draft | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [dirty, setDirty] = useState(false);
  const submitting = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    if (!restore) return;
    const draft = load(key);
    if (!draft) return;
    setRestored(draft);
    setDirty(true);
    // The fields read their content once: a new key mounts them again with the draft.
    setFormKey((k) => k + 1);
  }, [key, restore]);

  const save = useCallback(() => {
    const form = formRef.current;
    if (!form || submitting.current) return;
    const draft = readForm(form);
    const empty = isEmpty(draft);
    store(key, empty ? null : draft);
    setDirty(!empty);
  }, [formRef, key]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const schedule = () => {
      clearTimeout(timer.current);
      timer.current = setTimeout(save, SAVE_AFTER_MS);
    };
    const events = ["input", "change", "keyup", "click"] as const;
    for (const name of events) form.addEventListener(name, schedule);
    return () => {
      for (const name of events) form.removeEventListener(name, schedule);
      clearTimeout(timer.current);
    };
  }, [formRef, save, formKey]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (submitting.current) return;
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !submitting.current && currentLocation.pathname !== nextLocation.pathname);

  /** Call from the form's onSubmit: the draft is gone once the note is sent. */
  const submitted = useCallback(() => {
    clearTimeout(timer.current);
    submitting.current = true;
    store(key, null);
  }, [key]);
  /** The server refused the note: it is a draft again. */
  const refused = useCallback(() => {
    submitting.current = false;
    save();
  }, [save]);
  const discard = useCallback(() => {
    store(key, null);
    setRestored(null);
    setDirty(false);
    setFormKey((k) => k + 1);
  }, [key]);

  return { restored, formKey, blocker, submitted, refused, discard };
}

/** Asks before leaving the page for another one inside the app (the browser asks on reload or close). */
export function LeaveDialog({ blocker }: { blocker: Blocker }) {
  const t = useT();
  if (blocker.state !== "blocked") return null;
  return (
    <div className="card leave-dialog stack" role="alertdialog" aria-labelledby="leave-title" aria-describedby="leave-body">
      <h2 id="leave-title">{t("note.leave.title")}</h2>
      <p id="leave-body">{t("note.leave.body")}</p>
      <div className="activity-actions">
        {/* Staying is the safe choice, so it has the focus. */}
        <button type="button" className="button primary" onClick={() => blocker.reset()} autoFocus>
          {t("note.leave.stay")}
        </button>
        <button type="button" className="button secondary" onClick={() => blocker.proceed()}>
          {t("note.leave.go")}
        </button>
      </div>
    </div>
  );
}
