/**
 * Period reports: a lead starts one for a period, writes the narrative and highlights, and submits it
 * (the figures are frozen then); the head of the community's department comments and acknowledges.
 * DRAFT → SUBMITTED → ACKNOWLEDGED. Each step writes an audit event in the same transaction.
 */
import { db, type Tx } from "~/utils/db.server";
import { computeReportFigures } from "~/models/report.server";
import { period } from "~/models/report-period";
import { canReviewReport, canSeeCommunityContent, canViewReport, canWriteReport, type Actor } from "~/policies/policies";
import { CommandError } from "./errors";
import { runCommand } from "./runner.server";
import { isoDay } from "~/utils/dates";
import { findCommunityRef } from "~/models/community-ref.server";


/** The report and its community, if the actor may see it at all (otherwise 404: it does not exist for them). */
async function loadReport(tx: Tx, actor: Actor, reportId: string) {
  const report = await tx.report.findUnique({ where: { id: reportId }, select: { id: true, state: true, authorId: true, communityId: true, periodStart: true, periodEnd: true } });
  if (!report) throw CommandError.notFound();
  const community = await findCommunityRef(tx, report.communityId);
  if (!canSeeCommunityContent(actor, community) || !canViewReport(actor, community, report)) throw CommandError.notFound();
  return { report, community };
}

/** What a report's notifications say: which period, and the head's comment if there is one. */
function reportNotice(report: { id: string; periodStart: Date; periodEnd: Date }, communityId: string, comment?: string) {
  return {
    subjectType: "report",
    subjectId: report.id,
    communityId,
    data: { periodStart: isoDay(report.periodStart), periodEnd: isoDay(report.periodEnd), ...(comment ? { comment } : {}) },
  };
}

export async function startReport(actor: Actor, communityId: string, input: { periodStart: Date; periodEnd: Date }) {
  return runCommand(actor, async ({ tx, audit }) => {
    const community = await findCommunityRef(tx, communityId);
    if (!canSeeCommunityContent(actor, community)) throw CommandError.notFound();
    if (!canWriteReport(actor, community)) throw CommandError.forbidden();
    const report = await tx.report.create({
      data: { communityId, authorId: actor.id, periodStart: input.periodStart, periodEnd: input.periodEnd },
      select: { id: true },
    });
    await audit({ action: "report.start", targetType: "report", targetId: report.id, details: { communityId } });
    return report;
  });
}

type Draft = { narrative: { json: string; text: string }; highlights: string[] };

/** The lead saves the draft, or submits it: then the figures are computed once more and frozen. */
export async function saveReport(actor: Actor, reportId: string, draft: Draft, submit: boolean) {
  // Computed before the transaction, which then only writes (the period of a report never changes).
  const stored = submit ? await db.report.findUnique({ where: { id: reportId }, select: { communityId: true, periodStart: true, periodEnd: true } }) : null;
  const frozen = stored ? JSON.stringify(await computeReportFigures(stored.communityId, period(stored.periodStart, stored.periodEnd))) : undefined;
  await runCommand(actor, async ({ tx, audit, notify }) => {
    const { report, community } = await loadReport(tx, actor, reportId);
    if (!canWriteReport(actor, community)) throw CommandError.forbidden();
    if (report.state !== "DRAFT") throw CommandError.invalid("error.report.notDraft");
    if (submit && !draft.narrative.text.trim()) throw CommandError.invalid("error.report.narrativeRequired", "narrative");
    await tx.report.update({
      where: { id: reportId },
      data: {
        narrativeJson: draft.narrative.json,
        narrativeText: draft.narrative.text,
        highlights: JSON.stringify(draft.highlights),
        ...(submit ? { state: "SUBMITTED", submittedAt: new Date(), figures: frozen } : {}),
      },
    });
    await audit({ action: submit ? "report.submit" : "report.save", targetType: "report", targetId: reportId });
    if (submit) {
      const department = await tx.department.findUnique({ where: { id: community.departmentId }, select: { headId: true } });
      await notify({ recipientIds: department?.headId ? [department.headId] : [], ...reportNotice(report, community.id), type: "report.submitted" });
    }
  });
}

/**
 * The lead throws a draft away (started for the wrong period, say). Only a draft: once submitted, a
 * report is the community's record. The audit event keeps which period it was.
 */
export async function discardReport(actor: Actor, reportId: string): Promise<{ communitySlug: string }> {
  return runCommand(actor, async ({ tx, audit }) => {
    const { report, community } = await loadReport(tx, actor, reportId);
    if (!canWriteReport(actor, community)) throw CommandError.forbidden();
    if (report.state !== "DRAFT") throw CommandError.invalid("error.report.notDraft");
    await tx.report.delete({ where: { id: reportId } });
    await audit({
      action: "report.discard",
      targetType: "report",
      targetId: reportId,
      details: { communityId: community.id, periodStart: report.periodStart.toISOString(), periodEnd: report.periodEnd.toISOString() },
    });
    return { communitySlug: community.slug };
  });
}

/** The head comments on a submitted report, and may acknowledge it at the same time. */
export async function reviewReport(actor: Actor, reportId: string, input: { comment: string; acknowledge: boolean }) {
  await runCommand(actor, async ({ tx, audit, notify }) => {
    const { report, community } = await loadReport(tx, actor, reportId);
    if (!canReviewReport(actor, community)) throw CommandError.forbidden();
    if (report.state !== "SUBMITTED") throw CommandError.invalid(report.state === "DRAFT" ? "error.report.notSubmitted" : "error.report.acknowledged");
    if (!input.acknowledge && !input.comment) throw CommandError.invalid("error.report.commentRequired", "comment");
    await tx.report.update({
      where: { id: reportId },
      data: {
        ...(input.comment ? { headComment: input.comment } : {}),
        ...(input.acknowledge ? { state: "ACKNOWLEDGED", acknowledgedAt: new Date(), acknowledgedById: actor.id } : {}),
      },
    });
    await audit({
      action: input.acknowledge ? "report.acknowledge" : "report.comment",
      targetType: "report",
      targetId: reportId,
      details: input.comment ? { comment: input.comment } : {},
    });
    // Its author and whoever leads the community now: a report stays the community's record.
    await notify({
      recipientIds: [report.authorId, ...community.leadIds],
      ...reportNotice(report, community.id, input.comment),
      type: input.acknowledge ? "report.acknowledged" : "report.commented",
    });
  });
}
