import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { openApiDocument } from "~/api/openapi.server";

export const meta: MetaFunction = () => [{ title: "Gilde API" }];

type Schema = Record<string, unknown>;

/** The operations of the OpenAPI document, as a page: no script, so it works under the strict CSP. */
export function loader() {
  const doc = openApiDocument();
  const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post"] as const).flatMap((method) => {
      const op = item?.[method];
      if (!op) return [];
      const body = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content?.["application/json"]?.schema;
      const parameters = ((op.parameters ?? []) as { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[]).map((p) => ({
        name: p.name,
        in: p.in,
        required: Boolean(p.required),
        description: p.description ?? String(p.schema?.description ?? ""),
      }));
      const responses = Object.entries(op.responses ?? {}).map(([status, r]) => ({
        status,
        description: (r as { description?: string }).description ?? "",
        schema: (r as { content?: Record<string, { schema?: Schema }> }).content?.["application/json"]?.schema ?? null,
      }));
      return [{ id: op.operationId ?? `${method}-${path}`, method: method.toUpperCase(), path: `/api/v1${path}`, summary: op.summary ?? "", description: op.description ?? "", parameters, body: body ?? null, responses }];
    }),
  );
  return json({ title: doc.info.title, description: doc.info.description ?? "", operations, components: doc.components?.schemas ?? {} });
}

export default function ApiDocs() {
  const { title, description, operations, components } = useLoaderData<typeof loader>();
  return (
    <div className="stack api-docs" lang="en">
      <div className="card">
        <h1>{title}</h1>
        <p>{description}</p>
        <p>
          Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
        <pre className="api-docs-example">{`curl -H "Authorization: Bearer $GILDE_TOKEN" "https://gilde.example/api/v1/search?q=getrouwheidspremie&limit=5"`}</pre>
        <nav aria-label="Operations">
          <ul>
            {operations.map((op) => (
              <li key={op.id}>
                <a href={`#${op.id}`}>
                  <code>
                    {op.method} {op.path}
                  </code>
                </a>{" "}
                {op.summary}
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {operations.map((op) => (
        <section key={op.id} id={op.id} className="card" aria-labelledby={`${op.id}-title`}>
          <h2 id={`${op.id}-title`}>
            <code>
              {op.method} {op.path}
            </code>{" "}
            — {op.summary}
          </h2>
          {op.description.split("\n\n").map((p) => (
            <p key={p}>{p.replace(/`/g, "")}</p>
          ))}
          {op.parameters.length > 0 ? (
            <>
              <h3>Parameters</h3>
              <ul>
                {op.parameters.map((p) => (
                  <li key={p.name}>
                    <code>{p.name}</code> ({p.in}
                    {p.required ? ", required" : ""}) {p.description}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {op.body ? (
            <>
              <h3>Request body (application/json)</h3>
              <pre>{JSON.stringify(op.body, null, 2)}</pre>
            </>
          ) : null}
          <h3>Responses</h3>
          <ul>
            {op.responses.map((r) => (
              <li key={r.status}>
                <strong>{r.status}</strong> {r.description}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="card" aria-labelledby="schemas-title">
        <h2 id="schemas-title">Schemas</h2>
        {Object.entries(components).map(([name, schema]) => (
          <details key={name}>
            <summary>
              <code>{name}</code>
            </summary>
            <pre>{JSON.stringify(schema, null, 2)}</pre>
          </details>
        ))}
      </section>
    </div>
  );
}
