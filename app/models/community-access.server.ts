import { getTimeCommunity } from "~/models/time.server";
import { canViewTime, type Actor } from "~/policies/policies";
import { notFound } from "~/utils/http.server";

/** The community of a time or activities page, if this actor may see its content; otherwise 404. */
export async function requireTimeCommunity(actor: Actor, slug: string | undefined) {
  const community = slug ? await getTimeCommunity(slug) : null;
  if (!community || !canViewTime(actor, community)) notFound();
  return community;
}
