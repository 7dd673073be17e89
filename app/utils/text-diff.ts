/**
 * What changed between two versions of a text, word by word, for the entry's version comparison.
 * The diff itself is jsdiff's (`diff` on npm, docs/decisions/0029); this module only shapes its result.
 */
import { diffWordsWithSpace } from "diff";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/**
 * The words of `after` against those of `before`: unchanged runs, deletions and insertions in reading
 * order (a replacement is its deletion followed by its insertion). Whitespace, line breaks included,
 * counts as a token, so paragraphs keep their shape.
 */
export function diffText(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffWordsWithSpace(before, after)) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else parts.push({ kind, text: change.value });
  }
  return parts;
}

/** Tags are a set: which were added, which removed, which kept (each in the order of its version). */
export function diffTags(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((tag) => !before.includes(tag)),
    removed: before.filter((tag) => !after.includes(tag)),
    kept: after.filter((tag) => before.includes(tag)),
  };
}

/** Whether anything changed at all. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.kind !== "same");
