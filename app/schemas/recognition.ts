/**
 * Recognition and the skill spotlight (issue 17): a thank-you's short message, and the lead's spotlight form.
 */
import { z } from "zod";
import { LIMITS } from "./note.shared";
import { RECOGNITION_LIMITS, CONTROL, SPOTLIGHT_INTENT } from "./recognition.shared";

const shortText = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(CONTROL, "").trim())
    .pipe(z.string().min(1).max(max));

/** A thank-you: a short message to the contributor. */
export const ThanksSchema = z.object({ message: shortText(RECOGNITION_LIMITS.thanksMax) });

export type ThanksInput = z.output<typeof ThanksSchema>;

const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/**
 * Pinning: an entry of the list or a topic (a tag's name), not both, with a short note. Which of the two is
 * checked here; whether the entry or the topic exists and fits the community is the command's to say.
 */
export const SpotlightIntentSchema = z.discriminatedUnion("intent", [
  z
    .object({
      intent: z.literal(SPOTLIGHT_INTENT.pin),
      entryId: optionalText.pipe(z.string().regex(/^[a-z0-9]{10,40}$/, "error.recognition.spotlightEntry").optional()),
      tag: optionalText.pipe(z.string().max(LIMITS.tagMax, "error.tag").optional()),
      note: shortText(RECOGNITION_LIMITS.spotlightNoteMax),
    })
    .superRefine((value, ctx) => {
      if (!value.entryId && !value.tag) ctx.addIssue({ code: "custom", path: ["entryId"], message: "error.recognition.spotlightChoose" });
      if (value.entryId && value.tag) ctx.addIssue({ code: "custom", path: ["tag"], message: "error.recognition.spotlightOne" });
    }),
  z.object({ intent: z.literal(SPOTLIGHT_INTENT.remove) }),
]);

export type SpotlightIntent = z.output<typeof SpotlightIntentSchema>;

/** The ask form's checkbox: asked as "a member". */
export const anonymousCheckbox = z
  .literal("on", "error.invalid")
  .optional()
  .transform((value) => value === "on");
