/** Test data, made by each test for itself. Goes through the real commands where a workflow exists. */
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { db } from "~/utils/db.server";
import { loadActor } from "~/models/actor.server";
import type { Role } from "~/schemas/enums";
import { plainTextToRichText, richTextToPlainText } from "~/schemas/rich-text.shared";

export const TEST_PASSWORD = "test-password-123";
let passwordHash: string | undefined;

export function uid(prefix = "") {
  return `${prefix}${randomBytes(4).toString("hex")}`;
}

export async function makeUser(opts: { role?: Role; name?: string; email?: string; departmentId?: string | null; locale?: "nl" | "en" } = {}) {
  passwordHash ??= await bcrypt.hash(TEST_PASSWORD, 4);
  const user = await db.user.create({
    data: {
      email: opts.email ?? `${uid("u")}@test.gilde`,
      name: opts.name ?? `Test ${uid()}`,
      role: opts.role ?? "EMPLOYEE",
      locale: opts.locale ?? "nl",
      departmentId: opts.departmentId ?? null,
      passwordHash,
    },
  });
  return user;
}

export async function actorFor(user: { id: string; email: string; name: string; role: string; locale: string; departmentId: string | null }) {
  return loadActor({ ...user, role: user.role as Role });
}

export async function makeDepartment(name = `Afdeling ${uid()}`) {
  return db.department.create({ data: { name } });
}

export async function makeCommunity(opts: { departmentId: string; visibility?: "OPEN" | "CLOSED"; memberIds?: string[] }) {
  const slug = uid("c-");
  return db.community.create({
    data: {
      name: `Community ${slug}`,
      slug,
      departmentId: opts.departmentId,
      visibility: opts.visibility ?? "OPEN",
      memberships: { create: (opts.memberIds ?? []).map((userId) => ({ userId })) },
    },
  });
}

export function body(text: string) {
  const state = plainTextToRichText(text);
  return { json: JSON.stringify(state), text: richTextToPlainText(state) };
}
