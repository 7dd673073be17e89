import { isRouteErrorResponse, Link } from "@remix-run/react";
import type { Translate } from "~/utils/i18n";

/** What a reader sees when a page cannot be shown: 403, 404 or anything else, in their language. */
export function ErrorPage({ error, t }: { error: unknown; t: Translate }) {
  let title = t("error.generic.title");
  let body = t("error.generic.body");
  if (isRouteErrorResponse(error) && error.status === 403) {
    title = t("error.forbidden.title");
    body = t("error.forbidden.body");
  } else if (isRouteErrorResponse(error) && error.status === 404) {
    title = t("error.notFound.title");
    body = t("error.notFound.body");
  } else if (isRouteErrorResponse(error) && error.status === 429) {
    title = t("hardening.tooMany.title");
    body = t("hardening.tooMany.body");
  } else if (isRouteErrorResponse(error) && error.status === 503) {
    title = t("hardening.busy.title");
    body = t("hardening.busy.body");
  } else if (isRouteErrorResponse(error) && error.status >= 400 && error.status < 500) {
    title = t("hardening.badRequest.title");
    body = t("hardening.badRequest.body");
  } else {
    console.error(error);
  }
  return (
    <div className="card narrow">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/search">{t("error.back")}</Link>
      </p>
    </div>
  );
}
