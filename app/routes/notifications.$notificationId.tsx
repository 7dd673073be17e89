/**
 * Opening a notification: it is marked read and the browser goes on to its subject. A plain link, so it
 * works without JavaScript and in a new tab; marking one's own notification read twice changes nothing.
 * Someone else's notification, or one whose subject the person may no longer see, is a 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { CommandError } from "~/commands/errors";
import { openNotification } from "~/commands/manage-notification.server";
import { notFound } from "~/utils/http.server";
import { requireActor } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const id = params.notificationId ?? "";
  if (!/^[a-z0-9]{10,40}$/.test(id)) notFound();
  try {
    return redirect(await openNotification(actor, id));
  } catch (error) {
    if (error instanceof CommandError && error.kind === "notFound") notFound();
    throw error;
  }
}

/** Never shown: the loader always redirects or answers 404 (a page route, so the 404 is the app's error page). */
export default function OpenNotification() {
  return null;
}
