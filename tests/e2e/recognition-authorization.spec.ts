/**
 * Authorization of every route issue 17 added, for a closed community, per role: the asker and another
 * member, an outsider, the lead, the head of the department and of another one, a knowledge manager and
 * an admin. Pages answer 200 or 403/404 as the policies say; a contributor's figures reach only the
 * person, their lead, their head and admins; every refused post is 403 or 404 and changes nothing; bad
 * input answers 400 with the field's message.
 */
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee } from "./support/data";
import { body } from "../support/factories";

type Role = "author" | "member" | "outsider" | "lead" | "head" | "otherHead" | "km" | "admin";
const ALL: Role[] = ["author", "member", "outsider", "lead", "head", "otherHead", "km", "admin"];

test("every recognition, spotlight and anonymous-question route answers each role as the policies say", async () => {
  test.slow();
  const m = marker();
  const users = {
    author: await employee({ name: `Auteur ${m}` }),
    member: await employee({ name: `Lid ${m}` }),
    outsider: await employee({ name: `Buitenstaander ${m}` }),
    lead: await employee({ name: `Trekker ${m}` }),
    head: await createUser("DEPARTMENT_HEAD", { name: `Hoofd ${m}` }),
    otherHead: await createUser("DEPARTMENT_HEAD", { name: `Ander hoofd ${m}` }),
    km: await createUser("KNOWLEDGE_MANAGER", { name: `Kennisbeheerder ${m}` }),
    admin: await createUser("ADMIN", { name: `Beheerder ${m}` }),
  };
  const dept = await department({ name: `Team ${m}`, headId: users.head.id });
  await department({ name: `Andere afdeling ${m}`, headId: users.otherHead.id });
  await db.user.update({ where: { id: users.author.id }, data: { departmentId: dept.id } });
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [users.author.id, users.member.id] });
  await db.membership.create({ data: { userId: users.lead.id, communityId: home.id, role: "LEAD" } });
  // An entry of the community credited to the author (their published note), owned by the knowledge manager.
  const content = body("Zo werkt het.");
  const entry = await db.entry.create({ data: { title: `Artikel ${m}`, bodyJson: content.json, bodyText: content.text, communityId: home.id, ownerId: users.km.id } });
  await db.note.create({ data: { authorId: users.author.id, communityId: home.id, title: `Notitie ${m}`, bodyJson: content.json, bodyText: content.text, state: "PUBLISHED", entryId: entry.id } });
  // A question asked as "a member" by the author, answered by the member and by the author.
  const question = await db.note.create({ data: { kind: "QUESTION", state: "OPEN", anonymous: true, communityId: home.id, authorId: users.author.id, title: `Anonieme vraag ${m}`, bodyJson: content.json, bodyText: content.text } });
  const answer = await db.answer.create({ data: { questionId: question.id, authorId: users.member.id, bodyJson: content.json, bodyText: content.text } });
  const askersAnswer = await db.answer.create({ data: { questionId: question.id, authorId: users.author.id, bodyJson: content.json, bodyText: content.text } });
  await db.thanks.create({ data: { giverId: users.lead.id, recipientId: users.author.id, entryId: entry.id, message: `Geheim bedankje ${m}` } });

  const sessions = {} as Record<Role, APIRequestContext>;
  for (const role of ALL) sessions[role] = await apiSession(users[role].email);
  try {
    const spotlight = `/communities/${home.slug}/spotlight`;
    const thankEntry = `/entries/${entry.id}/thank/${users.author.id}`;
    const thankAnswer = `/questions/${question.id}/thank/${answer.id}`;
    const pages: [string, Partial<Record<Role, number>>][] = [
      [`/people/${users.author.id}`, { author: 200, member: 200, outsider: 200, lead: 200, head: 200, otherHead: 200, km: 200, admin: 200 }],
      ["/people/no-such-person", { member: 404, admin: 404 }],
      [spotlight, { author: 403, member: 403, outsider: 404, lead: 200, head: 403, otherHead: 404, km: 403, admin: 200 }],
      [thankEntry, { author: 200, member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200, admin: 200 }],
      // The entry's owner may be thanked; someone it does not credit is not there to thank.
      [`/entries/${entry.id}/thank/${users.km.id}`, { member: 200, outsider: 404 }],
      [`/entries/${entry.id}/thank/${users.member.id}`, { member: 404, lead: 404, km: 404 }],
      [thankAnswer, { author: 200, member: 200, outsider: 404, lead: 200, head: 200, otherHead: 404, km: 200, admin: 200 }],
      // The asker's own answer to their anonymous question: nobody thanks it (it would name them).
      [`/questions/${question.id}/thank/${askersAnswer.id}`, { author: 404, member: 404, lead: 404, km: 404, admin: 404 }],
      // An answer through another question's address.
      [`/questions/${entry.id}/thank/${answer.id}`, { member: 404 }],
    ];
    for (const [url, expected] of pages) {
      for (const [role, status] of Object.entries(expected) as [Role, number][]) {
        expect((await sessions[role].get(url, { maxRedirects: 0 })).status(), `GET ${url} as ${role}`).toBe(status);
      }
    }

    // A contributor's figures and thanks: the person, the lead of their community, their head, admins.
    const secret = `Geheim bedankje ${m}`;
    for (const role of ALL) {
      const data = await (await sessions[role].get(`/people/${users.author.id}?_data=routes%2Fpeople.%24userId`)).json();
      const sees = ["author", "lead", "head", "admin"].includes(role);
      expect({ figures: data.figures !== null, thanks: JSON.stringify(data).includes(secret) }, `figures as ${role}`).toEqual({ figures: sees, thanks: sees });
      // The closed community is named to everyone, and a link only for who may enter it.
      const named = (data.communities as { slug: string; link: boolean }[]).find((c) => c.slug === home.slug);
      expect(named?.link, `community link as ${role}`).toBe(!["outsider", "otherHead"].includes(role));
    }

    // The anonymous question's author, through its page data and the list, for every role.
    for (const role of ALL) {
      const response = await sessions[role].get(`/questions/${question.id}?_data=routes%2Fquestions.%24questionId`);
      if (role === "outsider" || role === "otherHead") {
        expect(response.status(), role).toBe(404);
        continue;
      }
      const text = await response.text();
      const sees = ["author", "lead", "km"].includes(role);
      expect({ name: text.includes(users.author.name), id: text.includes(users.author.id), email: text.includes(users.author.email) }, `asker as ${role}`).toEqual({ name: sees, id: sees, email: false });
    }

    // Posts that each role may not make: 403 or 404, never a redirect.
    const refused: [string, Record<string, string>, Role[]][] = [
      [spotlight, { formId: "spotlight-pin", intent: "spotlight-pin", entryId: entry.id, note: "Stiekem" }, ["author", "member", "outsider", "head", "otherHead", "km"]],
      [spotlight, { formId: "spotlight-remove", intent: "spotlight-remove" }, ["author", "member", "outsider", "head", "otherHead", "km"]],
      [thankEntry, { formId: "thanks", message: "Stiekem" }, ["outsider", "otherHead"]],
      [`/entries/${entry.id}/thank/${users.member.id}`, { formId: "thanks", message: "Stiekem" }, ["lead", "km"]],
      [thankAnswer, { formId: "thanks", message: "Stiekem" }, ["outsider", "otherHead"]],
      [`/questions/${question.id}/thank/${askersAnswer.id}`, { formId: "thanks", message: "Stiekem" }, ["member", "lead"]],
    ];
    for (const [url, form, roles] of refused) {
      for (const role of roles) {
        const status = (await sessions[role].post(url, { form, maxRedirects: 0 })).status();
        expect([403, 404], `POST ${url} ${form.intent ?? ""} as ${role}: ${status}`).toContain(status);
      }
    }
    expect(await db.spotlight.count({ where: { communityId: home.id } })).toBe(0);
    expect(await db.thanks.count({ where: { OR: [{ entryId: entry.id }, { answerId: { in: [answer.id, askersAnswer.id] } }] } })).toBe(1);

    // Bad input: 400 with the field's message, what was typed kept.
    const bad: [Role, string, Record<string, string>, string, string][] = [
      ["member", thankEntry, { formId: "thanks", message: "" }, "message", "error.required"],
      ["member", thankEntry, { formId: "thanks", message: "x".repeat(281) }, "message", "error.tooLong"],
      ["author", thankEntry, { formId: "thanks", message: "Ik bedank mezelf" }, "message", "error.recognition.thanksSelf"],
      ["lead", thankEntry, { formId: "thanks", message: "Nog eens" }, "message", "error.recognition.thanksTwice"],
      ["member", thankAnswer, { formId: "thanks", message: "Mezelf" }, "message", "error.recognition.thanksSelf"],
      ["lead", spotlight, { formId: "spotlight-pin", intent: "spotlight-pin", entryId: "", tag: "", note: "<script>alert(1)</script>" }, "entryId", "error.recognition.spotlightChoose"],
      ["lead", spotlight, { formId: "spotlight-pin", intent: "spotlight-pin", entryId: entry.id, note: "" }, "note", "error.required"],
      ["lead", spotlight, { formId: "spotlight-pin", intent: "spotlight-pin", tag: "bestaat-niet", note: "Waarom" }, "tag", "error.recognition.spotlightTag"],
      ["lead", spotlight, { formId: "spotlight-pin", intent: "spotlight-pin", entryId: "x".repeat(20), note: "Waarom" }, "entryId", "error.recognition.spotlightEntry"],
      ["lead", spotlight, { formId: "spotlight-remove", intent: "spotlight-remove" }, "_form", "error.recognition.spotlightNone"],
    ];
    for (const [role, url, form, field, key] of bad) {
      const response = await sessions[role].post(`${url}?_data=${encodeURIComponent(url.startsWith("/communities") ? "routes/communities.$slug.spotlight" : url.startsWith("/entries") ? "routes/entries.$entryId_.thank.$userId" : "routes/questions.$questionId_.thank.$answerId")}`, { form, maxRedirects: 0 });
      const reply = await response.json();
      const expectedStatus = key === "error.recognition.spotlightNone" ? 409 : 400;
      expect(response.status(), `${field} as ${role}: ${JSON.stringify(reply)}`).toBe(expectedStatus);
      const errors = (reply.error?.[field === "_form" ? "" : field] ?? []) as { key: string }[];
      expect(errors.map((e) => e.key), `${url} ${field} as ${role}`).toContain(key);
      // What was typed comes back (an empty field is simply absent).
      for (const [name, value] of Object.entries(form)) if (name !== "formId" && value !== "") expect(reply.initialValue?.[name], `${name} kept`).toBe(value);
    }
  } finally {
    for (const role of ALL) await sessions[role].dispose();
  }
});
