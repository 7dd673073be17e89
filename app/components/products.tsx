import { Link, useLocation, useNavigation } from "@remix-run/react";
import { CheckboxField, ConformForm, describedBy, fieldError, fieldValue, MessageError, TextAreaField, TextField, useGildeForm } from "./form";
import { PRODUCT_INTENT, PRODUCT_LIMITS } from "~/schemas/product.shared";
import { isoDayFromToday } from "~/utils/dates";
import { formatDate, useLocale, useT } from "~/utils/i18n";

/** A tag as the products page lists it (dates arrive as strings from the loader). */
export type ProductTagRow = {
  id: string;
  name: string;
  isProduct: boolean;
  reviewIntervalDays: number | null;
  retirementAnnouncedAt: string | null;
  retiresOn: string | null;
  retirementNote: string | null;
  archiveOnRetire: boolean;
  retirementArchivedAt: string | null;
  liveEntries: number;
};

/** The list's address with one parameter changed, so a row's link keeps the filter. */
function withParam(search: string, name: string, value: string) {
  const params = new URLSearchParams(search);
  params.set(name, value);
  return `?${params.toString()}`;
}

/** One tag: its live entries, product or not, its review interval and its retirement, each with its own form. */
export function ProductRow({ tag }: { tag: ProductTagRow }) {
  const t = useT();
  const locale = useLocale();
  const { search } = useLocation();
  const busy = useNavigation().state === "submitting";
  const [markForm] = useGildeForm(`product-mark-${tag.id}`);
  const [intervalForm, intervalFields] = useGildeForm(`product-interval-${tag.id}`, { reviewIntervalDays: tag.reviewIntervalDays?.toString() ?? "" });
  const [cancelForm] = useGildeForm(`product-cancel-${tag.id}`);
  const interval = intervalFields.reviewIntervalDays;
  const intervalError = fieldError(interval);
  const pending = tag.retirementAnnouncedAt !== null && tag.retirementArchivedAt === null;
  return (
    <tr>
      <th scope="row">
        <span className="product-name">{tag.name}</span> {tag.isProduct ? <span className="badge badge-product">{t("product.badge")}</span> : null}
      </th>
      <td>{tag.liveEntries}</td>
      <td>
        <ConformForm form={markForm} className="inline-form compact">
          <input type="hidden" name="intent" value={tag.isProduct ? PRODUCT_INTENT.unmark : PRODUCT_INTENT.mark} />
          <input type="hidden" name="tagId" value={tag.id} />
          <button
            type="submit"
            className="button small"
            disabled={busy}
            aria-label={t(tag.isProduct ? "product.unmarkLabel" : "product.markLabel", { name: tag.name })}
          >
            {t(tag.isProduct ? "product.unmark" : "product.mark")}
          </button>
        </ConformForm>
      </td>
      <td>
        <ConformForm form={intervalForm} className="inline-form compact">
          <input type="hidden" name="intent" value={PRODUCT_INTENT.interval} />
          <input type="hidden" name="tagId" value={tag.id} />
          <label htmlFor={interval.id} className="visually-hidden">
            {t("product.intervalLabel", { name: tag.name })}
          </label>
          <input
            id={interval.id}
            key={interval.key}
            name={interval.name}
            type="number"
            inputMode="numeric"
            min={PRODUCT_LIMITS.intervalMin}
            max={PRODUCT_LIMITS.intervalMax}
            className="interval-input"
            placeholder={t("product.intervalNone")}
            defaultValue={fieldValue(interval, tag.reviewIntervalDays?.toString() ?? "")}
            aria-invalid={intervalError ? true : undefined}
            aria-describedby={describedBy(interval.id, undefined, Boolean(intervalError))}
          />
          <span className="muted small">{t("product.days")}</span>
          <button type="submit" className="button small" disabled={busy} aria-label={t("product.intervalSave", { name: tag.name })}>
            {t("product.save")}
          </button>
        </ConformForm>
        <MessageError id={`${interval.id}-error`} error={intervalError} />
      </td>
      <td>
        {tag.retirementArchivedAt ? (
          <p className="small">
            {t("product.retired", { date: formatDate(locale, tag.retiresOn ?? tag.retirementArchivedAt) })}
            {tag.retirementNote ? <span className="muted"> — {tag.retirementNote}</span> : null}
          </p>
        ) : pending ? (
          <>
            <p className="small">
              <strong>{t(tag.archiveOnRetire ? "product.retiresArchive" : "product.retires", { date: formatDate(locale, tag.retiresOn ?? "") })}</strong>
              <br />
              <span className="muted">{tag.retirementNote}</span>
            </p>
            <ConformForm form={cancelForm} className="inline-form compact">
              <input type="hidden" name="intent" value={PRODUCT_INTENT.cancelRetirement} />
              <input type="hidden" name="tagId" value={tag.id} />
              <button type="submit" className="button small" disabled={busy} aria-label={t("product.cancelLabel", { name: tag.name })}>
                {t("product.cancel")}
              </button>
            </ConformForm>
          </>
        ) : tag.isProduct ? (
          <Link to={`${withParam(search, "retire", tag.id)}#retire`} className="button small" aria-label={t("product.retireLabel", { name: tag.name })}>
            {t("product.retire")}
          </Link>
        ) : (
          <span className="muted small">–</span>
        )}
      </td>
    </tr>
  );
}

/** Retiring a product: the day it stops, a note readers may see, and whether its entries are archived then. */
export function RetireProductForm({ tag }: { tag: Pick<ProductTagRow, "id" | "name" | "liveEntries"> }) {
  const t = useT();
  const { search } = useLocation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useGildeForm("product-retire");
  const params = new URLSearchParams(search);
  params.delete("retire");
  const back = params.size ? `?${params.toString()}` : ".";
  return (
    <section className="card form-page" id="retire" aria-labelledby="retire-heading">
      <h2 id="retire-heading">{t("product.retireTitle", { name: tag.name })}</h2>
      <p>{t("product.retireEffect", { count: tag.liveEntries })}</p>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value={PRODUCT_INTENT.retire} />
        <input type="hidden" name="tagId" value={tag.id} />
        <TextField field={fields.retiresOn} type="date" label={t("product.retiresOn")} hint={t("product.retiresOnHint")} defaultValue={isoDayFromToday(30)} required />
        <TextAreaField field={fields.note} label={t("product.note")} hint={t("product.noteHint", { max: PRODUCT_LIMITS.noteMax })} maxLength={PRODUCT_LIMITS.noteMax} rows={3} required />
        <CheckboxField field={fields.archiveOnRetire} label={t("product.archiveOnRetire")} defaultChecked />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy}>
            {t("product.retireSubmit")}
          </button>{" "}
          <Link to={back}>{t("product.retireBack")}</Link>
        </div>
      </ConformForm>
    </section>
  );
}
