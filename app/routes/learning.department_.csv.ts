import type { LoaderFunctionArgs } from "@remix-run/node";
import { socialBalanceRows } from "~/models/learning-export";
import { csvSeparatorFor, toCsv } from "~/models/report-export";
import { socialBalanceFor } from "~/models/social-balance.server";
import { translator } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

/** The social-balance figures as CSV, with their definitions, in the reader's language and separator. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const balance = await socialBalanceFor(actor, new URL(request.url));
  const t = translator(user.locale);
  const { header, rows } = socialBalanceRows(balance.year, balance.departments, t);
  return new Response(toCsv(header, rows, csvSeparatorFor(user.locale, balance.sep)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="gilde-social-balance-${balance.year}-${balance.slug}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
