/**
 * A real OpenID provider for the tests (the `oidc-provider` package, as identity servers are built
 * with it): authorization code flow with PKCE required, ID tokens signed with RS256, a UserInfo
 * endpoint with the profile's claims (groups, department), RP-initiated logout, and accounts the tests
 * register with the claims they need. Its sign-in and sign-out pages are plain forms of its own, with
 * nothing loaded from elsewhere.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import { TEST_OIDC } from "./oidc-test-client";

export type TestAccount = {
  email?: string;
  /** Default true. */
  emailVerified?: boolean;
  name?: string;
  groups?: string[];
  department?: string;
};

export type TestOidcProvider = {
  issuer: string;
  /** Registers an account: its id is what one types as the login at the provider (and the subject). */
  addAccount: (id: string, account: TestAccount) => void;
  stop: () => Promise<void>;
};

// A fixed signing key: an app server that read the key set keeps trusting a provider started again.
const SIGNING_KEY = {"kty":"RSA","n":"rQYQiiGK92B08bPIMdn5xfJanQzSbxTf0mS74-gMBfLbaqlaQznEKLNYaIB895oCvU_nyCNfleSgodWVsaevjYxSDKB8XKi9kB2ZUqui3NdlnnzpQN_XFTx_bt5vi-vP824po-Go7WvoDFaZ8bAUHHj6uLn4pfwTehFMmPrgODEYj_KwZ-byaqsh1YXwPEblHi0UQKuPGqh8edTQGeWX9H4idqBbLZannC79C1qtIlxUggwh9XhsGz5kfoPv-t1K237Tu5_oTMQCefJPviBls4wvE1iU1nbSUdzJ8JXOdgXh1cApitdmvHghGKaTQU-KUYUtISL7XSnlA47164C44w","e":"AQAB","d":"NTKmJzJE_eZEToROSzWP3FK1lY_5q3mpj5C1TE9uUu3mlJbZT84VB8aMqiTHR4Gs0fQdeaWWoAmZceivi93Y1haMq6E0W3DuR78yAv8OpgP8FIynUvD_umHNdJMjjMvGNjxqxR5-x_DjedeuoWbX6CEyRVW4o6ArhN6IxIhuJBhCFMK8JnGgEyWvjkQJCU2G3zXtgtQH_L90yHLzLTKVHYv3lZ5p5gwCd3TwZqXRi1X1L1wq6y2SQ-llrVpJWrc9W5dyEwdJyL8gEqzBDwKb3mXEf5QIC7IR9K4ydFYxLU7yDqumlrcNgncBWTnEz65ckf0o5jqJRV9FstNqwvH1gQ","p":"6xZ_WpSeC4IwWIqdGfhkF1qAMnkPzxgf9YQlATMVcWMmc2a4eWcUvmChwJfQznSr4ouK1u4NJmzbDMm8ZPA7CgBYJY6Q8pBm0glAjJHHCl2QTc23P-slhTrAw8ZB4pHhXlNejLPZ9nAHOCg6GOOYfi_m4cA5z2es3I3mUXqGriE","q":"vGo4TC4gV4nOoORpv3S3OXCtjw_68uUkRH1m402y7QOEy-64meLkFinMTdyuE2ntueFY43fs_pEYY9ekRA9tuyqfIBSY5bo307LGF-QqQw6dCmSL95gGJPwSZ6eQC9zSupOP0QAu6HDFHn_SA3t63-oaJ3UX1Gyz2l2bdcj13oM","dp":"GP-ecUpmeADTFUdAJ3fTZOxZv4RCGxqMo3X23WbKO_F4MENXEInWmdv6t1ktehbMBF4kWHCd810V-gklwHIPRSP-O5gqb7DNTj5vn8MMsFx8sNlUSDbAGafCwc6-SNKMbZRd9IZXgi4thlo4u1bQa3K6kXz4aMa0iguI11c5JSE","dq":"YCHaA5RtT_yx_olMIzFL4vTIuPuwUIn1TTSmcEdOiXuIH_z3Fx0avuwon3l_H8ymTHbbwYOI2gHx7c8ysr8kf6Cpe9bGhD_VCCBozfvOTFSCb7EJcRSR3gD26wgliMfshOGROVPcmyAekwcogjpYYTKykXs-41VrFnk4PoqAWD0","qi":"qoV3ZfPVfXizZeR9d0hbA09gCEM3VXk2eqq7jSCb9ZbK8cwTzclTEn5Phv5ywPf9OaNZKm1iEnK7-j5c0V9L7M4BEuMfbo_Yf7gT8-mYc6GL2zlFmAtz4-5zZI_BUmeGVds1E9O3XGLEtPRxL52aZh--PtIiRTA0ItLLB4dD7EU","kid":"gilde-test-provider","alg":"RS256","use":"sig"};

