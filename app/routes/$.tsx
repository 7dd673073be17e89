/**
 * Every URL no other route matches. Without this route Remix answers an unknown URL from the root's
 * error boundary without running the root loader: no menu and always Dutch. Here the root layout renders
 * as usual (menu, the signed-in reader's language) and this route's boundary shows "not found" inside it.
 */
import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "~/components/error-page";
import { notFound } from "~/utils/http.server";
import { useT } from "~/utils/i18n";

export async function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <ErrorPage error={useRouteError()} t={useT()} />;
}
