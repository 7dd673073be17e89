/**
 * Rich-text form field.
 *
 * Server render and the first client render output a plain <textarea name="<name>Plain"> (works
 * without JavaScript). The Lexical editor (lexical-field.tsx, its own chunk, fetched only by pages that
 * show this field) is fetched once the page has painted, or as soon as someone puts the cursor in the
 * textarea, whichever comes first; it then replaces the textarea and keeps its JSON in
 * <input type="hidden" name="<name>">. What was typed into the textarea meanwhile is carried over, and
 * so is the cursor. The server reads either with readRichTextField(). Nothing here touches
 * window/document during the server render.
 *
 * The editor reads its initial content once; to load other content, give the component a new `key`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { plainTextFromJson, plainTextToRichText } from "../../schemas/rich-text.shared";
import { afterFirstPaint } from "../../utils/after-paint";
import type * as LexicalFieldModule from "./lexical-field";

export type RichTextEditorLabels = {
  bold: string;
  italic: string;
  bulletList: string;
  numberedList: string;
  link: string;
  linkPrompt: string;
  removeLink: string;
  /** Optional: shown (window.alert) when the URL typed for a link is not http(s)/mailto. */
  invalidLink?: string;
  /** Optional: accessible name of the toolbar; defaults to the field label. */
  toolbar?: string;
};

export type RichTextEditorProps = {
  name: string;
  label: string;
  id?: string;
  defaultJson?: string;
  defaultPlain?: string;
  error?: string;
  describedBy?: string;
  labels: RichTextEditorLabels;
};

export function RichTextEditor(props: RichTextEditorProps) {
  const { name, label, defaultJson, defaultPlain, error, describedBy, labels } = props;
  const [editor, setEditor] = useState<EditorModule | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const live = useRef(false);
  const start = useCallback(() => {
    loadEditor().then(
      (module) => live.current && setEditor(module),
      // Without the editor's code (offline, a failed deploy) the textarea keeps working.
      (error: unknown) => console.warn("The rich-text editor could not be loaded; the plain text field stays.", error),
    );
  }, []);
  useEffect(() => {
    live.current = true;
    // Not before the page has painted: the editor's ~80 KiB must not hold back the first paint on a slow phone.
    void afterFirstPaint().then(start);
    return () => {
      live.current = false;
    };
  }, [start]);
  const mounted = editor !== null;
  const LexicalField = editor?.LexicalField;

  const fieldId = props.id ?? `rt-${name}`;
  const labelId = `${fieldId}-label`;
  const errorId = `${fieldId}-error`;
  const ariaDescribedBy = [describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined;

  // The textarea's text: defaultPlain, else the text of defaultJson. Which document the editor starts
  // from is decided in its own chunk, where checking the JSON (with zod) costs the page nothing.
  const plain = useMemo(() => defaultPlain || plainTextFromJson(defaultJson), [defaultJson, defaultPlain]);
  const starting = useMemo(() => editor?.startingDocument(defaultJson, defaultPlain, plain), [editor, defaultJson, defaultPlain, plain]);

  return (
    <div className="rt-field">
      <label id={labelId} htmlFor={mounted ? undefined : fieldId} className="rt-label">
        {label}
      </label>
      {LexicalField && starting ? (
        <LexicalField
          name={name}
          fieldId={fieldId}
          labelId={labelId}
          label={label}
          ariaDescribedBy={ariaDescribedBy}
          invalid={Boolean(error)}
          initialJson={initialJson(starting, plain, textarea.current?.value)}
          labels={labels}
          // Someone already writing in the textarea goes on writing in the editor, at the end of the text.
          autoFocus={textarea.current !== null && textarea.current === document.activeElement}
        />
      ) : (
        <textarea
          ref={textarea}
          id={fieldId}
          name={`${name}Plain`}
          className="rt-textarea"
          rows={10}
          defaultValue={plain}
          aria-invalid={error ? true : undefined}
          aria-describedby={ariaDescribedBy}
          onFocus={start}
        />
      )}
      {error ? (
        <p id={errorId} className="rt-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type EditorModule = typeof LexicalFieldModule;
let editorModule: Promise<EditorModule> | undefined;

/** The editor's module, fetched once per page load and shared by every rich-text field. */
function loadEditor() {
  editorModule ??= import("./lexical-field");
  return editorModule;
}

/** The editor starts from what the textarea holds when it takes over: the default, or what was typed since. */
function initialJson(starting: ReturnType<typeof plainTextToRichText>, plain: string, typed: string | undefined): string {
  const doc = typed !== undefined && typed !== plain ? plainTextToRichText(typed) : starting;
  return doc.root.children && doc.root.children.length > 0 ? JSON.stringify(doc) : "";
}
