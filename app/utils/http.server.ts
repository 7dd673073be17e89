import { json } from "@remix-run/node";

/** 403: the user is known but may not do this. */
export function forbidden(): never {
  throw json({ message: "forbidden" }, { status: 403 });
}

/** 404: also for content the user may not know exists (closed communities, archived entries). */
export function notFound(): never {
  throw json({ message: "not_found" }, { status: 404 });
}

export function authorize(allowed: boolean, otherwise: "forbidden" | "not_found" = "forbidden"): void {
  if (!allowed) (otherwise === "forbidden" ? forbidden : notFound)();
}
