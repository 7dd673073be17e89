/**
 * Single sign-on against a real OpenID provider (oidc-provider, started here): the routes' loaders
 * and actions as the server calls them, the provider over HTTP. Sign-in, provisioning, linking,
 * role and department from claims, refusals (state, nonce, code, disabled, unverified email,
 * provider down) as a 4xx login page, never a 500; PASSWORD_LOGIN=off and the break-glass admin;
 * logout at the provider (docs/decisions/0057, 0058).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { nl } from "~/utils/i18n/nl";
import { getUser } from "~/utils/session.server";
import { setUserDisabled } from "~/commands/manage-user.server";
import * as startRoute from "~/routes/auth.oidc.start";
import * as callbackRoute from "~/routes/auth.oidc.callback";
import * as loginRoute from "~/routes/login";
import * as logoutRoute from "~/routes/logout";
import { startOidcProvider, signInAtProvider, type TestAccount, type TestOidcProvider } from "../support/oidc-provider";
import { testOidcEnv } from "../support/oidc-test-client";
import { limitKind } from "../../server/limits";
import { actorFor, makeDepartment, makeUser, TEST_PASSWORD, uid } from "../support/factories";

const APP = "http://localhost:3000";
const CALLBACK = `${APP}/auth/oidc/callback`;
const FLOW_COOKIE = "__Host-gilde_sso";
const SESSION_COOKIE = "__Host-gilde_session";

let provider: TestOidcProvider;
const baseEnv = { ...process.env };

function configure(extra: Record<string, string> = {}) {
  for (const key of Object.keys(process.env)) if (!(key in baseEnv)) delete process.env[key];
  Object.assign(process.env, testOidcEnv(provider.issuer), { APP_URL: APP }, extra);
  resetEnvCache();
}

beforeAll(async () => {
  provider = await startOidcProvider({ appUrl: APP });
  configure();
});
afterEach(() => configure());
afterAll(async () => {
  await provider.stop();
  for (const key of Object.keys(process.env)) if (!(key in baseEnv)) delete process.env[key];
  resetEnvCache();
});

const args = (request: Request) => ({ request, params: {}, context: { cspNonce: "" } });

/** A loader's or action's answer, thrown (redirects, 404) or returned. */
async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function cookiePair(response: Response, name: string): string | undefined {
  return response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(";")[0];
}

/** "Aanmelden met Gilde-ID": Gilde's redirect to the provider and the flow cookie it set. */
async function start(redirectTo?: string) {
  const url = `${APP}/auth/oidc/start${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`;
  const response = await answer(() => startRoute.loader(args(new Request(url))));
  expect(response.status).toBe(302);
  const flow = cookiePair(response, FLOW_COOKIE);
  expect(flow).toBeTruthy();
  return { location: response.headers.get("location")!, flow: flow! };
}

function callback(url: string, cookie?: string) {
  return answer(() => callbackRoute.loader(args(new Request(url, { headers: cookie ? { cookie } : {} }))));
}

/** A whole sign-in as `login` at the provider; returns the callback's answer. */
async function signIn(login: string, { redirectTo }: { redirectTo?: string } = {}) {
  const { location, flow } = await start(redirectTo);
  return callback(await signInAtProvider(location, login, CALLBACK), flow);
}

function account(overrides: TestAccount = {}): { id: string; email: string } {
  const id = uid("sso-");
  const email = overrides.email ?? `${id}@bank.example`;
  provider.addAccount(id, { email, name: `Persoon ${id}`, ...overrides });
  return { id, email };
}

/**
 * Two sign-ins of `login` (two tabs, or a double click on "Aanmelden met …"): both come back from the
 * provider before either callback runs, then the two callbacks run at once; their answers.
 */
async function signInTwiceAtOnce(login: string) {
  const answers = await Promise.all(
    [0, 1].map(async () => {
      const { location, flow } = await start();
      return { url: await signInAtProvider(location, login, CALLBACK), flow };
    }),
  );
  return Promise.all(answers.map((a) => callback(a.url, a.flow)));
}

/** The login page's data of a refused sign-in: its status, and the message in Dutch. */
async function refusal(response: Response) {
  const data = (await response.json()) as { ssoError?: { key: keyof typeof nl; vars?: Record<string, string> } };
  expect(data.ssoError, "the login page shows why").toBeTruthy();
  const text = String(nl[data.ssoError!.key]).replace(/\{(\w+)\}/g, (_, v: string) => String(data.ssoError!.vars?.[v] ?? ""));
  return { status: response.status, key: data.ssoError!.key, text };
}

