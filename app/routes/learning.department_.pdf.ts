import type { LoaderFunctionArgs } from "@remix-run/node";
import { socialBalancePdf } from "~/models/learning-pdf.server";
import { socialBalanceFor } from "~/models/social-balance.server";
import { translator } from "~/utils/i18n";
import { requireActor } from "~/utils/request.server";

const INTL = { nl: "nl-BE", en: "en-GB" } as const;

/** The social-balance figures as a PDF, with their definitions, in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const balance = await socialBalanceFor(actor, new URL(request.url));
  const number = new Intl.NumberFormat(INTL[user.locale], { maximumFractionDigits: 2 });
  const pdf = await socialBalancePdf(balance.year, balance.departments, translator(user.locale), (v) => number.format(v));
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="gilde-social-balance-${balance.year}-${balance.slug}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
