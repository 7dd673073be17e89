/**
 * The Lexical editor of a rich-text field, in its own module so that only pages where someone
 * writes load it, and only once the page has painted (see RichTextEditor).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  FORMAT_TEXT_COMMAND,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
} from "lexical";
import { AutoFocusPlugin } from "@lexical/react/LexicalAutoFocusPlugin";
import { LexicalComposer, type InitialConfigType } from "@lexical/react/LexicalComposer";
import { useLexicalComposerContext } from "@lexical/react/LexicalComposerContext";
import { RichTextPlugin } from "@lexical/react/LexicalRichTextPlugin";
import { ContentEditable } from "@lexical/react/LexicalContentEditable";
import { LexicalErrorBoundary } from "@lexical/react/LexicalErrorBoundary";
import { HistoryPlugin } from "@lexical/react/LexicalHistoryPlugin";
import { ListPlugin } from "@lexical/react/LexicalListPlugin";
import { LinkPlugin } from "@lexical/react/LexicalLinkPlugin";
import { OnChangePlugin } from "@lexical/react/LexicalOnChangePlugin";
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListItemNode,
  ListNode,
  REMOVE_LIST_COMMAND,
} from "@lexical/list";
import { $createLinkNode, $isLinkNode, AutoLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from "@lexical/link";
import { $findMatchingParent, $unwrapNode, mergeRegister } from "@lexical/utils";
import { tryParseRichText } from "../../schemas/rich-text";
import { isSafeUrl, plainTextToRichText, richTextToPlainText, type SerializedRoot } from "../../schemas/rich-text.shared";
import type { RichTextEditorLabels } from "./rich-text-editor";

/**
 * The document the editor starts from: defaultJson when it is valid and says what defaultPlain says (or
 * there is no defaultPlain), else the plain text. Here, in the editor's own chunk, so that checking the
 * JSON with zod costs a page nothing until someone writes (decision 0076).
 */
export function startingDocument(defaultJson: string | undefined, defaultPlain: string | undefined, plain: string): SerializedRoot {
  const fromJson = tryParseRichText(defaultJson);
  if (fromJson && (!defaultPlain || defaultPlain === richTextToPlainText(fromJson))) return fromJson;
  return plainTextToRichText(plain);
}

export const richTextTheme: InitialConfigType["theme"] = {
  paragraph: "rt-paragraph",
  link: "rt-link",
  list: {
    ul: "rt-ul",
    ol: "rt-ol",
    listitem: "rt-listitem",
    nested: { listitem: "rt-nested-listitem" },
  },
  text: {
    bold: "rt-bold",
    italic: "rt-italic",
    underline: "rt-underline",
    strikethrough: "rt-strikethrough",
    underlineStrikethrough: "rt-underline-strikethrough",
    code: "rt-code",
    subscript: "rt-subscript",
    superscript: "rt-superscript",
    highlight: "rt-highlight",
  },
};

/** Adds a scheme to what people usually type: "example.nl" -> https://example.nl, "a@b.nl" -> mailto:a@b.nl. */
function withScheme(input: string): string {
  const s = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) return s;
  if (/^[^\s@/]+@[^\s@/]+$/.test(s)) return `mailto:${s}`;
  return `https://${s.replace(/^\/+/, "")}`;
}

export type LexicalFieldProps = {
  name: string;
  fieldId: string;
  labelId: string;
  label: string;
  ariaDescribedBy?: string;
  invalid: boolean;
  initialJson: string;
  labels: RichTextEditorLabels;
  /** Takes the focus when it appears, the cursor at the end (it replaces a textarea someone is writing in). */
  autoFocus?: boolean;
};

export function LexicalField({ name, fieldId, labelId, label, ariaDescribedBy, invalid, initialJson, labels, autoFocus }: LexicalFieldProps) {
  const [json, setJson] = useState(initialJson);

  // Read once: LexicalComposer ignores later changes to initialConfig.
  const initialConfig = useRef<InitialConfigType>({
    namespace: `rich-text-${name}`,
    theme: richTextTheme,
    nodes: [ListNode, ListItemNode, LinkNode, AutoLinkNode],
    editorState: initialJson || undefined,
    onError: (err: Error) => {
      // Keep the page alive; the hidden input keeps the last good JSON.
      console.error(err);
    },
  }).current;

  const onChange = useCallback((state: EditorState) => {
    setJson(JSON.stringify(state.toJSON()));
  }, []);

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className={invalid ? "rt-editor rt-editor--invalid" : "rt-editor"}>
        <Toolbar labels={labels} toolbarLabel={labels.toolbar ?? label} controls={fieldId} />
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              id={fieldId}
              className="rt-content"
              ariaLabelledBy={labelId}
              ariaMultiline
              ariaDescribedBy={ariaDescribedBy}
              ariaInvalid={invalid || undefined}
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      {autoFocus ? <AutoFocusPlugin defaultSelection="rootEnd" /> : null}
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeUrl} />
      <SanitizePlugin />
      <OnChangePlugin onChange={onChange} ignoreSelectionChange />
      <input type="hidden" name={name} value={json} />
    </LexicalComposer>
  );
}

