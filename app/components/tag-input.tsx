import { useEffect, useId, useState } from "react";
import { describedBy, fieldError, FieldLabel, fieldValue, MessageError, type ConformField } from "./form";

/**
 * Tags: without JavaScript a comma-separated text field; with JavaScript chips plus an input that
 * suggests existing tags (datalist) and adds a new one on Enter or comma. Both post `name` as "a, b, c".
 * The conform `field` gives the name, id, error and what was posted before a refusal.
 */
export function TagInput({
  field,
  label,
  hint,
  suggestions,
  defaultValue: givenDefault,
  removeLabel,
}: {
  field: ConformField;
  label: string;
  hint?: string;
  suggestions: string[];
  defaultValue?: string;
  removeLabel: (tag: string) => string;
}) {
  const { name, id } = field;
  const defaultValue = fieldValue(field, givenDefault) ?? "";
  const listId = useId();
  const [enhanced, setEnhanced] = useState(false);
  const [tags, setTags] = useState(() => split(defaultValue));
  const [draft, setDraft] = useState("");
  useEffect(() => setEnhanced(true), []);
  const error = fieldError(field);
  const description = describedBy(id, hint, Boolean(error));

  const add = (value: string) => {
    const next = split(value).filter((t) => !tags.includes(t));
    if (next.length) setTags([...tags, ...next]);
    setDraft("");
  };

  return (
    <div className="field">
      <FieldLabel id={id} label={label} hint={hint} />
      {enhanced ? (
        <div className="tag-input">
          <input type="hidden" name={name} value={[...tags, ...split(draft)].join(", ")} />
          {tags.length ? (
            <ul className="tags editable">
              {tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                  <button type="button" aria-label={removeLabel(tag)} onClick={() => setTags(tags.filter((t) => t !== tag))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            id={id}
            list={listId}
            value={draft}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={description}
            onChange={(e) => {
              const value = e.target.value;
              if (value.includes(",")) add(value);
              // Picking a suggestion from the list replaces the text in one go: take it as a tag.
              else if (!(e.nativeEvent as InputEvent).inputType && suggestions.includes(value.trim().toLowerCase())) add(value);
              else setDraft(value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && draft.trim()) {
                e.preventDefault();
                add(draft);
              } else if (e.key === "Backspace" && !draft && tags.length) {
                setTags(tags.slice(0, -1));
              }
            }}
          />
          <datalist id={listId}>
            {suggestions.filter((s) => !tags.includes(s)).map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </div>
      ) : (
        <input id={id} name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={description} />
      )}
      <MessageError id={`${id}-error`} error={error} />
    </div>
  );
}

function split(value: string): string[] {
  return value
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
}
