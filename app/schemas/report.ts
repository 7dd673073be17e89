import { z } from "zod";
import { daysBetween, isoDay, parseDay, today } from "~/utils/dates";
import { REPORT_LIMITS, REPORT_INTENT } from "./report.shared";

const day = (message: string) =>
  z
    .string(message)
    .trim()
    // abort: a day that is not a date stops here, so the period's own checks below never see a string.
    .refine((v) => parseDay(v) !== null, { message, abort: true })
    .transform((v) => parseDay(v)!);

/**
 * The period of a new report: real calendar days, start on or before end, the end not in the future
 * (a report looks back), at most a year.
 */
export const StartReportSchema = z
  .object({
    periodStart: day("error.report.date"),
    periodEnd: day("error.report.date"),
  })
  .superRefine((v, ctx) => {
    if (!(v.periodStart instanceof Date) || !(v.periodEnd instanceof Date)) return;
    if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "error.report.endBeforeStart" });
    else if (isoDay(v.periodEnd) > today()) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "error.report.endFuture" });
    else if (daysBetween(v.periodStart, v.periodEnd) + 1 > REPORT_LIMITS.periodDaysMax) {
      ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "error.report.tooLong" });
    }
  });

/** Highlights: one per line, empty lines dropped, at most five short ones. */
const highlights = z
  .string()
  .optional()
  .default("")
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(REPORT_LIMITS.highlightMax, "error.report.highlightTooLong")).max(REPORT_LIMITS.highlightsMax, "error.report.tooManyHighlights"));

export const ReportIntentSchema = z.discriminatedUnion("intent", [
  // The lead's draft (the narrative comes from the rich-text field beside it).
  z.object({ intent: z.literal([REPORT_INTENT.save, REPORT_INTENT.submit]), highlights }),
  z.object({ intent: z.literal(REPORT_INTENT.discard) }),
  // The department head's answer: a comment, and acknowledging (the comment is optional then).
  z.object({
    intent: z.literal([REPORT_INTENT.comment, REPORT_INTENT.acknowledge]),
    comment: z.string().trim().max(REPORT_LIMITS.commentMax).optional().default(""),
  }),
]);

/** The CSV download's query: `?sep=comma` or `?sep=semicolon` overrides the separator of the reader's language. */
export const ReportCsvQuerySchema = z.object({ sep: z.enum(["comma", "semicolon"]).optional() });
