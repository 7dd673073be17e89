import { z } from "zod";
import { LOCALES, ROLES } from "./enums";
import { EMAIL_MAX, PASSWORD_MIN, PASSWORD_MAX, USER_INTENT } from "./user.shared";

const email = z.string().trim().toLowerCase().min(1).max(EMAIL_MAX).pipe(z.email());

const departmentId = z
  .string()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.string().regex(/^[a-z0-9]{10,40}$/, "error.invalid").nullable());

export const LoginSchema = z.object({
  email,
  password: z.string().min(1).max(PASSWORD_MAX),
  redirectTo: z.string().max(500).optional(),
});

export const CreateUserSchema = z.object({
  name: z.string().trim().min(1).max(120),
  email,
  password: z.string().min(PASSWORD_MIN).max(PASSWORD_MAX),
  role: z.enum(ROLES),
  departmentId,
  locale: z.enum(LOCALES).default("nl"),
});

export const UpdateUserSchema = z.object({
  intent: z.literal(USER_INTENT.update),
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  departmentId,
  locale: z.enum(LOCALES),
  /** Checkbox: this user heads the chosen department. */
  headOfDepartment: z.literal("on").optional().transform((v) => v === "on"),
});

export const UserIntentSchema = z.discriminatedUnion("intent", [
  UpdateUserSchema,
  z.object({ intent: z.literal(USER_INTENT.disable) }),
  z.object({ intent: z.literal(USER_INTENT.enable) }),
]);

export const SettingsSchema = z.object({ locale: z.enum(LOCALES) });
