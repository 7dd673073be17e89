import zlib from "node:zlib";
import compression from "compression";
import type { Request, Response } from "express";

/**
 * Compresses HTML, JSON, JavaScript, CSS and other text answers (br or gzip, as the browser asks).
 * Each write is flushed as it comes, so a streamed page still reaches the browser piece by piece;
 * Server-Sent Events are left alone, since a proxy or browser would otherwise hold events back.
 */
export function compressResponses() {
  return compression({
    filter: (req: Request, res: Response) => !String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream") && compression.filter(req, res),
    flush: zlib.constants.Z_SYNC_FLUSH,
    brotli: { flush: zlib.constants.BROTLI_OPERATION_FLUSH },
  });
}
