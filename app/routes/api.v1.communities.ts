import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiEndpoint, apiJson, methodNotAllowed, readQuery } from "~/api/handler.server";
import { listCommunityOverview } from "~/models/community.server";
import { canSeeCommunityContent } from "~/policies/policies";
import { ApiCommunityListSchema } from "~/schemas/api";

export const action = () => methodNotAllowed("GET");

/** GET /api/v1/communities: as the communities page shows them (closed ones by name only to outsiders). */
export const loader = (args: LoaderFunctionArgs) =>
  apiEndpoint("communities:read", async ({ request, actor }) => {
    readQuery(request, z.strictObject({}));
    const { mine, others } = await listCommunityOverview(actor);
    const communities = [...mine, ...others]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((c) => ({
        id: c.id,
        slug: c.slug,
        name: c.name,
        purpose: canSeeCommunityContent(actor, c) ? c.purpose : "",
        visibility: c.visibility as "OPEN",
        member: c.role !== null,
        url: new URL(`/communities/${c.slug}`, request.url).href,
      }));
    return apiJson(ApiCommunityListSchema, { communities });
  })(args);
