/**
 * Single sign-on with OpenID Connect (issue 16, docs/decisions/0057), through `openid-client`:
 * authorization code flow with PKCE, state and nonce.
 *
 * Between the redirect to the provider and its answer, the flow's secrets (state, nonce, PKCE verifier)
 * and where to go afterwards wait in a short-lived HttpOnly cookie of this browser: the answer is only
 * accepted from the browser that started it, and no table or server memory holds half-finished sign-ins,
 * so any app server can take the callback. A changed cookie only breaks its own owner's sign-in: the
 * provider checks the verifier against the challenge it saw, and the ID token carries the nonce.
 */
import * as oidc from "openid-client";
import { z } from "zod";
import { appUrl, getEnv, type Env } from "./env.server";
import { safeRedirect } from "./safe-redirect";
import { cookieIsSecure } from "./session.server";
import type { Claims, ClaimMapping } from "./sso-claims";

export const SSO_START_PATH = "/auth/oidc/start";
export const SSO_CALLBACK_PATH = "/auth/oidc/callback";
/** Where the provider sends people back after signing out there (RP-initiated logout). */
export const SSO_AFTER_LOGOUT_PATH = "/login";
/** How long a started sign-in may take at the provider. */
const FLOW_SECONDS = 10 * 60;
/** Seconds Gilde waits for the provider on any one request. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider as people know it: "Aanmelden met {name}". */
  name: string;
  scopes: string;
  mapping: ClaimMapping;
};

/** The configured provider, or null when single sign-on is off. */
export function ssoSettings(env: Env = getEnv()): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_PROVIDER_NAME ?? new URL(env.OIDC_ISSUER).hostname,
    scopes: env.OIDC_SCOPES,
    mapping: { roleClaim: env.OIDC_ROLE_CLAIM, roleMap: env.OIDC_ROLE_MAP, departmentClaim: env.OIDC_DEPARTMENT_CLAIM, departmentMap: env.OIDC_DEPARTMENT_MAP },
  };
}

export type SsoErrorKey =
  | "sso.error.expired"
  | "sso.error.failed"
  | "sso.error.cancelled"
  | "sso.error.unavailable"
  | "sso.error.disabled"
  | "sso.error.emailUnverified"
  | "sso.error.linkedElsewhere";

/** A sign-in the login page explains: the message, and the status of the page that shows it. */
export class SsoError extends Error {
  constructor(
    readonly key: SsoErrorKey,
    readonly status: 400 | 403 | 503,
    options?: { cause?: unknown },
  ) {
    super(key, options);
  }
}

// The provider's metadata, fetched once per issuer and client; a failed fetch is tried again next time.
let discovered: { key: string; configuration: Promise<oidc.Configuration> } | null = null;

async function providerConfiguration(settings: SsoSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer}\n${settings.clientId}\n${settings.clientSecret}`;
  if (discovered?.key !== key) {
    const pending = oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      // The environment check allows plain http only for a provider on this machine (a test provider).
      execute: new URL(settings.issuer).protocol === "http:" ? [oidc.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_SECONDS,
    });
    discovered = { key, configuration: pending };
    pending.catch(() => {
      if (discovered?.configuration === pending) discovered = null;
    });
  }
  try {
    return await discovered.configuration;
  } catch (error) {
    console.error(`[sso] the provider's metadata could not be read from ${settings.issuer}:`, error instanceof Error ? error.message : error);
    throw new SsoError("sso.error.unavailable", 503, { cause: error });
  }
}

function callbackUrl(): string {
  return `${appUrl()}${SSO_CALLBACK_PATH}`;
}

// ---------------------------------------------------------------------------------------------
// The flow cookie
// ---------------------------------------------------------------------------------------------

const FlowSchema = z.object({
  state: z.string().min(16).max(200),
  nonce: z.string().min(16).max(200),
  verifier: z.string().min(43).max(128),
  redirectTo: z.string().max(2000),
});
type Flow = z.infer<typeof FlowSchema>;

function flowCookieName(request: Request) {
  return cookieIsSecure(request) ? "__Host-gilde_sso" : "gilde_sso";
}

function flowCookie(request: Request, value: string, maxAge: number): string {
  const parts = [`${flowCookieName(request)}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`];
  if (cookieIsSecure(request)) parts.push("Secure");
  return parts.join("; ");
}

/** Clears the flow cookie: every answer of the callback sends it, so a flow is used at most once. */
export function clearFlowCookie(request: Request): string {
  return flowCookie(request, "", 0);
}

