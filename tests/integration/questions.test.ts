/**
 * Questions and answers on a real database and a real Meilisearch: ask, answer, accept, send to the
 * knowledge manager, publish with both authors credited; who may do what (member, outsider, lead, head
 * of the department and of another one, knowledge manager); nothing half-saved on a refusal; search
 * filtered inside the query so a closed community's questions are never found by outsiders.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { acceptAnswer, answerQuestion, askQuestion, deleteAnswer, DUPLICATE_ANSWER_WINDOW_MS, editAnswer, sendQuestionToCuration } from "~/commands/manage-question.server";
import { declineNote, publishNote } from "~/commands/curate-note.server";
import { getEntryHistory } from "~/models/entry.server";
import { listInbox } from "~/models/note.server";
import type { Actor } from "~/policies/policies";
import { ensureEntriesIndex, ensureQuestionsIndex, questionsIndexStats, reindexQuestions } from "../../search/index.server";
import { processOutbox } from "../../search/outbox.server";
import { searchQuestions, similarToTitle } from "../../search/search.server";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

async function drainOutbox(timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await processOutbox();
    const pending = await db.searchOutbox.count({ where: { processedAt: null } });
    if (pending === 0) return;
    if (Date.now() > deadline) throw new Error(`${pending} outbox rows still pending`);
    await db.searchOutbox.updateMany({ where: { processedAt: null }, data: { availableAt: new Date() } });
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A community with a lead, two members, the head of its department, the head of another department and a knowledge manager. */
async function setup(visibility: "OPEN" | "CLOSED" = "CLOSED") {
  const [dept, otherDept] = [await makeDepartment(), await makeDepartment()];
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  const otherHeadUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: otherDept.id });
  await db.department.update({ where: { id: otherDept.id }, data: { headId: otherHeadUser.id } });
  const [leadUser, askerUser, memberUser, outsiderUser, kmUser] = [
    await makeUser({ name: `Trekker ${uid()}` }),
    await makeUser({ name: `Vraagsteller ${uid()}` }),
    await makeUser({ name: `Collega ${uid()}` }),
    await makeUser(),
    await makeUser({ role: "KNOWLEDGE_MANAGER" }),
  ];
  const community = await makeCommunity({ departmentId: dept.id, visibility, memberIds: [askerUser.id, memberUser.id] });
  await db.membership.create({ data: { userId: leadUser.id, communityId: community.id, role: "LEAD" } });
  return {
    community,
    lead: await actorFor(leadUser),
    asker: await actorFor(askerUser),
    member: await actorFor(memberUser),
    outsider: await actorFor(outsiderUser),
    head: await actorFor(headUser),
    otherHead: await actorFor(otherHeadUser),
    km: await actorFor(kmUser),
    names: { asker: askerUser.name, member: memberUser.name, lead: leadUser.name },
  };
}

