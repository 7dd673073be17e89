import type { ActionFunctionArgs } from "@remix-run/node";
import { apiEndpoint, apiJson, methodNotAllowed, problem, readQuery, readText } from "~/api/handler.server";
import { importEntriesFromText } from "~/commands/import-entries.server";
import { canExchangeKnowledge } from "~/policies/policies";
import { API_IMPORT_MAX_BYTES, ApiEntryImportQuerySchema, ApiEntryImportResultSchema, JSON_LINES_TYPES } from "~/schemas/api";
import { forbidden } from "~/utils/http.server";

export const loader = () => methodNotAllowed("POST");

/**
 * A JSON array becomes JSON Lines, one element a line, so both bodies go through the very same
 * importer and an error names the element's position as its line.
 */
function asJsonLines(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw problem(400, "The body is not valid JSON.");
  }
  if (!Array.isArray(value)) throw problem(400, "Send a JSON array of entries, or JSON Lines with Content-Type: application/x-ndjson.");
  return value.map((item) => JSON.stringify(item)).join("\n");
}

/** POST /api/v1/entries/import: what `npm run kb:import` does, as the token's owner (a knowledge manager or admin). */
export const action = (args: ActionFunctionArgs) => {
  if (args.request.method !== "POST") return methodNotAllowed("POST");
  return apiEndpoint("kb:write", async ({ request, actor }) => {
    if (!canExchangeKnowledge(actor)) forbidden();
    const { dryRun } = readQuery(request, ApiEntryImportQuerySchema);
    const body = await readText(request, [...JSON_LINES_TYPES, "application/json"], API_IMPORT_MAX_BYTES);
    const text = body.type === "application/json" ? asJsonLines(body.text) : body.text;
    const result = await importEntriesFromText(actor, text, { dryRun });
    if (!result.ok) {
      const errors = result.errors.flatMap((e) => e.messages.map((message) => ({ field: `lines.${e.line}`, message })));
      return problem(400, `${result.errors.length} line(s) with errors; nothing was imported.`, { errors });
    }
    return apiJson(ApiEntryImportResultSchema, {
      dryRun,
      summary: result.summary,
      lines: result.lines.map(({ line, externalId, outcome, entryId }) => ({ line, externalId, outcome, entryId })),
    });
  })(args);
};
