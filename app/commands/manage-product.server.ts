/**
 * Products come and go. A knowledge manager marks a tag as a product, gives it its own review
 * interval, and retires it: at once every live entry with the tag goes to review, and on the day the
 * product stops its entries can be archived (by the knowledge sweep, archiveRetiredProducts, or at once
 * when that day is today).
 */
import { canManageKnowledge, type Actor } from "~/policies/policies";
import { getProductTag, listLiveEntriesWithTag, listProductsDueForArchiving } from "~/models/tag.server";
import type { RetireProductInput } from "~/schemas/product";
import { isoDay } from "~/utils/dates";
import { CommandError } from "./errors";
import { runCommand, type CommandContext } from "./runner.server";
import { flagResolvedNotice } from "./manage-flag.server";
import { queueEntryWebhooks } from "~/models/webhook.server";

type KnowledgeActor = Pick<Actor, "id" | "role">;
type ProductTag = NonNullable<Awaited<ReturnType<typeof getProductTag>>>;

/** A retirement that was announced and not yet carried out can still be cancelled. */
export const isRetirementPending = (tag: Pick<ProductTag, "retirementAnnouncedAt" | "retirementArchivedAt">) =>
  tag.retirementAnnouncedAt !== null && tag.retirementArchivedAt === null;

function requireKnowledgeManager(actor: KnowledgeActor) {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
}

async function requireTag(tx: CommandContext["tx"], tagId: string): Promise<ProductTag> {
  const tag = await getProductTag(tx, tagId);
  if (!tag) throw CommandError.notFound();
  return tag;
}

/** Marks a tag as a product or not. A product being retired stays one until the retirement is cancelled. */
export async function setProductMark(actor: KnowledgeActor, tagId: string, isProduct: boolean): Promise<void> {
  requireKnowledgeManager(actor);
  await runCommand(actor, async ({ tx, audit }) => {
    const tag = await requireTag(tx, tagId);
    if (tag.isProduct === isProduct) return;
    if (!isProduct && tag.retirementAnnouncedAt) throw CommandError.conflict("error.product.retiring");
    await tx.tag.update({ where: { id: tagId }, data: { isProduct } });
    await audit({ action: isProduct ? "tag.markProduct" : "tag.unmarkProduct", targetType: "Tag", targetId: tagId, details: { name: tag.name } });
  });
}

/** How many days a review of entries with this tag holds (null: the community's interval applies). */
export async function setReviewInterval(actor: KnowledgeActor, tagId: string, days: number | null): Promise<void> {
  requireKnowledgeManager(actor);
  await runCommand(actor, async ({ tx, audit }) => {
    const tag = await requireTag(tx, tagId);
    if (tag.reviewIntervalDays === days) return;
    await tx.tag.update({ where: { id: tagId }, data: { reviewIntervalDays: days } });
    await audit({ action: "tag.reviewInterval", targetType: "Tag", targetId: tagId, details: { name: tag.name, before: tag.reviewIntervalDays, after: days } });
  });
}

/**
 * Retires a product: records the day and the note, and puts every published entry with the tag in
 * NEEDS_REVIEW now (one already there stays). When the day is today and its entries are to be
 * archived, that happens in the same step. Returns how many entries went to review.
 */
export async function retireProduct(actor: KnowledgeActor, tagId: string, input: RetireProductInput, now = new Date()): Promise<{ toReview: number; archived: number }> {
  requireKnowledgeManager(actor);
  return runCommand(actor, async (context) => {
    const { tx, audit, enqueue } = context;
    const tag = await requireTag(tx, tagId);
    if (!tag.isProduct) throw CommandError.invalid("error.product.notProduct");
    if (tag.retirementAnnouncedAt) throw CommandError.conflict("error.product.alreadyRetiring");
    const entries = await listLiveEntriesWithTag(tx, tagId);
    const published = entries.filter((e) => e.state === "PUBLISHED");
    await tx.tag.update({
      where: { id: tagId },
      data: { retirementAnnouncedAt: now, retiresOn: input.retiresOn, retirementNote: input.note, archiveOnRetire: input.archiveOnRetire, retirementArchivedAt: null },
    });
    if (published.length) await tx.entry.updateMany({ where: { id: { in: published.map((e) => e.id) } }, data: { state: "NEEDS_REVIEW" } });
    for (const entry of published) {
      await audit({ action: "entry.needsReview", targetType: "Entry", targetId: entry.id, details: { cause: "product.retire", product: tag.name } });
      await enqueue("entries", entry.id);
    }
    await audit({
      action: "product.retire",
      targetType: "Tag",
      targetId: tagId,
      details: { name: tag.name, retiresOn: isoDay(input.retiresOn), note: input.note, archiveOnRetire: input.archiveOnRetire, toReview: published.length },
    });
    const archived = input.archiveOnRetire && input.retiresOn <= now ? await archiveProductEntries(context, { ...tag, retirementNote: input.note }, now) : 0;
    return { toReview: published.length, archived };
  });
}

