import { useRouteLoaderData } from "@remix-run/react";
import type { Dictionary, MessageKey, PluralForms, nl } from "./i18n/nl";
import { loadedDictionaries } from "./i18n/loaded";
// Both dictionaries on the server; in the browser bundle this import is empty (Remix drops .server modules).
import "./i18n/dictionaries.server";
import type { Locale } from "~/schemas/enums";
import { TIME_ZONE } from "./dates";

export type { MessageKey, PluralForms };
export type Vars = Record<string, string | number>;
/** The messages with plural forms: they take their form from `vars.count`. */
export type PluralKey = { [K in MessageKey]: (typeof nl)[K] extends string ? never : K }[MessageKey];
/** A message in the reader's language; the type checker asks a count of every plural message named literally. */
export type Translate = <K extends MessageKey>(key: K, ...vars: K extends PluralKey ? [vars: Vars & { count: number }] : [vars?: Vars]) => string;

export const DEFAULT_LOCALE: Locale = "nl";

/**
 * The browser fetches only the reader's language, as a chunk of its own: before hydrating
 * (entry.client.tsx) and before showing a page in another language (the root's clientLoader).
 */
const DICTIONARY_MODULES: Record<Locale, () => Promise<Dictionary>> = {
  nl: () => import("./i18n/nl").then((module) => module.nl),
  en: () => import("./i18n/en").then((module) => module.en),
};

export async function loadDictionary(locale: Locale): Promise<void> {
  loadedDictionaries[locale] ??= await DICTIONARY_MODULES[locale]();
}

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

const INTL_LOCALE: Record<Locale, string> = { nl: "nl-BE", en: "en-GB" };
const PLURAL_RULES: Record<Locale, Intl.PluralRules> = { nl: new Intl.PluralRules(INTL_LOCALE.nl), en: new Intl.PluralRules(INTL_LOCALE.en) };

/** The form of a plural message for this count, by the language's CLDR rules ("one" and "other" for nl and en). */
export function pluralForm(locale: Locale, forms: PluralForms, count: number): string {
  const category = (PLURAL_RULES[locale] ?? PLURAL_RULES.nl).select(count);
  return forms[category] ?? forms.other;
}

export function translator(locale: Locale): Translate {
  const dict: Dictionary | undefined = loadedDictionaries[locale] ?? loadedDictionaries[DEFAULT_LOCALE];
  return ((key: MessageKey, vars?: Vars) => {
    const entry = dict?.[key];
    if (entry === undefined) return key;
    const template = typeof entry === "string" ? entry : pluralForm(locale, entry, Number(vars?.count ?? Number.NaN));
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  }) as Translate;
}

/** A message key with its variables: what actions return so the page translates it. */
export type Message = { key: MessageKey; vars?: Vars };

/**
 * Made once per language and form: building an Intl.DateTimeFormat costs far more than formatting with one,
 * and a page formats a date per row (docs/decisions/0053).
 */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}:${withTime}`;
  let format = DATE_FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: TIME_ZONE });
    DATE_FORMATS.set(key, format);
  }
  return format;
}

export function formatDate(locale: Locale, date: Date | string, withTime = false): string {
  return dateFormat(locale, withTime).format(typeof date === "string" ? new Date(date) : date);
}

/**
 * A number of minutes as a duration: "45 min", "2 u", "18 u 15 min" (English "18 h 15 min"). Pages, the
 * PDF and every other text use this one, so a duration never reads like a time of day.
 */
export function formatDuration(t: Translate, minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const sign = minutes < 0 ? "-" : "";
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return sign + t("time.duration.m", { m });
  return sign + (m === 0 ? t("time.duration.h", { h }) : t("time.duration.hm", { h, m }));
}

/** Locale chosen for the page: the signed-in user's, otherwise Dutch. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}
