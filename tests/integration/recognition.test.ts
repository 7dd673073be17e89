/**
 * Issue 17 on a real database (and the questions index's documents): a question asked as "a member" keeps
 * its asker from other members everywhere the app shows a question (the routes' own loaders with real
 * sessions, the JSON a `?_data=` request returns, the search document, notifications, the entry it became,
 * the contributor page); thank-yous once per person and item, never oneself, notified; a contributor's
 * figures against a hand-counted fixture; the weekly spotlight pinned by leads only, expiring, in the digest.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { resetEnvCache } from "~/utils/env.server";
import { createSession } from "~/utils/session.server";
import { acceptAnswer, answerQuestion, askQuestion, sendQuestionToCuration } from "~/commands/manage-question.server";
import { mergeNote, publishNote } from "~/commands/curate-note.server";
import { setHelped } from "~/commands/record-feedback.server";
import { thankForAnswer, thankForEntry } from "~/commands/thank-contributor.server";
import { pinSpotlight, removeSpotlight } from "~/commands/manage-spotlight.server";
import { sendDigests } from "~/commands/send-digests.server";
import { submitNote } from "~/commands/submit-note.server";
import { CommandError } from "~/commands/errors";
import { contributorFigures } from "~/models/recognition.server";
import { currentSpotlight } from "~/models/spotlight.server";
import { listNotifications } from "~/models/notification-list.server";
import { loader as questionLoader } from "~/routes/questions.$questionId";
import { loader as questionsLoader } from "~/routes/communities.$slug.questions";
import { loader as communityLoader } from "~/routes/communities.$slug._index";
import { loader as entryLoader } from "~/routes/entries.$entryId";
import { loader as versionLoader } from "~/routes/entries.$entryId_.versions.$version";
import { loader as personLoader } from "~/routes/people.$userId";
import { loadQuestionDocuments } from "../../search/documents.server";
import { actorFor, body, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";

async function argsFor(userId: string, path: string, params: Record<string, string>): Promise<LoaderFunctionArgs> {
  const cookie = (await createSession(new Request("http://localhost:3000/login"), userId)).split(";")[0];
  return { request: new Request(`http://localhost:3000${path}`, { headers: { cookie } }), params, context: { cspNonce: "" } };
}

/** What a loader answers, as the JSON a `?_data=` request would carry. */
async function loaderJson(loader: (args: LoaderFunctionArgs) => Promise<Response>, userId: string, path: string, params: Record<string, string>) {
  return JSON.stringify(await (await loader(await argsFor(userId, path, params))).json());
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CommandError) return { kind: error.kind, key: error.messageKey, field: error.field };
    if (error instanceof Response) return { status: error.status };
    throw error;
  }
  throw new Error("expected a refusal");
}

/** A closed community with a lead, the asker, two members, the head of its department and a knowledge manager. */
async function setup() {
  const dept = await makeDepartment();
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  const users = {
    lead: await makeUser({ name: `Lotte Trekker ${uid()}`, departmentId: dept.id }),
    asker: await makeUser({ name: `Anouk Vraagsteller ${uid()}`, departmentId: dept.id }),
    member: await makeUser({ name: `Mo Collega ${uid()}`, departmentId: dept.id }),
    member2: await makeUser({ name: `Nele Collega ${uid()}`, departmentId: dept.id }),
    outsider: await makeUser({ name: `Omer Buiten ${uid()}` }),
    km: await makeUser({ role: "KNOWLEDGE_MANAGER", name: `Kim Beheer ${uid()}` }),
    head: headUser,
  };
  const community = await makeCommunity({ departmentId: dept.id, visibility: "CLOSED", memberIds: [users.asker.id, users.member.id, users.member2.id] });
  await db.membership.create({ data: { userId: users.lead.id, communityId: community.id, role: "LEAD" } });
  const actors = {
    lead: await actorFor(users.lead),
    asker: await actorFor(users.asker),
    member: await actorFor(users.member),
    member2: await actorFor(users.member2),
    outsider: await actorFor(users.outsider),
    km: await actorFor(users.km),
    head: await actorFor(users.head),
  };
  return { dept, community, users, actors };
}

