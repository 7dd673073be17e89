import { useRouteLoaderData } from "@remix-run/react";
import { en } from "./i18n/en";
import { nl, type MessageKey } from "./i18n/nl";
import type { Locale } from "~/schemas/enums";
import { TIME_ZONE } from "./dates";

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Locale, Record<MessageKey, string>> = { nl, en };

export const DEFAULT_LOCALE: Locale = "nl";

export function isLocale(value: unknown): value is Locale {
  return value === "nl" || value === "en";
}

export function translator(locale: Locale): Translate {
  const dict = dictionaries[locale] ?? nl;
  return (key, vars) => {
    const template = dict[key] ?? nl[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** A message key with its variables: what actions return so the page translates it. */
export type Message = { key: MessageKey; vars?: Vars };

export function formatDate(locale: Locale, date: Date | string, withTime = false): string {
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "en-GB", {
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
    timeZone: TIME_ZONE,
  }).format(d);
}

/** Locale chosen for the page: the signed-in user's, otherwise Dutch. */
export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

export function useT(): Translate {
  return translator(useLocale());
}