const question = (title: string) => ({ title, tags: ["volmacht"], body: body(`${title}. De klant is 89 en kan niet meer naar het kantoor.`) });
const stateOf = async (id: string) => db.note.findUniqueOrThrow({ where: { id }, select: { state: true, acceptedAnswerId: true } });
const auditActions = async (id: string) =>
  (await db.auditEvent.findMany({ where: { targetType: "note", targetId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { action: true } })).map((a) => a.action);

beforeAll(async () => {
  await ensureEntriesIndex();
  await ensureQuestionsIndex();
});

describe("questions and answers", () => {
  it("ask, answer, accept (and switch), send to the knowledge manager, publish: both authors credited; audit and outbox on every step", async () => {
    const s = await setup("OPEN");
    const { id } = await askQuestion(s.asker, s.community.id, question(`Volmacht termijnrekening ${uid()}`));
    expect(await db.note.findUniqueOrThrow({ where: { id }, select: { kind: true, state: true, communityId: true } })).toEqual({ kind: "QUESTION", state: "OPEN", communityId: s.community.id });
    expect(await db.searchOutbox.count({ where: { indexName: "questions", documentId: id } })).toBe(1);

    // An open question is never in the inbox.
    expect((await listInbox(1000)).notes.map((n) => n.id)).not.toContain(id);

    const first = await answerQuestion(s.member, id, body("Met een algemene volmacht mag dat."));
    const second = await answerQuestion(s.lead, id, body("Kijk eerst in het CRM welk type volmacht er is."));
    // Sending needs an accepted answer.
    await expect(sendQuestionToCuration(s.asker, id)).rejects.toMatchObject({ status: 400, messageKey: "error.question.noAccepted" });
    await acceptAnswer(s.asker, id, first.id);
    expect(await stateOf(id)).toEqual({ state: "OPEN", acceptedAnswerId: first.id });
    // A lead may switch to another answer while the question is open.
    await acceptAnswer(s.lead, id, second.id);
    expect(await stateOf(id)).toEqual({ state: "OPEN", acceptedAnswerId: second.id });

    await sendQuestionToCuration(s.asker, id);
    expect((await stateOf(id)).state).toBe("SUBMITTED");
    expect((await listInbox(1000)).notes.map((n) => n.id)).toContain(id);
    // Once with the knowledge manager, the question is frozen.
    await expect(answerQuestion(s.member, id, body("Nog iets"))).rejects.toMatchObject({ status: 409, messageKey: "error.question.notOpen" });
    await expect(acceptAnswer(s.asker, id, first.id)).rejects.toMatchObject({ status: 409 });

    const { entryId } = await publishNote(s.km, id, { title: "Volmacht en termijnrekening", tags: ["volmacht"], body: body("Vraag en antwoord") });
    expect((await stateOf(id)).state).toBe("PUBLISHED");
    const history = await getEntryHistory(entryId, s.km.id);
    expect(history.contributors.map((c) => c.name).sort()).toEqual([s.names.asker, s.names.lead].sort());
    expect(await auditActions(id)).toEqual(["question.ask", "question.answer", "question.answer", "question.accept", "question.accept", "question.send", "note.publish"]);
    expect(await db.searchOutbox.count({ where: { indexName: "questions", documentId: id } })).toBe(7);
  });

  it("a plain member may not accept or send: 403 with the reason, nothing saved", async () => {
    const s = await setup();
    const { id } = await askQuestion(s.asker, s.community.id, question(`Vraag ${uid()}`));
    const answer = await answerQuestion(s.lead, id, body("Antwoord"));
    const audits = await auditActions(id);
    await expect(acceptAnswer(s.member, id, answer.id)).rejects.toMatchObject({ status: 403, messageKey: "error.question.acceptForbidden" });
    expect(await stateOf(id)).toEqual({ state: "OPEN", acceptedAnswerId: null });
    await acceptAnswer(s.asker, id, answer.id);
    await expect(sendQuestionToCuration(s.member, id)).rejects.toMatchObject({ status: 403, messageKey: "error.question.sendForbidden" });
    expect((await stateOf(id)).state).toBe("OPEN");
    expect(await auditActions(id)).toEqual([...audits, "question.accept"]);
    // An answer of another question is refused.
    const other = await askQuestion(s.member, s.community.id, question(`Andere vraag ${uid()}`));
    const foreign = await answerQuestion(s.lead, other.id, body("Antwoord elders"));
    await expect(acceptAnswer(s.asker, id, foreign.id)).rejects.toMatchObject({ status: 400, field: "answerId" });
    expect((await stateOf(id)).acceptedAnswerId).toBe(answer.id);
  });

  it("who may do what in a closed community: members and leads ask and answer; outsiders and other heads get 404; head and KM see but may not ask", async () => {
    const s = await setup("CLOSED");
    const { id } = await askQuestion(s.asker, s.community.id, question(`Gesloten ${uid()}`));
    const answer = await answerQuestion(s.lead, id, body("Antwoord van de trekker"));
    const before = { notes: await db.note.count(), answers: await db.answer.count() };
    for (const who of [s.outsider, s.otherHead]) {
      await expect(askQuestion(who, s.community.id, question("x"))).rejects.toMatchObject({ status: 404 });
      await expect(answerQuestion(who, id, body("x"))).rejects.toMatchObject({ status: 404 });
      await expect(acceptAnswer(who, id, answer.id)).rejects.toMatchObject({ status: 404 });
      await expect(sendQuestionToCuration(who, id)).rejects.toMatchObject({ status: 404 });
    }
    for (const who of [s.head, s.km]) {
      await expect(askQuestion(who, s.community.id, question("x"))).rejects.toMatchObject({ status: 403, messageKey: "error.question.membersOnly" });
      await expect(answerQuestion(who, id, body("x"))).rejects.toMatchObject({ status: 403 });
      await expect(acceptAnswer(who, id, answer.id)).rejects.toMatchObject({ status: 403 });
    }
    expect({ notes: await db.note.count(), answers: await db.answer.count() }).toEqual(before);
    // An archived community takes no new questions.
    await db.community.update({ where: { id: s.community.id }, data: { status: "ARCHIVED" } });
    await expect(askQuestion(s.asker, s.community.id, question("x"))).rejects.toMatchObject({ status: 403, messageKey: "error.question.archived" });
  });

  it("search: a closed community's questions are found by members, its lead, its head and the KM, never by outsiders or another head", async () => {
    const s = await setup("CLOSED");
    const word = `kobalimer${uid().replace(/[0-9]/g, "x")}`;
    const { id } = await askQuestion(s.asker, s.community.id, question(`Spaarrekening ${word} geblokkeerd`));
    await drainOutbox();
    const found = async (actor: Actor) => {
      const similar = await similarToTitle(actor, { title: `spaarrekening ${word}` });
      const searched = await searchQuestions(actor, { q: word });
      expect(similar.status).toBe("ok");
      expect(searched.status).toBe("ok");
      const a = similar.questions.some((q) => q.id === id);
      const b = searched.status === "ok" && searched.hits.some((q) => q.id === id);
      expect(a).toBe(b);
      return a;
    };
    for (const who of [s.asker, s.member, s.lead, s.head, s.km]) expect(await found(who)).toBe(true);
    for (const who of [s.outsider, s.otherHead]) expect(await found(who)).toBe(false);

    // The document carries what the list shows: answers and acceptance.
    const answer = await answerQuestion(s.member, id, body("Deblokkeren via het CRM."));
    await acceptAnswer(s.asker, id, answer.id);
    await drainOutbox();
    const hit = (await similarToTitle(s.asker, { title: `spaarrekening ${word}` })).questions.find((q) => q.id === id);
    expect(hit).toMatchObject({ answerCount: 1, accepted: true, state: "OPEN", communityId: s.community.id });
  });

  it("an open community's question is found by everyone; a declined question keeps its state in the index", async () => {
    const s = await setup("OPEN");
    const word = `zavomirek${uid().replace(/[0-9]/g, "y")}`;
    const { id } = await askQuestion(s.asker, s.community.id, question(`App ${word} traag`));
    const answer = await answerQuestion(s.member, id, body("Opnieuw installeren."));
    await acceptAnswer(s.asker, id, answer.id);
    await sendQuestionToCuration(s.asker, id);
    await declineNote(s.km, id, "Staat al in de kennisbank");
    await drainOutbox();
    const result = await searchQuestions(s.outsider, { q: word });
    expect(result.status === "ok" && result.hits.map((h) => [h.id, h.state])).toEqual([[id, "DECLINED"]]);
  });

  it("reindex rebuilds the questions index from the database", async () => {
    const s = await setup("OPEN");
    await askQuestion(s.asker, s.community.id, question(`Reindex ${uid()}`));
    // A field note in the same community is not a question and stays out of the index.
    await db.note.create({ data: { kind: "FIELD_NOTE", authorId: s.asker.id, communityId: s.community.id, title: "Notitie", bodyJson: body("x").json, bodyText: "x" } });
    const result = await reindexQuestions();
    const total = await db.note.count({ where: { kind: "QUESTION", communityId: { not: null } } });
    expect(result.indexed).toBe(total);
    expect((await questionsIndexStats()).numberOfDocuments).toBe(total);
  });

  it("the outbox pushes each index on its own: rows for an unknown index wait and retry, the others are indexed", async () => {
    const s = await setup("OPEN");
    const { id } = await askQuestion(s.asker, s.community.id, question(`Outbox ${uid()}`));
    const bogus = await db.searchOutbox.create({ data: { indexName: "nonexistent", documentId: "x", operation: "UPSERT" } });
    const run = await processOutbox();
    expect(run.failed).toBe(1);
    expect(await db.searchOutbox.findFirst({ where: { indexName: "questions", documentId: id }, select: { processedAt: true } })).not.toMatchObject({ processedAt: null });
    const waiting = await db.searchOutbox.findUniqueOrThrow({ where: { id: bogus.id } });
    expect(waiting).toMatchObject({ processedAt: null, attempts: 1 });
    expect(waiting.lastError).toContain("nonexistent");
    await db.searchOutbox.delete({ where: { id: bogus.id } });
  });

  it("the same answer posted twice by the same person within the window is one answer; later, or by someone else, it is a new one", async () => {
    const s = await setup("OPEN");
    const { id } = await askQuestion(s.asker, s.community.id, question(`Dubbel ${uid()}`));
    const text = "Vraag de klant om een volmachtformulier te tekenen.";
    const first = await answerQuestion(s.member, id, body(text));
    const again = await answerQuestion(s.member, id, body(text));
    expect(again.id).toBe(first.id);
    expect(await db.answer.count({ where: { questionId: id } })).toBe(1);
    expect(await auditActions(id)).toEqual(["question.ask", "question.answer"]);
    // Someone else may say the same thing; so may the same person with other words.
    const byLead = await answerQuestion(s.lead, id, body(text));
    expect(byLead.id).not.toBe(first.id);
    await answerQuestion(s.member, id, body(`${text} En kijk het CRM na.`));
    expect(await db.answer.count({ where: { questionId: id } })).toBe(3);
    // Past the window, the same text is a new answer.
    await db.answer.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - DUPLICATE_ANSWER_WINDOW_MS - 1000) } });
    const later = await answerQuestion(s.member, id, body(text));
    expect(later.id).not.toBe(first.id);
    expect(await db.answer.count({ where: { questionId: id } })).toBe(4);
  });

  it("authors edit and delete their own answer while it is not accepted: audited, question re-indexed; others, or after accepting, are refused", async () => {
    const s = await setup("CLOSED");
    const { id } = await askQuestion(s.asker, s.community.id, question(`Bewerken ${uid()}`));
    const mine = await answerQuestion(s.member, id, body("Eerste versie van mijn antwoord."));
    const other = await answerQuestion(s.lead, id, body("Antwoord van de trekker."));
    const outboxBefore = await db.searchOutbox.count({ where: { indexName: "questions", documentId: id } });

    await editAnswer(s.member, id, mine.id, body("Tweede versie van mijn antwoord."));
    expect((await db.answer.findUniqueOrThrow({ where: { id: mine.id }, select: { bodyText: true } })).bodyText).toBe("Tweede versie van mijn antwoord.");
    expect(await db.searchOutbox.count({ where: { indexName: "questions", documentId: id } })).toBe(outboxBefore + 1);
    const edit = await db.auditEvent.findFirstOrThrow({ where: { targetId: id, action: "question.answer.edit" }, select: { actorId: true, details: true } });
    expect(edit.actorId).toBe(s.member.id);
    expect(JSON.parse(edit.details)).toEqual({ answerId: mine.id, previousText: "Eerste versie van mijn antwoord." });

    // Not your answer: refused, even for the asker and the lead; outsiders do not see the question at all.
    await expect(editAnswer(s.asker, id, mine.id, body("x"))).rejects.toMatchObject({ status: 403, messageKey: "error.question.answerNotYours" });
    await expect(deleteAnswer(s.lead, id, mine.id)).rejects.toMatchObject({ status: 403, messageKey: "error.question.answerNotYours" });
    await expect(editAnswer(s.outsider, id, mine.id, body("x"))).rejects.toMatchObject({ status: 404 });
    // An answer of another question is not found here.
    const elsewhere = await askQuestion(s.asker, s.community.id, question(`Elders ${uid()}`));
    await expect(editAnswer(s.member, elsewhere.id, mine.id, body("x"))).rejects.toMatchObject({ status: 400, field: "answerId" });

    // Once accepted, the answer stays as it is.
    await acceptAnswer(s.asker, id, mine.id);
    await expect(editAnswer(s.member, id, mine.id, body("Stiekem aangepast"))).rejects.toMatchObject({ status: 403, messageKey: "error.question.answerAccepted" });
    await expect(deleteAnswer(s.member, id, mine.id)).rejects.toMatchObject({ status: 403, messageKey: "error.question.answerAccepted" });
    expect((await db.answer.findUniqueOrThrow({ where: { id: mine.id }, select: { bodyText: true } })).bodyText).toBe("Tweede versie van mijn antwoord.");

    // The lead's own answer is not accepted: the lead may delete it.
    await deleteAnswer(s.lead, id, other.id);
    expect(await db.answer.findUnique({ where: { id: other.id } })).toBeNull();
    expect(await auditActions(id)).toEqual(["question.ask", "question.answer", "question.answer", "question.answer.edit", "question.accept", "question.answer.delete"]);

    // Sent to the knowledge manager, the question's answers are frozen.
    const mine2 = await answerQuestion(s.member, id, body("Nog een antwoord."));
    await sendQuestionToCuration(s.asker, id);
    await expect(editAnswer(s.member, id, mine2.id, body("x"))).rejects.toMatchObject({ status: 409, messageKey: "error.question.notOpen" });
    await expect(deleteAnswer(s.member, id, mine2.id)).rejects.toMatchObject({ status: 409 });
  });
});