const page = (title: string, body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>` +
  `<style>body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem}label,input,button{display:block;width:100%;margin:.3rem 0;box-sizing:border-box}input,button{padding:.5rem;font:inherit}</style>` +
  `</head><body><main><h1>${title}</h1>${body}</main></body></html>`;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startOidcProvider({ port = 0, appUrl }: { port?: number; appUrl: string }): Promise<TestOidcProvider> {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_OIDC.clientId,
        client_secret: TEST_OIDC.clientSecret,
        redirect_uris: [`${appUrl}/auth/oidc/callback`],
        post_logout_redirect_uris: [`${appUrl}/login`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    // Gilde must prove it holds the verifier of the challenge it sent.
    pkce: { required: () => true },
    jwks: { keys: [SIGNING_KEY] },
    cookies: { keys: ["gilde-test-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups", "department"] },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return { sub, email: account.email, email_verified: account.emailVerified ?? true, name: account.name, groups: account.groups, department: account.department };
        },
      };
    },
    // Gilde is a first-party client: the people of this provider are never asked for consent.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const existing = ctx.oidc.session?.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = page(
            "Afmelden bij Gilde-ID",
            `${form}<p>Wil je je ook bij Gilde-ID afmelden?</p><button type="submit" form="op.logoutForm" name="logout" value="yes">Ja, afmelden</button><button type="submit" form="op.logoutForm">Nee</button>`,
          );
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = page("Afgemeld", "<p>Je bent afgemeld bij Gilde-ID.</p>");
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = page("Fout bij Gilde-ID", `<pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error("another interaction");
    if (action === "abort") {
      return provider.interactionFinished(req, res, { error: "access_denied", error_description: "cancelled at the provider" }, { mergeWithLastSubmission: false });
    }
    if (action === "login" && req.method === "POST") {
      const form = new URLSearchParams(await body(req));
      const login = form.get("login") ?? "";
      if (accounts.has(login)) return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
    }
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      page(
        "Aanmelden bij Gilde-ID",
        `<form method="post" action="/interaction/${uid}/login"><label for="login">Gebruikersnaam</label><input id="login" name="login" required autocomplete="off">` +
          `<label for="password">Wachtwoord</label><input id="password" name="password" type="password" required><button type="submit">Inloggen</button></form>` +
          `<p><a href="/interaction/${uid}/abort">Annuleren</a></p>`,
      ),
    );
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    // Browsers ask every site for an icon; a 404 would be a console error in the journeys.
    if (path === "/favicon.ico") {
      res.statusCode = 204;
      return res.end();
    }
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(path);
    if (!match) return callback(req, res);
    interaction(req, res, match[1], match[2]).catch((error: unknown) => {
      res.statusCode = 400;
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.end(page("Fout bij Gilde-ID", `<p>${escape(error instanceof Error ? error.message : String(error))}</p>`));
    });
  });

  return {
    issuer,
    addAccount: (id, account) => accounts.set(id, account),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => resolve(text));
    req.on("error", reject);
  });
}

/**
 * Goes through a sign-in at the provider as a browser would, without one: from Gilde's redirect to
 * the provider, through its login form (as `login`, or cancelling with null), to the redirect back to
 * Gilde's callback, whose URL it returns (with code and state).
 */
export async function signInAtProvider(authorizationUrl: string, login: string | null, callbackPrefix: string): Promise<string> {
  const cookies = new Map<string, string>();
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let hop = 0; hop < 12; hop++) {
    if (url.startsWith(callbackPrefix)) return url;
    const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair.split("=");
      cookies.set(name.trim(), value.join("="));
    }
    init = {};
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      continue;
    }
    const html = await response.text();
    const uid = /\/interaction\/([\w-]+)\/login/.exec(html)?.[1];
    if (!uid) throw new Error(`the provider answered ${response.status} at ${url}: ${html.slice(0, 300)}`);
    const base = new URL(url).origin;
    if (login === null) {
      url = `${base}/interaction/${uid}/abort`;
    } else {
      url = `${base}/interaction/${uid}/login`;
      init = { method: "POST", body: new URLSearchParams({ login, password: "any" }).toString(), headers: { "content-type": "application/x-www-form-urlencoded" } };
    }
  }
  throw new Error("too many redirects at the provider");
}
