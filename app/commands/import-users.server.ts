/**
 * The roll-out's user import: an admin's CSV checked row by row (app/schemas/user-import.ts), then every
 * new person created in one transaction with their audit event, or nobody at all. Addresses that
 * already have an account are skipped and counted, never changed. People are created as the "new user"
 * form creates them, without a password (NO_PASSWORD_HASH, as single sign-on does): they sign in through
 * single sign-on, which links the account by its verified address.
 */
import { canImportUsers, type Actor } from "~/policies/policies";
import { db, type Tx } from "~/utils/db.server";
import type { Message } from "~/utils/i18n";
import { checkUserRows, importEmails, readUserCsv, type UserImportPreview } from "~/schemas/user-import.server";
import { CommandError } from "./errors";
import { NO_PASSWORD_HASH } from "./manage-user.server";
import { runCommand } from "./runner.server";

export type UserImportCheck = { ok: true; preview: UserImportPreview } | { ok: false; error: Message };

/** The file's verdict against the database as it is now (or inside the import's transaction). */
export async function checkUserImport(reader: Tx, text: string): Promise<UserImportCheck> {
  const file = readUserCsv(text);
  if (!file.ok) return file;
  const emails = importEmails(file.rows);
  const [departments, existing] = await Promise.all([
    reader.department.findMany({ select: { id: true, name: true } }),
    reader.user.findMany({ where: { email: { in: emails } }, select: { email: true } }),
  ]);
  return { ok: true, preview: checkUserRows(file.rows, { departments, existingEmails: new Set(existing.map((u) => u.email)) }) };
}

/** For the preview: nothing is written. */
export async function previewUserImport(actor: Actor, text: string): Promise<UserImportCheck> {
  if (!canImportUsers(actor)) throw CommandError.forbidden();
  return checkUserImport(db, text);
}

export type UserImportResult = { ok: true; created: number; skipped: number } | { ok: false; check: UserImportCheck };

/**
 * Checks the file again inside the transaction (someone may have been created since the preview) and
 * creates the new people only if not one row has an error.
 */
export async function importUsers(actor: Actor, text: string): Promise<UserImportResult> {
  if (!canImportUsers(actor)) throw CommandError.forbidden();
  return runCommand<UserImportResult>(actor, async ({ tx, audit }) => {
    const check = await checkUserImport(tx, text);
    if (!check.ok || check.preview.counts.invalid > 0) return { ok: false, check };
    const { counts, rows } = check.preview;
    for (const row of rows) {
      if (!row.value) continue;
      const user = await tx.user.create({ data: { ...row.value, passwordHash: NO_PASSWORD_HASH }, select: { id: true } });
      await audit({ action: "user.create", targetType: "user", targetId: user.id, details: { role: row.value.role, source: "import", line: row.line } });
    }
    await audit({ action: "user.import", targetType: "user", targetId: actor.id, details: { created: counts.create, skipped: counts.exists } });
    return { ok: true, created: counts.create, skipped: counts.exists };
  });
}
