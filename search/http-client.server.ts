/**
 * Meilisearch requests over node:http with keep-alive connections.
 *
 * Why not the built-in fetch: it always asks for gzip, and a compressed Meilisearch answer arrives
 * ~40 ms late on loopback (measured in tests/bench, docs/benchmarks.md); Meilisearch itself answers in
 * ~3 ms. This client asks for no compression and keeps connections alive (docs/decisions/0007).
 */
import http from "node:http";
import https from "node:https";
import { MeiliSearchApiError, MeiliSearchRequestError } from "meilisearch";

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => (out[key] = value));
  return out;
}

async function bodyBuffer(body: BodyInit | null | undefined): Promise<Buffer | undefined> {
  if (body == null) return undefined;
  if (typeof body === "string") return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  return Buffer.from(await new Response(body).arrayBuffer());
}

/**
 * The `httpClient` of meilisearch-js: resolves with the parsed JSON, throws the library's own errors.
 * At most `maxConcurrent` requests are with Meilisearch at once; the others wait their turn in the agent
 * (docs/decisions/0069). `timeoutMs` counts from the call, the wait included.
 */
export function meiliHttpClient(timeoutMs: number, maxConcurrent = 64) {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: maxConcurrent }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: maxConcurrent }),
  };
  return async (input: RequestInfo | URL, init: RequestInit = {}): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const body = await bodyBuffer(init.body);
    const headers = headerRecord(init.headers);
    if (body) headers["content-length"] = String(body.length);
    const transport = url.protocol === "https:" ? https : http;
    if (init.signal?.aborted) throw new MeiliSearchRequestError(url.toString(), init.signal.reason);
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        { method: init.method ?? "GET", headers, agent: agents[url.protocol as "http:"] },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", (error) => reject(new MeiliSearchRequestError(url.toString(), error)));
          response.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown;
            try {
              parsed = text === "" ? undefined : JSON.parse(text);
            } catch (error) {
              return reject(new MeiliSearchRequestError(url.toString(), error));
            }
            const status = response.statusCode ?? 500;
            if (status >= 400) {
              const fake = new Response(null, { status, statusText: response.statusMessage ?? "" });
              return reject(new MeiliSearchApiError(fake, parsed as never));
            }
            resolve(parsed);
          });
        },
      );
      const fail = (error: unknown) => {
        request.destroy();
        reject(new MeiliSearchRequestError(url.toString(), error));
      };
      const timer = setTimeout(() => fail(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      timer.unref?.();
      // meilisearch-js reuses one signal while it polls a task: remove the listener when the request ends.
      const onAbort = () => fail(init.signal?.reason ?? new Error("aborted"));
      init.signal?.addEventListener("abort", onAbort, { once: true });
      request.on("close", () => {
        clearTimeout(timer);
        init.signal?.removeEventListener("abort", onAbort);
      });
      request.on("error", (error) => reject(new MeiliSearchRequestError(url.toString(), error)));
      request.end(body);
    });
  };
}

/** Meilisearch's error code (e.g. "index_not_found"), however deep the client wrapped it. */
export function meiliErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code.includes("_")) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * An error with the causes it wraps, for the server log: the client's own message ("Request to … has
 * failed") says nothing about why; the cause does ("timed out after 1500 ms", "connect ECONNREFUSED …").
 */
export function describeSearchError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    const message = current instanceof Error ? current.message : String(current);
    const code = (current as { code?: unknown }).code;
    const part = typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
    if (part && !parts.includes(part)) parts.push(part);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(": ");
}
