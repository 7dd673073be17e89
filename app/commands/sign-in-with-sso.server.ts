/**
 * Who a single sign-on lets in (issue 16, docs/decisions/0057): the provider's account (issuer +
 * subject) is linked to one Gilde user. The first sign-in links an existing user with the same
 * verified email address, or provisions a new one; the claims then decide role and department, at
 * every sign-in, when the configuration maps them. A disabled user stays out.
 */
import type { Tx } from "~/utils/db.server";
import { writeAudit } from "~/models/audit.server";
import type { Role } from "~/schemas/enums";
import { departmentNameFromClaims, personFromClaims, roleFromClaims, type ClaimMapping, type Claims } from "~/utils/sso-claims";
import { runCommand } from "./runner.server";

export type SsoSignIn = { issuer: string; subject: string; claims: Claims };

export type SsoSignInResult =
  | { status: "ok"; userId: string; provisioned: boolean }
  | { status: "refused"; reason: "disabled" | "emailUnverified" | "linkedElsewhere" };

type Options = {
  mapping: ClaimMapping;
  /** The break-glass admin's address: claims never change that account's role or department (0058). */
  breakGlassEmail?: string;
};

const userSelect = { id: true, email: true, role: true, departmentId: true, disabledAt: true } as const;

export async function signInWithSso(identity: SsoSignIn, options: Options): Promise<SsoSignInResult> {
  try {
    return await signInOnce(identity, options);
  } catch (error) {
    // Two first sign-ins of one person at once (two tabs, a double click at the provider): the other one
    // made the user or the link between this one's read and its write. Once more finds and uses it.
    if (!isUniqueViolation(error)) throw error;
    return signInOnce(identity, options);
  }
}

/**
 * The database refused a second row with the same unique key (an email, an issuer and subject). Read by
 * its code, which the SQLite and the PostgreSQL clients both give (docs/decisions/0054).
 */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "P2002";
}

async function signInOnce(identity: SsoSignIn, { mapping, breakGlassEmail }: Options): Promise<SsoSignInResult> {
  const person = personFromClaims(identity.claims);
  const role = roleFromClaims(identity.claims, mapping);
  const departmentName = departmentNameFromClaims(identity.claims, mapping);
  // The actor of every event is the person signing in, known only inside: audit through writeAudit.
  return runCommand(null, async ({ tx }): Promise<SsoSignInResult> => {
    const departmentId = departmentName === undefined ? undefined : await departmentIdByName(tx, departmentName);
    const key = { issuer_subject: { issuer: identity.issuer, subject: identity.subject } };
    const link = await tx.externalIdentity.findUnique({ where: key, select: { user: { select: userSelect } } });
    let user = link?.user ?? null;

    if (!user) {
      // Only an address the provider vouches for may claim an account, or make one in its name.
      if (!person.email || !person.emailVerified) return { status: "refused", reason: "emailUnverified" };
      user = await tx.user.findUnique({ where: { email: person.email }, select: userSelect });
      if (user?.disabledAt) return { status: "refused", reason: "disabled" };
      if (user) {
        const other = await tx.externalIdentity.findFirst({ where: { userId: user.id, issuer: identity.issuer }, select: { subject: true } });
        // The same subject: a sign-in of this person at the same moment linked it after this one looked.
        if (other && other.subject !== identity.subject) return { status: "refused", reason: "linkedElsewhere" };
        if (!other) {
          await tx.externalIdentity.create({ data: { userId: user.id, issuer: identity.issuer, subject: identity.subject } });
          await writeAudit(tx, { actorId: user.id, action: "user.ssoLink", targetType: "user", targetId: user.id, details: { issuer: identity.issuer } });
        }
      } else {
        const created = await tx.user.create({
          // No password: this person signs in through the provider only (an empty hash matches nothing).
          data: { email: person.email, name: person.name, passwordHash: "", role: role ?? "EMPLOYEE", departmentId: departmentId ?? null, locale: person.locale },
          select: { id: true },
        });
        await tx.externalIdentity.create({ data: { userId: created.id, issuer: identity.issuer, subject: identity.subject } });
        await writeAudit(tx, {
          actorId: created.id,
          action: "user.create",
          targetType: "user",
          targetId: created.id,
          details: { via: "sso", issuer: identity.issuer, role: role ?? "EMPLOYEE", departmentId: departmentId ?? null },
        });
        await signedIn(tx, created.id);
        return { status: "ok", userId: created.id, provisioned: true };
      }
    }

    if (user.disabledAt) return { status: "refused", reason: "disabled" };
    if (user.email !== breakGlassEmail) await applyClaims(tx, user, role, departmentId);
    await tx.externalIdentity.update({ where: key, data: { lastSignInAt: new Date() } });
    await signedIn(tx, user.id);
    return { status: "ok", userId: user.id, provisioned: false };
  });
}

/**
 * The provider decides what it is configured to decide: the role (an unmapped one is employee) and
 * the department (one it names that Gilde does not know leaves it as it is). A new role ends the
 * person's other sessions, as an admin's change does (docs/decisions/0045).
 */
async function applyClaims(tx: Tx, user: { id: string; role: string; departmentId: string | null }, role: Role | null, departmentId: string | undefined) {
  const to = { role: role ?? user.role, departmentId: departmentId ?? user.departmentId };
  if (to.role === user.role && to.departmentId === user.departmentId) return;
  await tx.user.update({ where: { id: user.id }, data: to });
  if (to.role !== user.role) await tx.session.deleteMany({ where: { userId: user.id } });
  await writeAudit(tx, { actorId: user.id, action: "user.update", targetType: "user", targetId: user.id, details: { via: "sso", from: { role: user.role, departmentId: user.departmentId }, to } });
}

/** Departments are few and named by people: the claim's name matches ignoring case. */
async function departmentIdByName(tx: Tx, name: string): Promise<string | undefined> {
  const wanted = name.trim().toLocaleLowerCase("nl");
  const departments = await tx.department.findMany({ select: { id: true, name: true } });
  return departments.find((d) => d.name.trim().toLocaleLowerCase("nl") === wanted)?.id;
}

async function signedIn(tx: Tx, userId: string) {
  await writeAudit(tx, { actorId: userId, action: "user.signIn", targetType: "user", targetId: userId, details: { method: "sso" } });
}
