/** Checks a response of /api/v1 against the OpenAPI document the app serves (JSON Schema 2020-12, ajv). */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "~/api/openapi.server";

const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema({ $id: "https://gilde.test/openapi.json", components: doc.components });

/** `template` as in the document, e.g. "/entries/{id}"; returns the parsed body after validating it. */
export async function expectValidResponse(response: Response, method: string, template: string): Promise<unknown> {
  const operation = doc.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`no operation ${method} ${template} in the OpenAPI document`);
  const described = operation.responses[String(response.status)];
  if (!described) throw new Error(`${method} ${template} answered ${response.status}, which the document does not list`);
  const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
  const content = described.content?.[type];
  if (!content) throw new Error(`${method} ${template} ${response.status} answered ${type}, which the document does not list`);
  const validate = ajv.compile(rebase(content.schema));
  // JSON Lines: the schema describes one line, and every line must match it.
  if (type === "application/x-ndjson") {
    const lines = (await response.text()).split("\n").filter((line) => line !== "");
    const values = lines.map((line) => JSON.parse(line) as unknown);
    values.forEach((value, i) => {
      if (!validate(value)) throw new Error(`${method} ${template} ${response.status} line ${i + 1} does not match the document: ${ajv.errorsText(validate.errors)}\n${lines[i].slice(0, 500)}`);
    });
    return values;
  }
  const body: unknown = await response.json();
  if (!validate(body)) throw new Error(`${method} ${template} ${response.status} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

/** Local "#/components/…" references, pointed at the registered document. */
function rebase(schema: object): object {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"https://gilde.test/openapi.json#/components/')) as object;
}
