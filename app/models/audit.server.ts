import type { Tx } from "~/utils/db.server";

export type AuditInput = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details?: Record<string, unknown>;
};

/** Written inside the transaction of the change it describes. */
export async function writeAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: { ...event, details: JSON.stringify(event.details ?? {}) },
  });
}

export async function listAuditFor(tx: Tx, targetType: string, targetId: string) {
  return tx.auditEvent.findMany({
    where: { targetType, targetId },
    orderBy: { createdAt: "asc" },
    select: { action: true, createdAt: true, details: true, actor: { select: { name: true } } },
  });
}
