import { problem } from "~/api/handler.server";

/** Any other path under /api/v1 answers as the API does, not with the app's HTML page. */
export const loader = () => problem(404, "No such endpoint; see /api/v1/openapi.json.");
export const action = loader;
