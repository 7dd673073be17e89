/**
 * Small helpers shared by the end-to-end journeys: signing in, unique words, the session cookie,
 * waiting for the search index. Every journey makes its own data; nothing here depends on demo content.
 */
import { randomBytes, randomInt } from "node:crypto";
import { expect, type APIRequestContext, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { nl } from "./nl";

export const MAIN_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
export const DOWN_URL = `http://localhost:${process.env.E2E_DOWN_PORT ?? 3101}`;
export const DEMO_PASSWORD = "gilde-demo";
export const SESSION_COOKIE = "__Host-gilde_session";

/** A short random marker for titles, e.g. "k3f9a2". */
export function marker(): string {
  return randomBytes(3).toString("hex");
}

const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aeiou";
const TAILS = ["rekening", "premie", "boekje", "regeling", "kaart", "lening"];

/**
 * A made-up Dutch-looking compound word that exists nowhere else, e.g. "kobalimerpremie".
 * Letters only, so Meilisearch's typo tolerance applies to it as to any real word.
 */
export function inventedWord(): string {
  let stem = "";
  for (let i = 0; i < 4; i++) stem += CONSONANTS[randomInt(CONSONANTS.length)] + VOWELS[randomInt(VOWELS.length)];
  stem += CONSONANTS[randomInt(CONSONANTS.length)];
  return stem + TAILS[randomInt(TAILS.length)];
}

/** The word with one letter (not the first) replaced by another: exactly one typo. */
export function withTypo(word: string): string {
  const i = 3;
  const c = word[i];
  const pool = VOWELS.includes(c) ? VOWELS : CONSONANTS;
  const replacement = pool[(pool.indexOf(c) + 1) % pool.length];
  return word.slice(0, i) + replacement + word.slice(i + 1);
}

/**
 * Signs in by filling in and sending the login form, and waits for the knowledge base: for the
 * journeys about signing in. Others use the `login` fixture, which posts the form's fields directly.
 */
export async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel(nl("login.email")).fill(email);
  await page.getByLabel(nl("login.password")).fill(password);
  await page.getByRole("button", { name: nl("login.submit") }).click();
  await expect(page).toHaveURL(/\/search/);
}

/** A fresh browser context signed in as this user (the caller closes it). */
export async function loggedInPage(context: BrowserContext, email: string, password: string) {
  const page = await context.newPage();
  await signInWithForm(page, email, password);
  return page;
}

/** The Origin header a same-origin browser form would send. */
export function sameOrigin(baseURL = MAIN_URL) {
  return { Origin: baseURL };
}

/** Signs in with a plain HTTP request; the request context keeps the session cookie. */
export async function loginByRequest(request: APIRequestContext, email: string, password: string, baseURL = MAIN_URL) {
  const response = await request.post(`${baseURL}/login`, {
    form: { email, password },
    headers: sameOrigin(baseURL),
    maxRedirects: 0,
  });
  expect(response.status(), `login of ${email}`).toBe(302);
  expect(response.headers()["location"]).toBe("/search");
  return response;
}

/**
 * Waits until the knowledge base search (as the page's user) lists a result with this exact title.
 * The search index is derived and updated by a worker; this polls the search page.
 */
export async function expectSearchable(page: Page, query: string, title: string, timeout = 15_000) {
  await expect
    .poll(async () => (await searchTitles(page, query)).includes(title), { timeout, intervals: [100, 200, 300, 500], message: `"${title}" found for "${query}"` })
    .toBe(true);
}

/** The titles the search page lists for this query, as the page's user sees them. */
export async function searchTitles(page: Page | APIRequestContext, query: string): Promise<string[]> {
  return (await searchResults(page, query)).entries.map((hit) => hit.title);
}

export type SearchResults = { total: number; entries: { id: string; title: string }[]; questions: { id: string; title: string }[] };

/**
 * The search page for this query as a plain page request (the HTML a browser gets, no framework
 * data protocol): the count it states, the entry results and the questions beside them.
 */
export async function searchResults(client: Page | APIRequestContext, query: string): Promise<SearchResults> {
  const api = "request" in client ? client.request : client;
  const response = await api.get(`/search?q=${encodeURIComponent(query)}`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  // The count's own text, without the link beside it (to the filters, on a phone).
  const count = (/<p class="result-count">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? "").replace(/<a[\s\S]*?<\/a>/g, "").replace(/<[^>]+>/g, "").trim();
  const total = count === nl("search.results", { count: 1 }) ? 1 : Number(/\d+/.exec(count)?.[0] ?? 0);
  const list = /<ol class="result-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? "";
  const asked = /<section class="question-hits"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  return { total, entries: links(list, "entries"), questions: links(asked, "questions") };
}

/** The links to /{kind}/{id} in a piece of server-rendered HTML, with their text (highlight marks removed). */
function links(html: string, kind: string) {
  return [...html.matchAll(new RegExp(`<a[^>]*href="/${kind}/([^"?#]+)"[^>]*>([\\s\\S]*?)</a>`, "g"))].map((m) => ({ id: m[1], title: unescapeHtml(m[2].replace(/<[^>]+>/g, "")) }));
}

function unescapeHtml(s: string) {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

export function escapeHtml(s: string) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Fails the test when any dialog (alert, confirm, prompt) opens: hostile input must never execute. */
export function failOnDialog(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return dialogs;
}

/** Waits until React has hydrated this element (its props are attached), so its handlers run. */
export async function hydrated(locator: Locator) {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps"))), { message: "page hydrated" })
    .toBe(true);
}

/** The rich-text editor is mounted (it replaces the textarea after hydration). */
export async function editorReady(page: Page) {
  await expect(page.getByRole("button", { name: nl("editor.bold") }).first()).toBeVisible();
}

/** Keyboard only: presses Tab (or Shift+Tab) until the target has focus. */
export async function tabTo(page: Page, target: Locator, { max = 200, backwards = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${target} with the keyboard in ${max} presses`);
}

/** Collects every response with a 5xx status: bad input must never crash the server. */
export function watchServerErrors(page: Page) {
  const errors: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}
