/**
 * Pages stay light (issue 14): hashed build files are cached for good and everything else is not,
 * text answers are compressed as the browser asks, a page fetches only its reader's dictionary, and
 * the editor's code only where someone writes — after the page works, with the textarea meanwhile.
 */
import http from "node:http";
import zlib from "node:zlib";
import { expect, nl, test } from "./support/fixtures";
import { editorReady, hydrated, MAIN_URL, marker, SESSION_COOKIE } from "./support/app";
import { createUser, publishedEntry, TEST_PASSWORD } from "./support/data";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET with exactly these headers; node:http neither asks for nor undoes compression by itself. */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${MAIN_URL}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

function decoded(r: Raw): string {
  const encoding = r.headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(r.body).toString("utf8");
  if (encoding === "gzip") return zlib.gunzipSync(r.body).toString("utf8");
  return r.body.toString("utf8");
}

const IMMUTABLE = "public, max-age=31536000, immutable";
const modulePreloads = (html: string) => [...html.matchAll(/<link [^>]*rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
/** A page without its per-request CSP nonces, to compare two answers. */
const withoutNonces = (html: string) => html.replace(/ nonce="[^"]*"/g, "");
const stylesheets = (html: string) => [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);

async function sessionCookie(email: string): Promise<string> {
  const body = new URLSearchParams({ email, password: TEST_PASSWORD }).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${MAIN_URL}/login`,
      { method: "POST", headers: { Origin: MAIN_URL, "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) } },
      (res) => {
        res.resume();
        const cookie = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
        if (res.statusCode === 302 && cookie) resolve(cookie);
        else reject(new Error(`login failed: ${res.statusCode}`));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("hashed build files are immutable, pages and unhashed files are not; HTML, JSON, JavaScript and CSS are compressed", async () => {
  const plain = await get("/login");
  expect(plain.status).toBe(200);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.headers["cache-control"] ?? "").not.toContain("immutable");
  const html = plain.body.toString("utf8");

  for (const encoding of ["gzip", "br"]) {
    const page = await get("/login", { "Accept-Encoding": encoding });
    expect(page.headers["content-encoding"], `HTML with ${encoding}`).toBe(encoding);
    expect(page.headers.vary).toContain("Accept-Encoding");
    expect(page.headers["cache-control"] ?? "").not.toContain("immutable");
    expect(page.body.length).toBeLessThan(plain.body.length);
    expect(withoutNonces(decoded(page))).toBe(withoutNonces(html));
  }

  const scripts = modulePreloads(html);
  const styles = stylesheets(html);
  expect(scripts.length).toBeGreaterThan(3);
  expect(styles.length).toBeGreaterThan(0);
  let compressedScripts = 0;
  for (const url of [...scripts, ...styles]) {
    expect(url, "every script and stylesheet of a page is a hashed build file").toMatch(/^\/build\/.+-[A-Z0-9]{8}\.(js|css)$/);
    const asset = await get(url, { "Accept-Encoding": "gzip, deflate, br" });
    expect(asset.status, url).toBe(200);
    expect(asset.headers["cache-control"], url).toBe(IMMUTABLE);
    // Files under the compression threshold (a few hundred bytes) go as they are.
    if (asset.headers["content-encoding"]) {
      expect(asset.headers["content-encoding"], url).toBe("br");
      compressedScripts++;
    } else expect(asset.body.length, url).toBeLessThan(1024);
  }
  expect(compressedScripts).toBeGreaterThan(2);
  const css = await get(styles[0], { "Accept-Encoding": "gzip" });
  expect(css.headers["content-encoding"]).toBe("gzip");
  expect(css.headers["content-type"]).toContain("text/css");

  // public/ holds files without a hash in their name: cached briefly, never for good.
  const favicon = await get("/favicon.svg");
  expect(favicon.status).toBe(200);
  expect(favicon.headers["cache-control"]).not.toContain("immutable");
  // A build file that does not exist is a 404, not cached.
  const missing = await get("/build/_shared/chunk-NOTTHERE.js");
  expect(missing.status).toBe(404);
  expect(missing.headers["cache-control"] ?? "").not.toContain("immutable");
});

test("data requests are compressed JSON, not cached for good", async () => {
  const user = await createUser("EMPLOYEE");
  const cookie = await sessionCookie(user.email);
  const data = await get("/search?q=spaarrekening&_data=routes%2Fsearch", { Cookie: cookie, "Accept-Encoding": "gzip" });
  expect(data.status).toBe(200);
  expect(data.headers["content-type"]).toContain("application/json");
  expect(data.headers["content-encoding"]).toBe("gzip");
  expect(data.headers["cache-control"] ?? "").not.toContain("immutable");
  expect(JSON.parse(decoded(data))).toHaveProperty("result");
});

test("the pages people read and write on preload no zod: forms are checked on the server, and the editor brings its own", async () => {
  const agent = await createUser("EMPLOYEE");
  const km = await createUser("KNOWLEDGE_MANAGER");
  const { entryId } = await publishedEntry(agent, km, { title: `Zonder zod ${marker()}`, text: "Een entry om de scripts van de pagina te tellen.", tags: ["spaarrekening"] });
  const pages: [string, string][] = [
    ["/login", ""],
    ["/search?q=spaarrekening", await sessionCookie(agent.email)],
    [`/entries/${entryId}`, await sessionCookie(agent.email)],
    ["/notes/new", await sessionCookie(agent.email)],
    ["/curation", await sessionCookie(km.email)],
  ];
  const zodIn = new Map<string, boolean>();
  const hasZod = async (url: string) => {
    if (!zodIn.has(url)) zodIn.set(url, (await get(url)).body.toString("utf8").includes('"$ZodType"'));
    return zodIn.get(url);
  };
  let editorChunk: string | undefined;
  for (const [path, cookie] of pages) {
    const page = await get(path, cookie ? { Cookie: cookie } : {});
    expect(page.status, path).toBe(200);
    const scripts = modulePreloads(page.body.toString("utf8"));
    expect(scripts.length, path).toBeGreaterThan(3);
    for (const url of scripts) {
      expect(await hasZod(url), `${path} preloads zod in ${url}`).toBe(false);
      editorChunk ??= /\/build\/_shared\/lexical-field-[A-Z0-9]{8}\.js/.exec((await get(url)).body.toString("utf8"))?.[0];
    }
  }
  // The check can fail: the editor's chunk, fetched once someone writes, does bring zod along.
  expect(editorChunk, "the new-note page names the editor's chunk").toBeDefined();
  const editorImports = [...(await get(editorChunk!)).body.toString("utf8").matchAll(/"(\/build\/_shared\/chunk-[A-Z0-9]{8}\.js)"/g)].map((m) => m[1]);
  expect(await Promise.all(editorImports.map(hasZod))).toContain(true);
});

test("a page preloads only its reader's dictionary", async () => {
  const dutch = await createUser("EMPLOYEE");
  const english = await createUser("EMPLOYEE", { locale: "en" });
  const dictionaries = async (email: string) =>
    modulePreloads(decoded(await get("/search", { Cookie: await sessionCookie(email) }))).filter((url) => /\/(nl|en)-[A-Z0-9]{8}\.js$/.test(url));
  expect(await dictionaries(dutch.email)).toEqual([expect.stringMatching(/\/nl-[A-Z0-9]{8}\.js$/)]);
  expect(await dictionaries(english.email)).toEqual([expect.stringMatching(/\/en-[A-Z0-9]{8}\.js$/)]);
});

test("the browser fetches one dictionary, and the editor's code only on a page with a rich-text field", async ({ page, login }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await login("EMPLOYEE");
  await page.goto("/search");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.waitForLoadState("networkidle");
  // The sign-in page and this one each ask for it (the second time from the browser's cache).
  const dictionaries = new Set(scripts.filter((s) => /\/(nl|en)-[A-Z0-9]{8}\.js$/.test(s)).map((s) => s.replace(/-[A-Z0-9]{8}\.js$/, "")));
  expect([...dictionaries]).toEqual(["/build/_shared/nl"]);
  expect(scripts.filter((s) => s.includes("lexical-field"))).toEqual([]);

  await page.goto("/notes/new");
  await editorReady(page);
  expect(scripts.filter((s) => s.includes("lexical-field"))).toHaveLength(1);
});

test("what is typed before the editor's code arrives is carried into the editor, and the writer goes on typing there", async ({ page, login }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/lexical-field-[A-Z0-9]{8}\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await login("EMPLOYEE");
  await page.goto("/notes/new");
  await hydrated(page.getByLabel(nl("note.field.title")));
  const textarea = page.locator('textarea[name="bodyPlain"]');
  await textarea.fill("Eerst getypt, dan de editor");
  release();
  await editorReady(page);
  const editor = page.getByRole("textbox", { name: nl("note.field.body") });
  await expect(editor).toHaveText("Eerst getypt, dan de editor");
  // The cursor moved along with the text: the next keys land at its end, not nowhere.
  await expect(editor).toBeFocused();
  await page.keyboard.type(" en verder.");
  await expect(editor).toHaveText("Eerst getypt, dan de editor en verder.");
});

test("the editor's code is fetched after the page has painted, not before", async ({ page, login }) => {
  await login("EMPLOYEE");
  await page.goto("/notes/new");
  await editorReady(page);
  const times = await page.evaluate(() => ({
    painted: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    editor: performance.getEntriesByType("resource").find((e) => /\/lexical-field-[A-Z0-9]{8}\.js$/.test(e.name))?.startTime,
  }));
  expect(times.painted, "the browser reports its first contentful paint").toBeDefined();
  expect(times.editor, "the editor's chunk was fetched").toBeDefined();
  expect(times.editor!).toBeGreaterThanOrEqual(times.painted!);
});

test("pages with forms break no rule of the content security policy: zod's schemas skip their eval probe", async ({ page, login }) => {
  // Recorded from the first script on: a violation is reported by the browser even when the page catches its error.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
  });
  await login("EMPLOYEE");
  for (const path of ["/search?q=spaarrekening", "/notes/new"]) {
    await page.goto(path);
    await hydrated(page.locator("main form").first());
    // The new-note page also loads the editor's code, with its own schemas.
    if (path === "/notes/new") await editorReady(page);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations), path).toEqual([]);
  }
});
