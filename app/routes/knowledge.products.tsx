import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { cancelRetirement, retireProduct, setProductMark, setReviewInterval } from "~/commands/manage-product.server";
import { KnowledgeNav } from "~/components/knowledge-nav";
import { ProductRow, RetireProductForm } from "~/components/products";
import { getTagWithLiveCount, listTagsWithLiveCounts } from "~/models/tag.server";
import { canManageKnowledge } from "~/policies/policies";
import { parseSubmission } from "~/schemas/form";
import { ProductIntentSchema } from "~/schemas/product";
import { PRODUCT_INTENT, PRODUCT_LIMITS } from "~/schemas/product.shared";
import { redirectWithFlash } from "~/utils/flash.server";
import { authorize } from "~/utils/http.server";
import { useT } from "~/utils/i18n";
import { replyCommandError, replyInvalid, requireActor } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Gilde" }];

const LIST_MAX = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const url = new URL(request.url);
  const query = (url.searchParams.get("q") ?? "").trim().slice(0, PRODUCT_LIMITS.queryMax);
  const productsOnly = url.searchParams.get("products") === "1";
  const retireId = url.searchParams.get("retire");
  const [{ tags, total }, retiring] = await Promise.all([
    listTagsWithLiveCounts({ query, productsOnly, take: LIST_MAX }),
    retireId ? getTagWithLiveCount(retireId) : null,
  ]);
  // The retire form is for a product that is not being retired already.
  const retire = retiring && retiring.isProduct && !retiring.retirementAnnouncedAt ? retiring : null;
  return json({ tags, total, query, productsOnly, retire });
}

/** Back to the list as it was filtered, without the retire form. */
function listUrl(request: Request) {
  const url = new URL(request.url);
  url.searchParams.delete("retire");
  url.searchParams.delete("index");
  return `${url.pathname}${url.search}`;
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  authorize(canManageKnowledge(actor));
  const submission = parseSubmission(ProductIntentSchema, await request.formData());
  if (submission.status !== "success") return replyInvalid(submission);
  const input = submission.value;
  try {
    switch (input.intent) {
      case PRODUCT_INTENT.mark:
      case PRODUCT_INTENT.unmark:
        await setProductMark(actor, input.tagId, input.intent === PRODUCT_INTENT.mark);
        return redirectWithFlash(request, listUrl(request), { key: input.intent === PRODUCT_INTENT.mark ? "product.flash.marked" : "product.flash.unmarked" });
      case PRODUCT_INTENT.interval:
        await setReviewInterval(actor, input.tagId, input.reviewIntervalDays);
        return redirectWithFlash(request, listUrl(request), { key: "product.flash.interval" });
      case PRODUCT_INTENT.retire: {
        const { toReview } = await retireProduct(actor, input.tagId, { retiresOn: input.retiresOn, note: input.note, archiveOnRetire: input.archiveOnRetire });
        return redirectWithFlash(request, listUrl(request), { key: "product.flash.retired", vars: { count: toReview } });
      }
      case PRODUCT_INTENT.cancelRetirement:
        await cancelRetirement(actor, input.tagId);
        return redirectWithFlash(request, listUrl(request), { key: "product.flash.cancelled" });
      default:
        return replyInvalid(submission);
    }
  } catch (error) {
    return replyCommandError(submission, error);
  }
}

export default function Products() {
  const t = useT();
  const { tags, total, query, productsOnly, retire } = useLoaderData<typeof loader>();
  const filtered = Boolean(query) || productsOnly;
  return (
    <div className="stack">
      <KnowledgeNav />
      <div>
        <h1>{t("product.title")}</h1>
        <p className="lead">{t("product.intro")}</p>
      </div>
      {retire ? <RetireProductForm tag={retire} /> : null}
      <Form method="get" className="inline-filter" role="search" aria-label={t("product.filter")}>
        <label htmlFor="product-q">{t("product.search")}</label>
        <input id="product-q" type="search" name="q" defaultValue={query} maxLength={PRODUCT_LIMITS.queryMax} className="filter-input" />
        <label className="radio">
          <input type="checkbox" name="products" value="1" defaultChecked={productsOnly} /> {t("product.onlyProducts")}
        </label>
        <button type="submit" className="button small">
          {t("product.filterSubmit")}
        </button>
        {filtered ? <Link to="/knowledge/products">{t("product.filterClear")}</Link> : null}
      </Form>
      <p className="muted small" role="status">
        {total > tags.length ? t("product.countLimited", { shown: tags.length, count: total }) : t("product.count", { count: total })}
      </p>
      {tags.length === 0 ? (
        <p className="empty">{filtered ? t("product.noneFound") : t("product.none")}</p>
      ) : (
        <div className="card table-wrap">
          <table className="product-table">
            <caption className="visually-hidden">{t("product.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("product.col.tag")}</th>
                <th scope="col">{t("product.col.live")}</th>
                <th scope="col">{t("product.col.product")}</th>
                <th scope="col">{t("product.col.interval")}</th>
                <th scope="col">{t("product.col.retirement")}</th>
              </tr>
            </thead>
            <tbody>
              {tags.map((tag) => (
                <ProductRow key={tag.id} tag={tag} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
