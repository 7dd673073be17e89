import type { DiffPart } from "~/utils/text-diff";
import { useT, type Translate } from "~/utils/i18n";

/** The summary saved with a version ("publish:Name", "merge:Name", "edit:change note", "import"), in words. */
export function summaryText(t: Translate, summary: string) {
  const [kind, ...rest] = summary.split(":");
  const name = rest.join(":");
  if (kind === "publish") return t("entry.summary.publish", { name });
  // From a question asked as "a member": the version history names nobody.
  if (kind === "publish-anonymous") return t("recognition.anonymous.summaryPublish");
  if (kind === "merge-anonymous") return t("recognition.anonymous.summaryMerge");
  if (kind === "merge") return t("entry.summary.merge", { name });
  if (kind === "edit") return name ? t("entryLife.summary.edit", { note: name }) : t("entry.summary.edit");
  if (kind === "import") return t("kbImport.versionSummary");
  return summary;
}

/**
 * A word-level difference as running text: deletions in <del>, insertions in <ins>. Screen readers
 * do not announce those elements, so each carries its meaning in hidden words too.
 */
export function DiffText({ parts, className = "diff-text" }: { parts: DiffPart[]; className?: string }) {
  const t = useT();
  return (
    <div className={className}>
      {parts.map((part, i) =>
        part.kind === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">{t("entry.diff.addedStart")}</span>
            {part.text}
            <span className="visually-hidden">{t("entry.diff.end")}</span>
          </ins>
        ) : part.kind === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{t("entry.diff.removedStart")}</span>
            {part.text}
            <span className="visually-hidden">{t("entry.diff.end")}</span>
          </del>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </div>
  );
}

/** Tags of the newer version, the added ones in <ins> and the removed ones in <del>. */
export function TagChanges({ added, removed, kept }: { added: string[]; removed: string[]; kept: string[] }) {
  const t = useT();
  if (added.length + removed.length + kept.length === 0) return <p className="muted">{t("entry.diff.noTags")}</p>;
  return (
    <ul className="tags diff-tags">
      {kept.map((tag) => (
        <li key={`k-${tag}`} className="tag">
          {tag}
        </li>
      ))}
      {added.map((tag) => (
        <li key={`a-${tag}`} className="tag">
          <ins>
            <span className="visually-hidden">{t("entry.diff.addedStart")}</span>
            {tag}
            <span className="visually-hidden">{t("entry.diff.end")}</span>
          </ins>
        </li>
      ))}
      {removed.map((tag) => (
        <li key={`r-${tag}`} className="tag">
          <del>
            <span className="visually-hidden">{t("entry.diff.removedStart")}</span>
            {tag}
            <span className="visually-hidden">{t("entry.diff.end")}</span>
          </del>
        </li>
      ))}
    </ul>
  );
}