describe("a question asked as a member", () => {
  it("hides its asker from other members everywhere, and shows them to the lead and the knowledge manager", async () => {
    const s = await setup();
    const title = `Klant wil volmacht intrekken ${uid()}`;
    const { id } = await askQuestion(s.actors.asker, s.community.id, { title, tags: ["volmacht"], anonymous: true, body: body(`${title}: hoe doe ik dat?`) });
    const answer = await answerQuestion(s.actors.member, id, body("Via het formulier intrekking volmacht."));
    // The asker adds to their own question: that answer must not name them either.
    await answerQuestion(s.actors.asker, id, body("Het gaat om een spaarrekening."));
    await acceptAnswer(s.actors.asker, id, answer.id);

    const asker = s.users.asker;
    const secrets = [asker.name, asker.id, asker.email];
    const questionPath = `/questions/${id}`;
    const questionsPath = `/communities/${s.community.slug}/questions`;
    const homePath = `/communities/${s.community.slug}`;
    for (const reader of [s.users.member, s.users.member2, s.users.head]) {
      const seen = [
        await loaderJson(questionLoader, reader.id, `${questionPath}?_data=routes%2Fquestions.%24questionId`, { questionId: id }),
        await loaderJson(questionsLoader, reader.id, questionsPath, { slug: s.community.slug }),
        // The community's page lists its members (the asker among them); its questions name nobody.
        JSON.stringify(JSON.parse(await loaderJson(communityLoader, reader.id, homePath, { slug: s.community.slug })).questions),
      ].join("\n");
      for (const secret of secrets) expect(seen.includes(secret), `${secret} shown to ${reader.name}`).toBe(false);
      // The question itself is there, asked by "a member".
      expect(seen).toContain(title);
      expect(JSON.parse(await loaderJson(questionLoader, reader.id, questionPath, { questionId: id })).question).toMatchObject({ authorName: null, anonymous: true });
    }
    for (const reader of [s.users.asker, s.users.lead, s.users.km]) {
      const page = JSON.parse(await loaderJson(questionLoader, reader.id, questionPath, { questionId: id }));
      expect(page.question.authorName, reader.name).toBe(asker.name);
      const list = JSON.parse(await loaderJson(questionsLoader, reader.id, questionsPath, { slug: s.community.slug }));
      expect(list.questions.find((q: { id: string }) => q.id === id).authorName, reader.name).toBe(asker.name);
    }

    // The search document names nobody.
    const [document] = await loadQuestionDocuments(db, [id]);
    expect(document.title).toBe(title);
    for (const secret of secrets) expect(JSON.stringify(document)).not.toContain(secret);

    // The answerer is told their answer was accepted, by nobody in particular.
    const notifications = await listNotifications(s.actors.member);
    const accepted = notifications.items.find((n) => n.type === "answer.accepted");
    expect(accepted).toMatchObject({ actorName: null });
    expect(await db.notification.findFirstOrThrow({ where: { recipientId: s.users.member.id, type: "answer.accepted" }, select: { actorId: true } })).toEqual({ actorId: null });
    for (const secret of secrets) expect(JSON.stringify(notifications)).not.toContain(secret);

    // Published as an entry: the answerer is credited, the asker is not, on the page and in its versions.
    await sendQuestionToCuration(s.actors.asker, id);
    const { entryId } = await publishNote(s.actors.km, id, { title: `Volmacht intrekken ${uid()}`, body: body("Met het formulier."), tags: ["volmacht"] });
    for (const reader of [s.users.member, s.users.member2]) {
      const entryPage = await loaderJson(entryLoader, reader.id, `/entries/${entryId}`, { entryId });
      const version = await loaderJson(versionLoader, reader.id, `/entries/${entryId}/versions/1`, { entryId, version: "1" });
      for (const secret of secrets) expect(`${entryPage}\n${version}`.includes(secret), `${secret} in the entry for ${reader.name}`).toBe(false);
      expect(entryPage).toContain(s.users.member.name);
    }
    expect((await db.entryVersion.findFirstOrThrow({ where: { entryId }, select: { summary: true } })).summary).toBe("publish-anonymous");

    // The asker's contributor page, as the lead (who sees figures), says nothing about the question.
    const person = await loaderJson(personLoader, s.users.lead.id, `/people/${asker.id}`, { userId: asker.id });
    expect(person).not.toContain(title);
    expect(JSON.parse(person).figures).toMatchObject({ entriesCreated: 0, answersAccepted: 0 });
  });

  it("is an ordinary question when the box is not ticked: everyone sees who asked", async () => {
    const s = await setup();
    const { id } = await askQuestion(s.actors.asker, s.community.id, { title: `Gewone vraag ${uid()}`, tags: [], body: body("Wie weet het?") });
    const page = JSON.parse(await loaderJson(questionLoader, s.users.member.id, `/questions/${id}`, { questionId: id }));
    expect(page.question).toMatchObject({ authorName: s.users.asker.name, anonymous: false });
  });
});

