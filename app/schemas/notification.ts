import { z } from "zod";
import { MUTABLE_NOTIFICATION_TYPES, DIGEST_TIME, ID, NOTIFICATION_INTENT } from "./notification.shared";

/** Checkboxes of one name: none sent is an empty list, one sent is a list of one. */
const checkedList = z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum(MUTABLE_NOTIFICATION_TYPES, "error.invalid")).max(MUTABLE_NOTIFICATION_TYPES.length));

const checkbox = z.literal("on").optional().transform((v) => v === "on");

/** The preferences form: the types the person wants (the rest is muted), e-mail, and the daily digest. */
export const NotificationPreferencesSchema = z.object({
  receive: checkedList,
  email: checkbox,
  digest: checkbox,
  digestTime: z.string("error.notify.digestTime").trim().regex(DIGEST_TIME, "error.notify.digestTime"),
});

export type NotificationPreferencesInput = z.output<typeof NotificationPreferencesSchema>;

export const NotificationIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal(NOTIFICATION_INTENT.read), notificationId: z.string().regex(ID, "error.notFound.body") }),
  z.object({ intent: z.literal(NOTIFICATION_INTENT.readAll) }),
]);
