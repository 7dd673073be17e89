import { z } from "zod";
import { API_SCOPES, API_TOKEN_LIMITS, API_TOKEN_INTENT } from "./api-token.shared";

const scopeList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : String(value).split(/[\s,]+/).filter(Boolean)),
  z.array(z.enum(API_SCOPES, "error.apiToken.scope")).min(1, "error.apiToken.scopes"),
);

export const ApiTokenFieldsSchema = z.object({
  name: z.string().trim().min(1).max(API_TOKEN_LIMITS.nameMax),
  scopes: scopeList.transform((list) => [...new Set(list)]),
  expiresInDays: z.coerce
    .number()
    .int()
    .min(1, "error.apiToken.days")
    .max(API_TOKEN_LIMITS.maxDays, "error.apiToken.days")
    .default(API_TOKEN_LIMITS.defaultDays),
});

export const ApiTokenIntentSchema = z.discriminatedUnion("intent", [
  ApiTokenFieldsSchema.extend({ intent: z.literal(API_TOKEN_INTENT.create) }),
  z.object({ intent: z.literal(API_TOKEN_INTENT.revoke), tokenId: z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid") }),
]);
