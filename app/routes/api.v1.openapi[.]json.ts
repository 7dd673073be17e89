import { openApiDocument } from "~/api/openapi.server";

/** The API's description, public like the docs page: it holds no data. */
export const loader = () =>
  new Response(JSON.stringify(openApiDocument()), { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
