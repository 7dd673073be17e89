/**
 * Every command that changes state runs through runCommand: one transaction for the change, its
 * audit events and its search outbox rows, so either all of them are written or none is. After the
 * commit, and only if the command queued something, the outbox worker is woken so the change is
 * searchable at once instead of at the next poll (docs/decisions/0023).
 */
import { db, type Tx } from "~/utils/db.server";
import { writeAudit, type AuditInput } from "~/models/audit.server";
import type { Actor } from "~/policies/policies";
import { writeNotifications, type NotifyInput } from "~/models/notification.server";
import { enqueueDocument, kickOutbox, type OutboxIndex } from "../../search/outbox.server";

/**
 * Who runs the command: the actor the policies judged, or just the user a change of their own concerns;
 * null for the system's own jobs (the knowledge sweep), audited without an actor.
 */
export type CommandActor = Pick<Actor, "id"> | null;

export type CommandContext = {
  tx: Tx;
  /** An audit event by the actor, in the command's transaction. */
  audit: (event: Omit<AuditInput, "actorId">) => Promise<void>;
  /** A search outbox row for a document whose indexed form this command changes. */
  enqueue: (index: OutboxIndex, documentId: string) => Promise<void>;
  /** Notifications of this command's event to the people it concerns, in the command's transaction. */
  notify: (input: NotifyInput) => Promise<void>;
};

/** `null`: the system itself, for the calendar's jobs (the knowledge sweep); its audit events have no actor. */
export async function runCommand<T>(actor: CommandActor | null, command: (context: CommandContext) => Promise<T>): Promise<T> {
  let queued = 0;
  const result = await db.$transaction((tx) =>
    command({
      tx,
      audit: (event) => writeAudit(tx, { ...event, actorId: actor?.id ?? null }),
      enqueue: async (index, documentId) => {
        await enqueueDocument(tx, index, documentId);
        queued += 1;
      },
      notify: async (input) => {
        await writeNotifications(tx, actor?.id ?? null, input);
      },
    }),
  );
  if (queued > 0) kickOutbox();
  return result;
}