/** Keeps the document inside what the server accepts: unsafe links unwrapped, check lists made bullets. */
function SanitizePlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const unwrapUnsafe = (node: LinkNode) => {
      if (!isSafeUrl(node.getURL())) $unwrapNode(node);
    };
    return mergeRegister(
      editor.registerNodeTransform(LinkNode, unwrapUnsafe),
      editor.registerNodeTransform(AutoLinkNode, unwrapUnsafe),
      editor.registerNodeTransform(ListNode, (node) => {
        if (node.getListType() === "check") node.setListType("bullet");
      }),
      editor.registerNodeTransform(ListItemNode, (node) => {
        if (node.getChecked() !== undefined) node.setChecked(undefined);
      }),
    );
  }, [editor]);
  return null;
}

type ToolbarState = { bold: boolean; italic: boolean; list: "bullet" | "number" | null; linkUrl: string | null };
const EMPTY_STATE: ToolbarState = { bold: false, italic: false, list: null, linkUrl: null };

function readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_STATE;
  const anchor = selection.anchor.getNode();
  const list = $findMatchingParent(anchor, (n: LexicalNode) => $isListNode(n));
  const link = $findMatchingParent(anchor, (n: LexicalNode) => $isLinkNode(n));
  const listType = list && $isListNode(list) ? list.getListType() : null;
  return {
    bold: selection.hasFormat("bold"),
    italic: selection.hasFormat("italic"),
    list: listType === "bullet" || listType === "number" ? listType : null,
    linkUrl: link && $isLinkNode(link) ? link.getURL() : null,
  };
}

function sameState(a: ToolbarState, b: ToolbarState) {
  return a.bold === b.bold && a.italic === b.italic && a.list === b.list && a.linkUrl === b.linkUrl;
}

function insertOrToggleLink(editor: LexicalEditor, url: string) {
  let handled = false;
  editor.update(() => {
    const selection = $getSelection();
    if ($isRangeSelection(selection) && selection.isCollapsed()) {
      const inLink = $findMatchingParent(selection.anchor.getNode(), (n: LexicalNode) => $isLinkNode(n));
      if (!inLink) {
        // Nothing selected: insert the URL itself as the link text.
        selection.insertNodes([$createLinkNode(url).append($createTextNode(url))]);
        handled = true;
      }
    }
  });
  if (!handled) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
}

function Toolbar({ labels, toolbarLabel, controls }: { labels: RichTextEditorLabels; toolbarLabel: string; controls: string }) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<ToolbarState>(EMPTY_STATE);

  useEffect(() => {
    return editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read(readToolbarState);
      setState((prev) => (sameState(prev, next) ? prev : next));
    });
  }, [editor]);

  const toggleList = (type: "bullet" | "number") => {
    if (state.list === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else editor.dispatchCommand(type === "bullet" ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
    editor.focus();
  };

  const addLink = () => {
    const answer = window.prompt(labels.linkPrompt, state.linkUrl ?? "https://");
    if (answer === null) return editor.focus();
    const trimmed = answer.trim();
    if (trimmed === "" || trimmed === "https://") {
      if (state.linkUrl !== null) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
      return editor.focus();
    }
    const url = withScheme(trimmed);
    if (!isSafeUrl(url)) {
      if (labels.invalidLink) window.alert(labels.invalidLink);
      return editor.focus();
    }
    insertOrToggleLink(editor, url);
    editor.focus();
  };

  const removeLink = () => {
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    editor.focus();
  };

  // Left/Right/Home/End move between the buttons (toolbar pattern); Tab still works too.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys = ["ArrowLeft", "ArrowRight", "Home", "End"];
    if (!keys.includes(event.key)) return;
    const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>("button:not([disabled])"));
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0 || buttons.length === 0) return;
    event.preventDefault();
    const next =
      event.key === "Home"
        ? 0
        : event.key === "End"
          ? buttons.length - 1
          : (index + (event.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next].focus();
  };

  return (
    <div
      className="rt-toolbar"
      role="toolbar"
      aria-label={toolbarLabel}
      aria-controls={controls}
      onKeyDown={onKeyDown}
      // Keep the editor's selection when a button is clicked with the mouse.
      onMouseDown={(event) => {
        if ((event.target as HTMLElement).closest("button")) event.preventDefault();
      }}
    >
      <button
        type="button"
        className="rt-button rt-button--bold"
        aria-label={labels.bold}
        title={labels.bold}
        aria-pressed={state.bold}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "bold")}
      >
        <span aria-hidden="true">B</span>
      </button>
      <button
        type="button"
        className="rt-button rt-button--italic"
        aria-label={labels.italic}
        title={labels.italic}
        aria-pressed={state.italic}
        onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, "italic")}
      >
        <span aria-hidden="true">I</span>
      </button>
      <button
        type="button"
        className="rt-button"
        aria-label={labels.bulletList}
        title={labels.bulletList}
        aria-pressed={state.list === "bullet"}
        onClick={() => toggleList("bullet")}
      >
        <span aria-hidden="true">•</span>
      </button>
      <button
        type="button"
        className="rt-button"
        aria-label={labels.numberedList}
        title={labels.numberedList}
        aria-pressed={state.list === "number"}
        onClick={() => toggleList("number")}
      >
        <span aria-hidden="true">1.</span>
      </button>
      <button
        type="button"
        className="rt-button"
        aria-label={labels.link}
        title={labels.link}
        aria-pressed={state.linkUrl !== null}
        onClick={addLink}
      >
        <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round"><path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" /><path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" /></svg>
      </button>
      {state.linkUrl !== null ? (
        <button type="button" className="rt-button" aria-label={labels.removeLink} title={labels.removeLink} onClick={removeLink}>
          <span aria-hidden="true">⨯</span>
        </button>
      ) : null}
    </div>
  );
}
