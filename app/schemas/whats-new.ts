import { z } from "zod";

/** "Seen it all": the moment the page the person read was loaded (it comes back from the page itself). */
export const MarkWhatsNewSeenSchema = z.object({
  seenUntil: z.iso.datetime({ error: "error.invalid" }).transform((value) => new Date(value)),
});
