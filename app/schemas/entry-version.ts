import { z } from "zod";

/** A version number in a URL: a positive whole number, anything else is simply not found. */
export const VersionNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

/** Which two versions of an entry to compare; `from` defaults to the one before `to`. */
export const CompareQuerySchema = z.object({
  from: VersionNumberSchema.optional().catch(undefined),
  to: VersionNumberSchema.optional().catch(undefined),
});