/** Why a sign-in of the pair was refused, for the message of a failing test. */
async function refusedWhy(responses: Response[]) {
  const refused = responses.filter((r) => r.status !== 302);
  return (await Promise.all(refused.map(async (r) => `${r.status} ${await r.clone().text()}`))).join("; ") || "none refused";
}

async function sessionUser(response: Response) {
  const pair = cookiePair(response, SESSION_COOKIE);
  expect(pair, "a session cookie").toBeTruthy();
  return getUser(new Request(`${APP}/search`, { headers: { cookie: pair! } }));
}

describe("signing in with the provider", () => {
  it("sends the browser to the provider with PKCE (S256), state and nonce", async () => {
    const { location, flow } = await start("/notes");
    const url = new URL(location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK);
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    // The verifier stays in the browser's HttpOnly cookie, never in the URL.
    expect(location).not.toContain(JSON.parse(Buffer.from(flow.split("=")[1], "base64url").toString()).verifier);
  });

  it("provisions a new person as an employee of the department the claim names, and finds them again by subject", async () => {
    const department = await makeDepartment();
    const person = account({ department: department.name.toUpperCase() });
    const first = await signIn(person.id, { redirectTo: "/notes" });
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toBe("/notes");
    expect(cookiePair(first, FLOW_COOKIE)).toBe(`${FLOW_COOKIE}=`);
    const user = await db.user.findUniqueOrThrow({ where: { email: person.email }, include: { externalIdentities: true } });
    expect(user).toMatchObject({ role: "EMPLOYEE", departmentId: department.id, name: `Persoon ${person.id}`, passwordHash: "" });
    expect(user.externalIdentities).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: person.id })]);
    expect(await sessionUser(first)).toMatchObject({ id: user.id, role: "EMPLOYEE" });
    const audit = await db.auditEvent.findMany({ where: { targetType: "user", targetId: user.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, details: true } });
    expect(audit.map((a) => a.action)).toEqual(["user.create", "user.signIn"]);
    expect(JSON.parse(audit[0].details)).toMatchObject({ via: "sso", role: "EMPLOYEE" });
    expect(audit.every((a) => a.actorId === user.id)).toBe(true);

    const again = await signIn(person.id);
    expect(again.headers.get("location")).toBe("/search");
    expect((await sessionUser(again))?.id).toBe(user.id);
    expect(await db.user.count({ where: { email: person.email } })).toBe(1);
    // A password never signs this person in: they have none.
    const post = await answer(() => loginRoute.action(args(loginPost(person.email, "any-password-at-all"))));
    expect(post.status).toBe(400);
  });

  it("gives the mapped role, and later sign-ins follow the claims: an unmapped group falls back to employee", async () => {
    const person = account({ groups: ["iedereen", "gilde-kennisbeheer"] });
    const first = await signIn(person.id);
    expect((await sessionUser(first))?.role).toBe("KNOWLEDGE_MANAGER");
    const firstSession = cookiePair(first, SESSION_COOKIE)!;

    provider.addAccount(person.id, { email: person.email, groups: ["marketing"] });
    const second = await signIn(person.id);
    expect((await sessionUser(second))?.role).toBe("EMPLOYEE");
    // A new role ends the sessions signed in under the old one.
    expect(await getUser(new Request(`${APP}/search`, { headers: { cookie: firstSession } }))).toBeNull();
    const update = await db.auditEvent.findFirstOrThrow({ where: { action: "user.update", targetId: (await sessionUser(second))!.id } });
    expect(JSON.parse(update.details)).toMatchObject({ via: "sso", from: { role: "KNOWLEDGE_MANAGER" }, to: { role: "EMPLOYEE" } });

    const unmapped = account({ groups: ["gilde-onbekend"] });
    expect((await sessionUser(await signIn(unmapped.id)))?.role).toBe("EMPLOYEE");
    const admin = account({ groups: ["gilde-beheer", "gilde-kennisbeheer"] });
    expect((await sessionUser(await signIn(admin.id)))?.role).toBe("ADMIN");
  });

  it("leaves the department as it is when the claim names one Gilde does not know", async () => {
    const department = await makeDepartment();
    const person = account({ department: department.name });
    const user = (await sessionUser(await signIn(person.id)))!;
    expect(user.departmentId).toBe(department.id);
    provider.addAccount(person.id, { email: person.email, department: "Een afdeling die niet bestaat" });
    expect((await sessionUser(await signIn(person.id)))?.departmentId).toBe(department.id);
  });

  it("links an existing password user with the same verified email instead of making a second one", async () => {
    const existing = await makeUser({ email: `${uid("linked-")}@bank.example`, role: "DEPARTMENT_HEAD" });
    const person = account({ email: existing.email, groups: ["gilde-afdelingshoofden"] });
    const response = await signIn(person.id);
    expect((await sessionUser(response))?.id).toBe(existing.id);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    expect(await db.externalIdentity.count({ where: { userId: existing.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.ssoLink", targetId: existing.id } })).toBe(1);
    // The password still works while password sign-in is on.
    const post = await answer(() => loginRoute.action(args(loginPost(existing.email, TEST_PASSWORD))));
    expect(post.status).toBe(302);
  });

  it("lets two first sign-ins of the same new person at once both in, as one user made once", async () => {
    // Several people, to meet the moment where both read "no such user" before either wrote one. On
    // PostgreSQL that moment comes (the suite runs there too); SQLite's transactions take the write lock
    // up front, so there they never overlap.
    for (let round = 0; round < 4; round++) {
      const person = account();
      const responses = await signInTwiceAtOnce(person.id);
      expect(responses.map((r) => r.status), `round ${round}: ${await refusedWhy(responses)}`).toEqual([302, 302]);
      const [first, second] = await Promise.all(responses.map(sessionUser));
      const user = await db.user.findUniqueOrThrow({ where: { email: person.email }, select: { id: true } });
      expect([first?.id, second?.id]).toEqual([user.id, user.id]);
      expect(await db.externalIdentity.count({ where: { issuer: provider.issuer, subject: person.id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "user.create", targetId: user.id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "user.signIn", targetId: user.id } })).toBe(2);
    }
  });

  it("links an existing user once when two first sign-ins arrive at once", async () => {
    for (let round = 0; round < 4; round++) {
      const existing = await makeUser({ email: `${uid("twice-")}@bank.example` });
      const person = account({ email: existing.email });
      const responses = await signInTwiceAtOnce(person.id);
      expect(responses.map((r) => r.status), `round ${round}: ${await refusedWhy(responses)}`).toEqual([302, 302]);
      expect((await Promise.all(responses.map(sessionUser))).map((u) => u?.id)).toEqual([existing.id, existing.id]);
      expect(await db.externalIdentity.count({ where: { userId: existing.id } })).toBe(1);
      expect(await db.auditEvent.count({ where: { action: "user.ssoLink", targetId: existing.id } })).toBe(1);
    }
  });

  it("links no account and makes none for an email the provider did not verify", async () => {
    const existing = await makeUser({ email: `${uid("unverified-")}@bank.example` });
    const person = account({ email: existing.email, emailVerified: false });
    const refused = await refusal(await signIn(person.id));
    expect(refused).toMatchObject({ status: 400, key: "sso.error.emailUnverified" });
    expect(refused.text).toContain("Gilde-ID gaf geen bevestigd e-mailadres door");
    expect(await db.externalIdentity.count({ where: { userId: existing.id } })).toBe(0);
    const stranger = account({ emailVerified: false });
    expect((await signIn(stranger.id)).status).toBe(400);
    expect(await db.user.count({ where: { email: stranger.email } })).toBe(0);
  });

  it("keeps a disabled user out, whether found by email or by an earlier link", async () => {
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    const byEmail = await makeUser({ email: `${uid("off-")}@bank.example` });
    await setUserDisabled(admin, byEmail.id, true);
    const refused = await signIn(account({ email: byEmail.email }).id);
    expect(refused.headers.getSetCookie().some((c) => c.startsWith(SESSION_COOKIE))).toBe(false);
    expect(await refusal(refused)).toMatchObject({ status: 403, key: "sso.error.disabled" });

    const person = account();
    const user = (await sessionUser(await signIn(person.id)))!;
    await setUserDisabled(admin, user.id, true);
    expect(await refusal(await signIn(person.id))).toMatchObject({ status: 403, key: "sso.error.disabled" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("a callback that does not add up is refused with a 4xx login page, never a 500", () => {
  it("a wrong state", async () => {
    const person = account();
    const { location, flow } = await start();
    const url = new URL(await signInAtProvider(location, person.id, CALLBACK));
    url.searchParams.set("state", "a-state-this-browser-never-sent-0000");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await callback(url.href, flow);
    // Refused for the state itself, as the server log tells the operator.
    expect(warn.mock.calls.flat().join(" ")).toContain('unexpected "state" response parameter value');
    warn.mockRestore();
    const refused = await refusal(response);
    expect(refused).toMatchObject({ status: 400, key: "sso.error.failed" });
    expect(refused.text).toBe("Je aanmelding bij Gilde-ID kon niet bevestigd worden. Probeer opnieuw; lukt het weer niet, meld het dan aan de beheerder.");
    expect(cookiePair(response, FLOW_COOKIE)).toBe(`${FLOW_COOKIE}=`);
    expect(await db.user.count({ where: { email: person.email } })).toBe(0);
  });

  it("a wrong nonce (the ID token answers another sign-in)", async () => {
    const person = account();
    const { location, flow } = await start();
    const callbackUrl = await signInAtProvider(location, person.id, CALLBACK);
    const [name, value] = flow.split("=");
    const tampered = { ...JSON.parse(Buffer.from(value, "base64url").toString()), nonce: "a-nonce-of-another-sign-in-000000" };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await callback(callbackUrl, `${name}=${Buffer.from(JSON.stringify(tampered)).toString("base64url")}`);
    expect(warn.mock.calls.flat().join(" ")).toContain('unexpected ID Token "nonce" claim value');
    warn.mockRestore();
    expect(await refusal(response)).toMatchObject({ status: 400, key: "sso.error.failed" });
    expect(await db.user.count({ where: { email: person.email } })).toBe(0);
  });

  it("a missing code, an invalid one, and one used twice", async () => {
    const person = account();
    let { location, flow } = await start();
    let url = new URL(await signInAtProvider(location, person.id, CALLBACK));
    url.searchParams.delete("code");
    expect(await refusal(await callback(url.href, flow))).toMatchObject({ status: 400, key: "sso.error.failed" });

    ({ location, flow } = await start());
    url = new URL(await signInAtProvider(location, person.id, CALLBACK));
    url.searchParams.set("code", "not-a-code-the-provider-gave");
    expect(await refusal(await callback(url.href, flow))).toMatchObject({ status: 400, key: "sso.error.failed" });

    ({ location, flow } = await start());
    const replayed = await signInAtProvider(location, person.id, CALLBACK);
    expect((await callback(replayed, flow)).status).toBe(302);
    expect(await refusal(await callback(replayed, flow))).toMatchObject({ status: 400, key: "sso.error.failed" });
  });

  it("no flow cookie (another browser, or too late), and a sign-in cancelled at the provider", async () => {
    const person = account();
    const { location, flow } = await start();
    const url = await signInAtProvider(location, person.id, CALLBACK);
    expect(await refusal(await callback(url))).toMatchObject({ status: 400, key: "sso.error.expired" });
    expect(await refusal(await callback(url, `${FLOW_COOKIE}=bm90LWpzb24`))).toMatchObject({ status: 400, key: "sso.error.expired" });
    expect(flow).toBeTruthy();

    const cancelled = await start();
    const back = await signInAtProvider(cancelled.location, null, CALLBACK);
    expect(new URL(back).searchParams.get("error")).toBe("access_denied");
    expect(await refusal(await callback(back, cancelled.flow))).toMatchObject({ status: 400, key: "sso.error.cancelled" });
  });

  it("a provider that does not answer: 503 on the login page", async () => {
    configure({ OIDC_ISSUER: "http://127.0.0.1:9" });
    const response = await answer(() => startRoute.loader(args(new Request(`${APP}/auth/oidc/start`))));
    expect(await refusal(response)).toMatchObject({ status: 503, key: "sso.error.unavailable" });
  });

  it("count against the login rate limit like the login form's post", () => {
    expect(limitKind("GET", "/auth/oidc/callback")).toBe("write");
    expect(limitKind("GET", "/auth/oidc/start")).toBe("write");
  });
});

function loginPost(email: string, password: string) {
  return new Request(`${APP}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ formId: "login", email, password }).toString(),
  });
}

describe("PASSWORD_LOGIN=off", () => {
  it("refuses a password, except the break-glass admin's, and never tells which address that is", async () => {
    const breakGlass = await makeUser({ email: `${uid("nood-")}@gilde.test`, role: "ADMIN" });
    const agent = await makeUser();
    configure({ PASSWORD_LOGIN: "off", BREAK_GLASS_EMAIL: breakGlass.email });

    const page = (await (await answer(() => loginRoute.loader(args(new Request(`${APP}/login`))))).json()) as { passwordLogin: boolean; sso: { name: string } };
    expect(page).toMatchObject({ passwordLogin: false, sso: { name: "Gilde-ID" } });

    const refused = await answer(() => loginRoute.action(args(loginPost(agent.email, TEST_PASSWORD))));
    expect(refused.status).toBe(403);
    expect(JSON.stringify(await refused.json())).toContain("sso.passwordOff");
    expect(await db.session.count({ where: { userId: agent.id } })).toBe(0);

    const wrong = await answer(() => loginRoute.action(args(loginPost(breakGlass.email, "not-the-password"))));
    expect(wrong.status).toBe(403);
    expect(JSON.stringify(await wrong.json())).toContain("sso.passwordOff");

    const allowed = await answer(() => loginRoute.action(args(loginPost(breakGlass.email, TEST_PASSWORD))));
    expect(allowed.status).toBe(302);
    expect(await db.auditEvent.count({ where: { action: "user.signIn", targetId: breakGlass.id, details: { contains: "password" } } })).toBe(1);
  });

  it("lets the break-glass address in only while it is an admin's", async () => {
    const demoted = await makeUser({ email: `${uid("nood-")}@gilde.test`, role: "EMPLOYEE" });
    configure({ PASSWORD_LOGIN: "off", BREAK_GLASS_EMAIL: demoted.email });
    expect((await answer(() => loginRoute.action(args(loginPost(demoted.email, TEST_PASSWORD))))).status).toBe(403);
  });

  it("still lets everyone in through the provider, and claims never change the break-glass admin", async () => {
    const breakGlass = await makeUser({ email: `${uid("nood-")}@gilde.test`, role: "ADMIN" });
    configure({ PASSWORD_LOGIN: "off", BREAK_GLASS_EMAIL: breakGlass.email });
    const person = account({ groups: ["gilde-kennisbeheer"] });
    expect((await sessionUser(await signIn(person.id)))?.role).toBe("KNOWLEDGE_MANAGER");
    const own = account({ email: breakGlass.email, groups: [] });
    expect((await sessionUser(await signIn(own.id)))?.role).toBe("ADMIN");
  });
});

describe("logging out", () => {
  it("ends a single sign-on session in Gilde and at the provider (RP-initiated logout)", async () => {
    const person = account();
    const signedIn = await signIn(person.id);
    const session = cookiePair(signedIn, SESSION_COOKIE)!;
    const user = (await sessionUser(signedIn))!;
    const response = await answer(() => logoutRoute.action(args(new Request(`${APP}/logout`, { method: "POST", headers: { cookie: session } }))));
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${APP}/login`);
    expect(location.searchParams.get("client_id")).toBe("gilde-test");
    expect(location.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(cookiePair(response, SESSION_COOKIE)).toBe(`${SESSION_COOKIE}=`);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.signOut", targetId: user.id, details: { contains: "sso" } } })).toBe(1);
    // The provider accepts the ID token it is handed back (a wrong one is a 400 there) and goes on to
    // end its session (without one, as here, at once; the journey shows its question in a browser).
    const atProvider = await fetch(location, { redirect: "manual" });
    expect(atProvider.status).toBe(200);
    expect(await atProvider.text()).toContain(`${provider.issuer}/session/end/confirm`);
    const forged = new URL(location);
    forged.searchParams.set("id_token_hint", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
    expect((await fetch(forged, { redirect: "manual" })).status).toBe(400);
  });

  it("ends a password session in Gilde only", async () => {
    const user = await makeUser();
    const signedIn = await answer(() => loginRoute.action(args(loginPost(user.email, TEST_PASSWORD))));
    const session = cookiePair(signedIn, SESSION_COOKIE)!;
    const response = await answer(() => logoutRoute.action(args(new Request(`${APP}/logout`, { method: "POST", headers: { cookie: session } }))));
    expect(response.headers.get("location")).toBe("/login");
    expect(await db.auditEvent.count({ where: { action: "user.signOut", targetId: user.id, details: { contains: "password" } } })).toBe(1);
  });
});