describe("thanking a contributor", () => {
  /** An entry published from the author's note in the community, owned by the knowledge manager. */
  async function entryBy(s: Awaited<ReturnType<typeof setup>>, author: keyof Awaited<ReturnType<typeof setup>>["actors"]) {
    const note = await submitNote(s.actors[author], { title: `Notitie ${uid()}`, body: body("Zo doe je het."), tags: [], communityId: s.community.id });
    return publishNote(s.actors.km, note.id, { title: `Artikel ${uid()}`, body: body("Zo doe je het."), tags: [] });
  }

  it("thanks someone credited on an entry once, never oneself, and tells them", async () => {
    const s = await setup();
    const { entryId } = await entryBy(s, "member");
    await thankForEntry(s.actors.member2, entryId, s.users.member.id, { message: "Dank je, dit hielp me vandaag." });
    const row = await db.thanks.findFirstOrThrow({ where: { entryId }, select: { giverId: true, recipientId: true, message: true } });
    expect(row).toEqual({ giverId: s.users.member2.id, recipientId: s.users.member.id, message: "Dank je, dit hielp me vandaag." });
    const notified = await db.notification.findFirstOrThrow({ where: { recipientId: s.users.member.id, type: "thanks.received" }, select: { actorId: true, subjectType: true, subjectId: true, data: true } });
    expect(notified).toMatchObject({ actorId: s.users.member2.id, subjectType: "entry", subjectId: entryId });
    expect(JSON.parse(notified.data)).toMatchObject({ message: "Dank je, dit hielp me vandaag." });
    expect(await db.auditEvent.count({ where: { action: "thanks.give", targetId: entryId } })).toBe(1);

    expect(await rejection(thankForEntry(s.actors.member2, entryId, s.users.member.id, { message: "Nog eens" }))).toEqual({ kind: "invalid", key: "error.recognition.thanksTwice", field: "message" });
    expect(await rejection(thankForEntry(s.actors.member, entryId, s.users.member.id, { message: "Ikzelf" }))).toEqual({ kind: "invalid", key: "error.recognition.thanksSelf", field: "message" });
    // Someone the entry does not credit, and an entry the actor may not see: 404.
    expect(await rejection(thankForEntry(s.actors.member2, entryId, s.users.lead.id, { message: "Wie?" }))).toMatchObject({ kind: "notFound" });
    expect(await rejection(thankForEntry(s.actors.outsider, entryId, s.users.member.id, { message: "Stiekem" }))).toMatchObject({ kind: "notFound" });
    // Its owner (the knowledge manager who published it) may be thanked too.
    await thankForEntry(s.actors.member2, entryId, s.users.km.id, { message: "Mooi herschreven." });
    expect(await db.thanks.count({ where: { entryId } })).toBe(2);
  });

  it("thanks an answer's author, not one's own answer, not the asker's answer on an anonymous question", async () => {
    const s = await setup();
    const { id } = await askQuestion(s.actors.asker, s.community.id, { title: `Vraag ${uid()}`, tags: [], anonymous: true, body: body("Hoe?") });
    const answer = await answerQuestion(s.actors.member, id, body("Zo."));
    const own = await answerQuestion(s.actors.asker, id, body("Aanvulling."));
    await thankForAnswer(s.actors.member2, answer.id, { message: "Top, dank je!" });
    expect(await db.notification.count({ where: { recipientId: s.users.member.id, type: "thanks.received", subjectType: "question", subjectId: id } })).toBe(1);
    expect(await rejection(thankForAnswer(s.actors.member2, answer.id, { message: "Nog eens" }))).toMatchObject({ key: "error.recognition.thanksTwice" });
    expect(await rejection(thankForAnswer(s.actors.member, answer.id, { message: "Mezelf" }))).toMatchObject({ key: "error.recognition.thanksSelf" });
    expect(await rejection(thankForAnswer(s.actors.member2, own.id, { message: "Wie ben jij?" }))).toMatchObject({ kind: "notFound" });
    expect(await rejection(thankForAnswer(s.actors.outsider, answer.id, { message: "Stiekem" }))).toMatchObject({ kind: "notFound" });
  });

  it("counts a contributor's figures as hand-counted, and shows them only to who may see them", async () => {
    const s = await setup();
    // Two entries from member's notes; one merged into by member2's note; helped three times (once by member themself, not counted).
    const first = await entryBy(s, "member");
    const second = await entryBy(s, "member");
    const merged = await submitNote(s.actors.member2, { title: `Aanvulling ${uid()}`, body: body("Ook zo."), tags: [], communityId: s.community.id });
    await mergeNote(s.actors.km, merged.id, first.entryId, { title: "Samen", body: body("Zo en ook zo."), tags: [] });
    await setHelped(s.actors.member2, first.entryId, true);
    await setHelped(s.actors.lead, second.entryId, true);
    await setHelped(s.actors.member, second.entryId, true);
    // An answer of member's accepted on a question that becomes a third entry.
    const { id } = await askQuestion(s.actors.asker, s.community.id, { title: `Vraag ${uid()}`, tags: [], body: body("Hoe?") });
    const answer = await answerQuestion(s.actors.member, id, body("Zo."));
    await acceptAnswer(s.actors.asker, id, answer.id);
    await sendQuestionToCuration(s.actors.asker, id);
    await publishNote(s.actors.km, id, { title: `Uit een vraag ${uid()}`, body: body("Zo."), tags: [] });
    // Thanks from member2 (who also said it helped: one colleague) and from the asker.
    await thankForEntry(s.actors.member2, first.entryId, s.users.member.id, { message: "Dank!" });
    await thankForAnswer(s.actors.asker, answer.id, { message: "Merci!" });

    expect(await contributorFigures(s.users.member.id)).toEqual({
      entriesCreated: 3,
      helpful: 2,
      merged: 1,
      colleaguesHelped: 3, // member2, lead, asker
      answersAccepted: 1,
      thanksReceived: 2,
    });

    const page = (userId: string) => loaderJson(personLoader, userId, `/people/${s.users.member.id}`, { userId: s.users.member.id }).then((text) => JSON.parse(text));
    for (const who of [s.users.member, s.users.lead, s.users.head]) {
      const seen = await page(who.id);
      expect(seen.figures, who.name).toMatchObject({ entriesCreated: 3, thanksReceived: 2 });
      expect(seen.thanks.map((t: { message: string }) => t.message).sort(), who.name).toEqual(["Dank!", "Merci!"]);
    }
    for (const who of [s.users.member2, s.users.km, s.users.outsider]) {
      const seen = await page(who.id);
      expect(seen.figures, who.name).toBeNull();
      expect(seen.thanks, who.name).toEqual([]);
      expect(seen.entries, who.name).toEqual([]);
    }
    // One's own page is /people/me.
    expect(JSON.parse(await loaderJson(personLoader, s.users.member.id, "/people/me", { userId: "me" })).person).toMatchObject({ name: s.users.member.name, self: true });
  });
});

