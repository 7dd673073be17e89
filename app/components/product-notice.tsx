import { formatDate, useLocale, useT } from "~/utils/i18n";

/** On an entry's page: the products it is about that are being retired, with the knowledge manager's note. */
export function ProductRetirementNotice({ products }: { products: { name: string; retiresOn: string | null; retirementNote: string | null }[] }) {
  const t = useT();
  const locale = useLocale();
  if (products.length === 0) return null;
  return (
    <div className="alert alert-warning product-notice" role="note">
      {products.map((p) => (
        <p key={p.name}>{t("product.notice", { name: p.name, date: p.retiresOn ? formatDate(locale, p.retiresOn) : "–", note: p.retirementNote ?? "" })}</p>
      ))}
    </div>
  );
}
