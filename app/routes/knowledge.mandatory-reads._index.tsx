import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { MandatoryReadTable } from "~/components/mandatory-reads";
import { listMandatoryReads } from "~/models/mandatory-read.server";
import { canManageMandatoryReads } from "~/policies/policies";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageMandatoryReads(actor));
  return json({ reads: await listMandatoryReads() });
}

export default function MandatoryReads() {
  const t = useT();
  const { reads } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <KnowledgeNav />
      <div>
        <h1>{t("mandatory.list.title")}</h1>
        <p className="lead">{t("mandatory.list.intro")}</p>
      </div>
      <MandatoryReadTable reads={reads} />
    </div>
  );
}