/** Takes back a retirement not yet carried out. Entries already sent to review stay there: someone looks at them anyway. */
export async function cancelRetirement(actor: KnowledgeActor, tagId: string): Promise<void> {
  requireKnowledgeManager(actor);
  await runCommand(actor, async ({ tx, audit }) => {
    const tag = await requireTag(tx, tagId);
    if (!isRetirementPending(tag)) throw CommandError.conflict("error.product.notRetiring");
    await tx.tag.update({ where: { id: tagId }, data: { retirementAnnouncedAt: null, retiresOn: null, retirementNote: null, archiveOnRetire: false } });
    await audit({
      action: "product.retirementCancel",
      targetType: "Tag",
      targetId: tagId,
      details: { name: tag.name, before: { retiresOn: tag.retiresOn ? isoDay(tag.retiresOn) : null, note: tag.retirementNote, archiveOnRetire: tag.archiveOnRetire } },
    });
  });
}

/**
 * Archives the live entries of a product whose retirement is due, with the retirement's note as the
 * reason; their open flags close as archived. Marks the retirement carried out first, guarded, so two
 * runs never archive twice.
 */
async function archiveProductEntries({ tx, audit, enqueue, notify }: CommandContext, tag: Pick<ProductTag, "id" | "name" | "retirementNote">, now: Date): Promise<number> {
  const claimed = await tx.tag.updateMany({ where: { id: tag.id, retirementArchivedAt: null }, data: { retirementArchivedAt: now } });
  if (claimed.count === 0) return 0;
  const reason = tag.retirementNote ?? "";
  const entries = await listLiveEntriesWithTag(tx, tag.id);
  const ids = entries.map((e) => e.id);
  if (ids.length) {
    const flags = await tx.flag.findMany({
      where: { entryId: { in: ids }, state: "OPEN" },
      select: { userId: true, entry: { select: { id: true, title: true, community: { select: { id: true } } } } },
    });
    for (const id of new Set(flags.map((f) => f.entry.id))) {
      const flagged = flags.filter((f) => f.entry.id === id);
      await notify(flagResolvedNotice(flagged.map((f) => f.userId), flagged[0].entry, "ARCHIVED", reason));
    }
    await tx.entry.updateMany({ where: { id: { in: ids } }, data: { state: "ARCHIVED", archivedAt: now, archiveReason: reason } });
    await tx.flag.updateMany({ where: { entryId: { in: ids }, state: "OPEN" }, data: { state: "ARCHIVED", resolution: reason, resolvedAt: now } });
  }
  for (const id of ids) {
    await audit({ action: "entry.archive", targetType: "Entry", targetId: id, details: { reason, cause: "product.retire", product: tag.name } });
    await enqueue("entries", id);
    await queueEntryWebhooks(tx, "entry.archived", id);
  }
  await audit({ action: "product.archive", targetType: "Tag", targetId: tag.id, details: { name: tag.name, archived: ids.length } });
  return ids.length;
}

/**
 * The knowledge sweep's job: on or after a retired product's day, archive its live entries when the
 * retirement says so. Run by the system (no actor); running it again changes nothing. Returns how
 * many entries it archived.
 */
export async function archiveRetiredProducts(now: Date): Promise<number> {
  let archived = 0;
  for (const { id } of await listProductsDueForArchiving(now)) {
    archived += await runCommand(null, async (context) => {
      const tag = await getProductTag(context.tx, id);
      if (!tag || !tag.archiveOnRetire || !isRetirementPending(tag) || !tag.retiresOn || tag.retiresOn > now) return 0;
      return archiveProductEntries(context, tag, now);
    });
  }
  return archived;
}
