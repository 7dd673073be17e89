/**
 * Knowledge managers keep the synonyms and abbreviations of search. Each change is checked against
 * the other rules, audited with what it was before and after, and queues the synonyms setting in the
 * search outbox in the same transaction: Meilisearch gets the whole list from the database when it
 * can, after an outage too.
 */
import { canManageKnowledge, type Actor } from "~/policies/policies";
import { checkRuleSet, type SynonymRuleInput } from "~/schemas/synonym.shared";
import { getSynonymRule, listSynonymRules } from "~/models/synonym.server";
import { SETTINGS_OUTBOX } from "../../search/outbox.server";
import { CommandError } from "./errors";
import { runCommand, type CommandContext } from "./runner.server";

type KnowledgeActor = Pick<Actor, "id" | "role">;

function snapshot(rule: SynonymRuleInput) {
  return { kind: rule.kind, term: rule.term, words: rule.words };
}

async function checkAgainstOthers(tx: CommandContext["tx"], rule: SynonymRuleInput & { id?: string }) {
  const problem = checkRuleSet(await listSynonymRules(tx), rule);
  if (problem) throw CommandError.invalid(problem.message.key, problem.field, problem.message.vars);
}

export async function createSynonymRule(actor: KnowledgeActor, rule: SynonymRuleInput): Promise<{ id: string }> {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  return runCommand(actor, async ({ tx, audit, enqueue }) => {
    await checkAgainstOthers(tx, rule);
    const row = await tx.synonymRule.create({
      data: { kind: rule.kind, term: rule.term, words: JSON.stringify(rule.words), updatedById: actor.id },
      select: { id: true },
    });
    await audit({ action: "synonym.create", targetType: "SynonymRule", targetId: row.id, details: { after: snapshot(rule) } });
    await enqueue(SETTINGS_OUTBOX, "synonyms");
    return row;
  });
}

/** A rule keeps its kind: a group does not become an expansion (delete it and add the other). */
export async function updateSynonymRule(actor: KnowledgeActor, id: string, rule: SynonymRuleInput): Promise<void> {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  await runCommand(actor, async ({ tx, audit, enqueue }) => {
    const before = await getSynonymRule(tx, id);
    if (!before) throw CommandError.notFound();
    if (before.kind !== rule.kind) throw CommandError.invalid("error.invalid");
    await checkAgainstOthers(tx, { ...rule, id });
    await tx.synonymRule.update({ where: { id }, data: { term: rule.term, words: JSON.stringify(rule.words), updatedById: actor.id } });
    await audit({ action: "synonym.update", targetType: "SynonymRule", targetId: id, details: { before: snapshot(before), after: snapshot(rule) } });
    await enqueue(SETTINGS_OUTBOX, "synonyms");
  });
}

export async function deleteSynonymRule(actor: KnowledgeActor, id: string): Promise<void> {
  if (!canManageKnowledge(actor)) throw CommandError.forbidden();
  await runCommand(actor, async ({ tx, audit, enqueue }) => {
    const before = await getSynonymRule(tx, id);
    if (!before) throw CommandError.notFound();
    await tx.synonymRule.delete({ where: { id } });
    await audit({ action: "synonym.delete", targetType: "SynonymRule", targetId: id, details: { before: snapshot(before) } });
    await enqueue(SETTINGS_OUTBOX, "synonyms");
  });
}
