import type { Locale } from "~/schemas/enums";
import type { Dictionary } from "./nl";

/**
 * The dictionaries this process holds: both on the server (dictionaries.server.ts fills them at
 * start), only the reader's language in the browser (loadDictionary in ../i18n.ts).
 */
export const loadedDictionaries: Partial<Record<Locale, Dictionary>> = {};