function readFlow(request: Request): Flow | null {
  const name = flowCookieName(request);
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      const parsed = FlowSchema.safeParse(JSON.parse(Buffer.from(v.join("="), "base64url").toString("utf8")));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Sign in, and out
// ---------------------------------------------------------------------------------------------

/** Starts a sign-in: where to send the browser at the provider, and the cookie that remembers the flow. */
export async function startSsoSignIn(request: Request, settings: SsoSettings, redirectTo: unknown): Promise<{ location: string; cookie: string }> {
  const configuration = await providerConfiguration(settings);
  const flow: Flow = {
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    redirectTo: safeRedirect(redirectTo, "/search"),
  };
  const location = oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(),
    scope: settings.scopes,
    response_type: "code",
    code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return { location: location.href, cookie: flowCookie(request, Buffer.from(JSON.stringify(flow)).toString("base64url"), FLOW_SECONDS) };
}

export type SsoAnswer = {
  issuer: string;
  subject: string;
  /** The ID token's claims, completed by the UserInfo endpoint's. */
  claims: Claims;
  idToken: string;
  redirectTo: string;
};

/**
 * Finishes a sign-in from the provider's answer at the callback: checks state, exchanges the code
 * with the PKCE verifier, checks the ID token (signature, issuer, audience, nonce) and reads the
 * person's claims. Any refusal is an SsoError the login page explains; a 500 is left to real bugs.
 */
export async function finishSsoSignIn(request: Request, settings: SsoSettings): Promise<SsoAnswer> {
  const flow = readFlow(request);
  if (!flow) throw new SsoError("sso.error.expired", 400);
  const configuration = await providerConfiguration(settings);
  // The answer as the provider addressed it: behind a proxy, request.url may name another host.
  const current = new URL(callbackUrl());
  current.search = new URL(request.url).search;
  try {
    const tokens = await oidc.authorizationCodeGrant(configuration, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new SsoError("sso.error.failed", 400);
    let claims: Claims = { ...idClaims };
    // Providers often keep the profile's claims (email, groups) out of the ID token: ask for them.
    if (configuration.serverMetadata().userinfo_endpoint) {
      claims = { ...claims, ...(await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub)) };
    }
    return { issuer: idClaims.iss, subject: idClaims.sub, claims, idToken: tokens.id_token, redirectTo: safeRedirect(flow.redirectTo, "/search") };
  } catch (error) {
    throw explain(error);
  }
}

/** What went wrong at the callback, for the person who tried: their fault, the provider's, or nobody's. */
function explain(error: unknown): unknown {
  if (error instanceof SsoError) return error;
  if (error instanceof oidc.AuthorizationResponseError) {
    return new SsoError(error.error === "access_denied" ? "sso.error.cancelled" : "sso.error.failed", 400, { cause: error });
  }
  if (error instanceof oidc.ResponseBodyError) {
    return new SsoError(error.status >= 500 ? "sso.error.unavailable" : "sso.error.failed", error.status >= 500 ? 503 : 400, { cause: error });
  }
  if (error instanceof oidc.ClientError || error instanceof oidc.WWWAuthenticateChallengeError) {
    const unreachable = error instanceof oidc.ClientError && (error.code === "OAUTH_TIMEOUT" || error.code === "OAUTH_ABORT" || error.code === "OAUTH_RESPONSE_IS_NOT_CONFORM");
    return new SsoError(unreachable ? "sso.error.unavailable" : "sso.error.failed", unreachable ? 503 : 400, { cause: error });
  }
  // fetch() says "fetch failed" when the provider does not answer at all.
  if (error instanceof TypeError && error.message === "fetch failed") return new SsoError("sso.error.unavailable", 503, { cause: error });
  return error;
}

/**
 * Where to send someone who signs out of a single sign-on session: the provider's end-session
 * endpoint when it has one (RP-initiated logout), which sends them back to the login page; null
 * when it has none or cannot be reached, and then only Gilde's session ends.
 */
export async function ssoLogoutUrl(settings: SsoSettings, idToken: string): Promise<string | null> {
  let configuration: oidc.Configuration;
  try {
    configuration = await providerConfiguration(settings);
  } catch {
    return null;
  }
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return oidc.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: `${appUrl()}${SSO_AFTER_LOGOUT_PATH}` }).href;
}

export type LoginOptions = {
  /** The button "Aanmelden met {name}", when single sign-on is configured. */
  sso: { name: string; startUrl: string } | null;
  /** false with PASSWORD_LOGIN=off: the password form is only there for the break-glass admin. */
  passwordLogin: boolean;
};

/** How the login page offers to sign in; `redirectTo` is where the person wanted to go. */
export function loginOptions(request: Request): LoginOptions {
  const settings = ssoSettings();
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  const target = redirectTo ? safeRedirect(redirectTo, "") : "";
  return {
    sso: settings ? { name: settings.name, startUrl: target ? `${SSO_START_PATH}?redirectTo=${encodeURIComponent(target)}` : SSO_START_PATH } : null,
    passwordLogin: getEnv().PASSWORD_LOGIN === "on",
  };
}
