import { z } from "zod";
import { GoalIntentSchema } from "./goal";
import { COMMUNITY_LIMITS, BUDGET_PRESETS, type BudgetPreset, ID, wholeNumber, COMMUNITY_INTENT } from "./community.shared";

const id = (message = "error.invalid") => z.string().regex(ID, message);

const budgetFields = {
  budgetPreset: z.enum(["120/14", "240/7", "custom"], "error.invalid").optional().default("120/14"),
  budgetMinutes: z.string().optional(),
  budgetPeriodDays: z.string().optional(),
};

const leadIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v ?? ""]).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(id()).min(1, "error.community.leadRequired").max(COMMUNITY_LIMITS.leadsMax));

/** The budget a preset or the custom fields give, with an issue on the custom field that is wrong. */
function readBudget(
  v: { budgetPreset: BudgetPreset; budgetMinutes?: string; budgetPeriodDays?: string },
  ctx: z.RefinementCtx,
): { budgetMinutes: number; budgetPeriodDays: number } | undefined {
  if (v.budgetPreset !== "custom") return { ...BUDGET_PRESETS[v.budgetPreset] };
  const minutes = wholeNumber(v.budgetMinutes);
  const days = wholeNumber(v.budgetPeriodDays);
  if (minutes === undefined || minutes <= 0 || minutes > COMMUNITY_LIMITS.budgetMinutesMax) {
    ctx.addIssue({ code: "custom", path: ["budgetMinutes"], message: "error.community.budgetMinutes" });
  }
  if (days === undefined || days <= 0 || days > COMMUNITY_LIMITS.periodDaysMax) {
    ctx.addIssue({ code: "custom", path: ["budgetPeriodDays"], message: "error.community.periodDays" });
  }
  if (minutes === undefined || days === undefined) return undefined;
  return { budgetMinutes: minutes, budgetPeriodDays: days };
}

export const CreateCommunitySchema = z
  .object({
    name: z.string().trim().min(1).max(COMMUNITY_LIMITS.nameMax),
    purpose: z.string().trim().max(COMMUNITY_LIMITS.purposeMax).optional().default(""),
    departmentId: id("error.community.department"),
    visibility: z.enum(["OPEN", "CLOSED"], "error.invalid"),
    ...budgetFields,
    leadIds,
  })
  .transform((v, ctx) => {
    const budget = readBudget(v, ctx);
    if (!budget) return z.NEVER;
    return { name: v.name, purpose: v.purpose, departmentId: v.departmentId, visibility: v.visibility, leadIds: v.leadIds, ...budget };
  });

export type CreateCommunityInput = z.output<typeof CreateCommunitySchema>;

/**
 * The settings of an existing community: name, purpose, access, budget and leads. The department stays
 * (it decides who agrees goals and reads reports); a new budget applies from the day it is saved.
 */
export const UpdateCommunitySchema = z
  .object({
    name: z.string().trim().min(1).max(COMMUNITY_LIMITS.nameMax),
    purpose: z.string().trim().max(COMMUNITY_LIMITS.purposeMax).optional().default(""),
    visibility: z.enum(["OPEN", "CLOSED"], "error.invalid"),
    ...budgetFields,
    leadIds,
  })
  .transform((v, ctx) => {
    const budget = readBudget(v, ctx);
    if (!budget) return z.NEVER;
    return { name: v.name, purpose: v.purpose, visibility: v.visibility, leadIds: v.leadIds, ...budget };
  });

export type UpdateCommunityInput = z.output<typeof UpdateCommunitySchema>;

/** The buttons of the community pages. `userId` names the member or requester a lead acts on. */
export const CommunityIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(COMMUNITY_INTENT.join) }),
  z.object({ intent: z.literal(COMMUNITY_INTENT.leave) }),
  // Archiving asks for confirmation first; the confirmation page posts `confirm=yes`.
  z.object({ intent: z.literal(COMMUNITY_INTENT.archive), confirm: z.string().optional() }),
  z.object({ intent: z.literal(COMMUNITY_INTENT.restore) }),
  z.object({ intent: z.literal(COMMUNITY_INTENT.accept), userId: id() }),
  z.object({ intent: z.literal(COMMUNITY_INTENT.refuse), userId: id() }),
  z.object({ intent: z.literal(COMMUNITY_INTENT.remove), userId: id() }),
]);

/** Everything POST /communities/:slug answers: the community's buttons and the goal forms of its home page. */
export const CommunityPageIntentSchema = z.discriminatedUnion("intent", [...CommunityIntentSchema.options, ...GoalIntentSchema.options]);

/** The join button of the overview: which community. */
export const JoinSchema = z.object({ intent: z.literal("join"), communityId: id("error.notFound.body") });
