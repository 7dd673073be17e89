import { runCommand } from "./runner.server";

/**
 * "Seen it all" on the what's-new page: from now on it counts from the moment the person loaded the page
 * they read, so what appeared while they were reading stays for their next visit. Never moves back.
 */
export async function markWhatsNewSeen(userId: string, seenUntil: Date): Promise<void> {
  await runCommand({ id: userId }, async ({ tx, audit }) => {
    const current = await tx.notificationPreference.findUnique({ where: { userId }, select: { whatsNewSeenAt: true } });
    if (current?.whatsNewSeenAt && current.whatsNewSeenAt >= seenUntil) return;
    await tx.notificationPreference.upsert({ where: { userId }, create: { userId, whatsNewSeenAt: seenUntil }, update: { whatsNewSeenAt: seenUntil } });
    await audit({ action: "user.whatsNewSeen", targetType: "user", targetId: userId, details: { seenUntil: seenUntil.toISOString() } });
  });
}
