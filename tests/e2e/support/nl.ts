/**
 * The Dutch labels the journeys look for, taken from the app's own dictionary, so a change of
 * wording changes the page and the tests together (the tests run in the demo's default language).
 */
import { translator, type MessageKey, type Translate, type Vars } from "~/utils/i18n";

/** The Dutch text of a message key, with its variables filled in, exactly as the page shows it (typed like the app's t: plural keys need a count). */
export const nl: Translate = translator("nl");

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A pattern for a label that carries more than the message (a count, a name beside it), or a
 * message of which the test knows only some variables: unknown `{name}` parts match any text.
 * `start` anchors it at the beginning of the label, `whole` at both ends.
 */
export function nlPattern(key: MessageKey, vars: Vars = {}, { start = false, whole = false } = {}): RegExp {
  const source = nl(key, vars)
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? ".*?" : escapeRegExp(part)))
    .join("");
  return new RegExp(whole ? `^${source}$` : start ? `^${source}` : source);
}

/** The English text of a message key, for the journeys that switch a user to English. */
export const en: Translate = translator("en");
