/**
 * The server render: Remix's Node entry, plus this request's CSP nonce (from the Express app's load
 * context) for the scripts the page carries, and a 503 with Retry-After instead of a 500 when the
 * database stayed locked longer than its busy timeout (docs/decisions/0044, 0045) or could not be
 * reached (PostgreSQL restarting, connections lost: docs/decisions/0054).
 */
import { PassThrough, Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/utils/nonce";
import { isDatabaseUnavailable } from "~/utils/database-url";
import { warmUpDutch } from "~/models/search.server";

const ABORT_DELAY = 5_000;
/** Seconds a client is asked to wait after the database was too busy to answer. */
const BUSY_RETRY_AFTER = "5";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
  }
}

/**
 * What this build would otherwise prepare at its first request that needs it, done before the server takes
 * requests (server/main.ts): the Dutch dictionary of the search pipeline, a few hundred milliseconds of
 * CPU that would hold up every request of the process at once.
 */
export function warmUp(): void {
  warmUpDutch();
}

/** SQLite's "database is locked" after the busy timeout, or a database that cannot be reached now, however the driver wraps it. */
export function isDatabaseBusy(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const text = e instanceof Error ? `${(e as { code?: string }).code ?? ""} ${e.message}` : String(e);
    if (/SQLITE_BUSY|database is locked/i.test(text)) return true;
    e = e instanceof Error ? (e as { cause?: unknown }).cause : undefined;
  }
  return false;
}

const busyRequests = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (isDatabaseBusy(error)) busyRequests.add(request);
  if (!request.signal.aborted) console.error(error);
};

/** A data request whose loader or action met a locked database: 503, try again soon. */
export const handleDataRequest: HandleDataRequestFunction = (response, { request }) => {
  if (response.status === 500 && busyRequests.has(request)) {
    const headers = new Headers(response.headers);
    headers.set("Retry-After", BUSY_RETRY_AFTER);
    return new Response(response.body, { status: 503, headers });
  }
  return response;
};

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? "";
  const errors = Object.values(remixContext.staticHandlerContext.errors ?? {});
  if (responseStatusCode === 500 && (busyRequests.has(request) || errors.some(isDatabaseBusy))) {
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", BUSY_RETRY_AFTER);
  }
  const waitForAll = isbot(request.headers.get("user-agent")) || remixContext.isSpaMode;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const ready = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      const joined = pipe(joinedWrites());
      (nonce ? joined.pipe(preloadsWithNonce(nonce)) : joined).pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]: ready,
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell are logged by Remix itself; later ones only here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * What React writes in one go, passed on as one chunk. React writes a page in pieces of about 2 KiB, and
 * downstream each piece costs a compression flush and a write to the socket of its own (Remix flushes the
 * compression after every chunk). The pieces of one turn of the event loop are joined; a later part of
 * the page (a streamed Suspense boundary) still goes out when it is ready.
 */
export function joinedWrites(): Transform {
  let parts: Buffer[] = [];
  let waiting = false;
  const joined: Transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      parts.push(chunk);
      if (!waiting) {
        waiting = true;
        setImmediate(() => {
          waiting = false;
          if (parts.length) joined.push(take());
        });
      }
      callback();
    },
    flush(callback) {
      callback(null, parts.length ? take() : undefined);
    },
  });
  const take = () => {
    const all = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    parts = [];
    return all;
  };
  return joined;
}

/**
 * Remix's <Scripts> renders <link rel="modulepreload"> without a nonce, and under 'strict-dynamic'
 * a preload without one is refused (and reported). The links are added the page's nonce on their way
 * out; the pattern may be split across chunks, so the end of each chunk waits for the next.
 */
export function preloadsWithNonce(nonce: string): Transform {
  const pattern = '<link rel="modulepreload"';
  const replacement = `<link nonce="${nonce}" rel="modulepreload"`;
  const decoder = new StringDecoder("utf8");
  let carry = "";
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const text = (carry + decoder.write(chunk)).split(pattern).join(replacement);
      // Keep back a tail that could be the start of the pattern.
      let keep = 0;
      for (let n = Math.min(pattern.length - 1, text.length); n > 0; n--) {
        if (pattern.startsWith(text.slice(text.length - n))) {
          keep = n;
          break;
        }
      }
      carry = text.slice(text.length - keep);
      callback(null, text.slice(0, text.length - keep));
    },
    flush(callback) {
      callback(null, carry + decoder.end());
    },
  });
}