describe("the weekly spotlight", () => {
  async function liveEntry(communityId: string | null, title = `Artikel ${uid()}`) {
    const owner = await makeUser({ role: "KNOWLEDGE_MANAGER" });
    const content = body(title);
    return db.entry.create({ data: { title, bodyJson: content.json, bodyText: content.text, communityId, ownerId: owner.id } });
  }

  it("is pinned by a lead, seen by members, changed, removed, and refused to others", async () => {
    const s = await setup();
    const entry = await liveEntry(s.community.id);
    await pinSpotlight(s.actors.lead, s.community.id, { entryId: entry.id, note: "Lees dit voor maandag." });
    expect(await currentSpotlight(s.actors.member, s.community)).toMatchObject({ note: "Lees dit voor maandag.", entry: { id: entry.id, title: entry.title }, tag: null });
    expect(await db.auditEvent.count({ where: { action: "spotlight.pin", targetId: s.community.id } })).toBe(1);

    const tag = await db.tag.create({ data: { name: `spaar${uid()}` } });
    await pinSpotlight(s.actors.lead, s.community.id, { tag: tag.name.toUpperCase(), note: "Dit onderwerp deze week." });
    expect(await currentSpotlight(s.actors.member, s.community)).toMatchObject({ tag: tag.name, entry: null });
    expect(await db.spotlight.count({ where: { communityId: s.community.id, removedAt: null } })).toBe(1);

    for (const who of ["member", "head", "km", "outsider"] as const) {
      expect(await rejection(pinSpotlight(s.actors[who], s.community.id, { tag: tag.name, note: "Stiekem" })), who).toMatchObject({ kind: who === "outsider" ? "notFound" : "forbidden" });
    }
    // Another closed community's entry, an unknown topic: refused beside their field.
    const other = await makeCommunity({ departmentId: s.dept.id, visibility: "CLOSED" });
    const hidden = await liveEntry(other.id);
    expect(await rejection(pinSpotlight(s.actors.lead, s.community.id, { entryId: hidden.id, note: "x" }))).toEqual({ kind: "invalid", key: "error.recognition.spotlightEntry", field: "entryId" });
    expect(await rejection(pinSpotlight(s.actors.lead, s.community.id, { tag: `bestaat-niet-${uid()}`, note: "x" }))).toEqual({ kind: "invalid", key: "error.recognition.spotlightTag", field: "tag" });

    await removeSpotlight(s.actors.lead, s.community.id);
    expect(await currentSpotlight(s.actors.member, s.community)).toBeNull();
    expect(await rejection(removeSpotlight(s.actors.lead, s.community.id))).toMatchObject({ kind: "conflict", key: "error.recognition.spotlightNone" });
  });

  it("expires after the week by itself", async () => {
    const s = await setup();
    const entry = await liveEntry(null);
    await pinSpotlight(s.actors.lead, s.community.id, { entryId: entry.id, note: "Deze week." });
    const inSixDays = new Date(Date.now() + 6 * 86_400_000);
    const inEightDays = new Date(Date.now() + 8 * 86_400_000);
    expect(await currentSpotlight(s.actors.member, s.community, inSixDays)).not.toBeNull();
    expect(await currentSpotlight(s.actors.member, s.community, inEightDays)).toBeNull();
  });

  describe("in the digest", () => {
    const MONDAY = new Date("2026-12-14T07:05:00Z");
    beforeAll(() => {
      process.env.SMTP_URL = "smtp://127.0.0.1:9";
      process.env.MAIL_FROM = "gilde@example.org";
      process.env.APP_URL = "https://gilde.example.org";
      resetEnvCache();
    });
    afterAll(() => {
      delete process.env.SMTP_URL;
      delete process.env.MAIL_FROM;
      delete process.env.APP_URL;
      resetEnvCache();
    });

    it("reaches the community's members, and is reason enough for a digest", async () => {
      const s = await setup();
      const entry = await liveEntry(s.community.id, `Spotlightartikel ${uid()}`);
      // Pinned on the Sunday before the digest, for a week.
      const sunday = new Date("2026-12-13T10:00:00Z");
      await db.spotlight.create({
        data: { communityId: s.community.id, entryId: entry.id, note: "Iedereen kent dit tegen vrijdag.", pinnedById: s.users.lead.id, startsAt: sunday, endsAt: new Date(sunday.getTime() + 7 * 86_400_000) },
      });
      await db.notificationPreference.createMany({
        data: Object.values(s.users).map((u) => ({ userId: u.id, lastDigestAt: new Date("2026-12-11T07:00:00Z") })),
      });
      await sendDigests(MONDAY);
      const mail = await db.mailMessage.findUniqueOrThrow({ where: { dedupeKey: `digest:${s.users.member.id}:2026-12-14` } });
      expect(mail.text).toContain(entry.title);
      expect(mail.text).toContain("Iedereen kent dit tegen vrijdag.");
      expect(mail.text).toContain(`https://gilde.example.org/entries/${entry.id}`);
      expect(mail.text).toContain("In de kijker in je communities:");
      expect(mail.html).toContain(s.community.name);
      // Not a member: nothing to say.
      expect(await db.mailMessage.findUnique({ where: { dedupeKey: `digest:${s.users.outsider.id}:2026-12-14` } })).toBeNull();
    });
  });
});
