/**
 * Questions and answers in a closed community: a member asks (similar questions and entries appear
 * while the title is typed), colleagues answer, a plain member may not accept (403 with the reason),
 * the asker accepts and sends the question to the knowledge manager, who publishes it with the question
 * and the accepted answer as its body; both authors are credited and another member finds the entry.
 * Every route and action is checked over HTTP for a member, an outsider, the lead, the head of the
 * department, the head of another department and a knowledge manager; bad input is refused with the
 * field's message; axe finds no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { editorReady, expectSearchable, hydrated, inventedWord, loggedInPage, marker, searchResults } from "./support/app";
import { apiSession, community, createUser, db, department, employee, knowledgeManager, publishedEntry, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

type Similar = { questions: { id: string; title: string; communityName: string }[]; entries: { id: string; title: string; communityName: string | null }[] };

/** What the search page lists for this query: the ids of its entries and of the questions beside them. */
async function searchPage(api: APIRequestContext, q: string) {
  const found = await searchResults(api, q);
  return { entries: found.entries.map((h) => h.id), questions: found.questions.map((h) => h.id) };
}

async function similar(api: APIRequestContext, q: string): Promise<Similar> {
  const response = await api.get(`/questions/similar?q=${encodeURIComponent(q)}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as Similar;
}

/** Asks a question over HTTP (the no-JavaScript form contract) and returns its id. */
async function askViaHttp(api: APIRequestContext, slug: string, title: string, text: string) {
  const response = await api.post(`/communities/${slug}/questions`, { form: { title, bodyPlain: text, tags: "volmacht" }, maxRedirects: 0 });
  expect(response.status(), `asking "${title}"`).toBe(302);
  const match = /^\/questions\/([a-z0-9]+)$/.exec(response.headers()["location"] ?? "");
  expect(match, response.headers()["location"]).not.toBeNull();
  return match![1];
}

test("ask with suggestions, answer, accept, send to the KM, publish, found by another member; every role checked", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "bad questions and answers are sent on purpose: the forms answer 400 with the fields' errors");
  test.slow();
  const m = marker();
  const word = inventedWord();
  const [head, otherHead, lead, asker, answerer, outsider, km] = await Promise.all([
    createUser("DEPARTMENT_HEAD", { name: `Hoofd ${m}` }),
    createUser("DEPARTMENT_HEAD"),
    employee({ name: `Trekker ${m}` }),
    employee({ name: `Vraagsteller ${m}` }),
    employee({ name: `Antwoorder ${m}` }),
    employee(),
    knowledgeManager(),
  ]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [asker.id, answerer.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const listUrl = `/communities/${home.slug}/questions`;

  // Something to be found while typing: an earlier question of the lead and an entry of the community.
  const leadApi = await apiSession(lead.email);
  const earlierTitle = `Volmacht op ${word} bij een zorgvolmacht`;
  const earlierId = await askViaHttp(leadApi, home.slug, earlierTitle, "Mag een zorgvolmacht dit?");
  const entryTitle = `Uitleg over de ${word}`;
  await publishedEntry(asker, km, { title: entryTitle, text: `Alles over de ${word}.`, tags: ["volmacht"], communityId: home.id });
  // The index is derived: wait until both are searchable for the asker before typing.
  const askerProbe = await apiSession(asker.email);
  await expect
    .poll(async () => {
      const found = await similar(askerProbe, word);
      return found.questions.some((q) => q.id === earlierId) && found.entries.some((e) => e.title === entryTitle);
    }, { timeout: 30_000, intervals: [200, 500, 1000] })
    .toBe(true);
  await askerProbe.dispose();

  const askerContext = await browser.newContext();
  const answererContext = await browser.newContext();
  const kmContext = await browser.newContext();
  try {
    // --- The asker types a title: similar questions and entries appear in a live region.
    const askerPage = await loggedInPage(askerContext, asker.email, TEST_PASSWORD);
    await askerPage.goto(`/communities/${home.slug}`);
    const latest = askerPage.getByRole("region", { name: nl("questions.latest") });
    await expect(latest.getByRole("link", { name: earlierTitle })).toBeVisible();
    await latest.getByRole("link", { name: nl("questions.askLink") }).click();
    await expect(askerPage).toHaveURL(new RegExp(`${listUrl}#ask$`));
    await editorReady(askerPage);
    const titleField = askerPage.getByLabel(nl("questions.field.title"));
    await hydrated(titleField);
    const title = `Mag een gevolmachtigde een ${word} openen? ${m}`;
    await titleField.pressSequentially(`Mag een gevolmachtigde een ${word}`, { delay: 20 });
    const suggestions = askerPage.locator("#ask-similar");
    await expect(suggestions).toHaveAttribute("aria-live", "polite");
    await expect(suggestions.getByRole("link", { name: earlierTitle })).toBeVisible();
    await expect(suggestions.getByRole("link", { name: entryTitle })).toBeVisible();
    await titleField.fill(title);

    // Empty body first: 400 with the field's message, the title kept.
    await askerPage.getByRole("button", { name: nl("questions.submitAsk") }).click();
    await expect(askerPage.getByRole("textbox", { name: nl("goals.field.comment") })).toHaveAccessibleDescription(/Dit veld is verplicht\./);
    await expect(askerPage.getByLabel(nl("questions.field.title"))).toHaveValue(title);
    await editorReady(askerPage);
    await askerPage.getByRole("textbox", { name: nl("goals.field.comment") }).click();
    await askerPage.keyboard.type("Een dochter heeft een algemene volmacht en wil een termijnrekening openen voor haar moeder.");
    const tagInput = askerPage.getByLabel(nl("note.field.tags"));
    await tagInput.fill("volmacht");
    await tagInput.press("Enter");
    await askerPage.getByRole("button", { name: nl("questions.submitAsk") }).click();
    await expect(askerPage.getByRole("status")).toHaveText(nl("questions.done.asked"));
    await expect(askerPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const questionId = /\/questions\/([a-z0-9]+)/.exec(askerPage.url())![1];
    const questionUrl = `/questions/${questionId}`;
    await expect(askerPage.getByText(nl("note.state.OPEN"), { exact: true })).toBeVisible();
    await expect(askerPage.getByText(nl("error.question.noAccepted"))).toBeVisible();

    // --- A colleague answers in the browser; the lead answers over HTTP.
    const answererPage = await loggedInPage(answererContext, answerer.email, TEST_PASSWORD);
    await answererPage.goto(questionUrl);
    await editorReady(answererPage);
    await answererPage.getByRole("textbox", { name: nl("questions.field.answer") }).click();
    await answererPage.keyboard.type(`Met een algemene volmacht mag dat, het contract staat op naam van de moeder ${m}.`);
    await answererPage.getByRole("button", { name: nl("questions.submitAnswer") }).click();
    await expect(answererPage.getByRole("status")).toHaveText(nl("questions.done.answered"));
    await expect(answererPage.getByRole("heading", { name: nl("questions.answersTitle", { count: 1 }) })).toBeVisible();
    // A plain member sees no accept button, and sending one anyway is refused with the reason.
    await expect(answererPage.getByRole("button", { name: nlPattern("questions.acceptNamed") })).toHaveCount(0);
    const answerId = (await db.answer.findFirstOrThrow({ where: { questionId }, select: { id: true } })).id;
    const answererApi = await apiSession(answerer.email);
    const refused = await answererApi.post(questionUrl, { form: { intent: "accept", answerId }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("error.question.acceptForbidden");
    expect(await db.note.findUniqueOrThrow({ where: { id: questionId }, select: { acceptedAnswerId: true, state: true } })).toEqual({ acceptedAnswerId: null, state: "OPEN" });
    const leadAnswer = await leadApi.post(questionUrl, { form: { intent: "answer", bodyPlain: "Kijk eerst in het CRM welk type volmacht er is." }, maxRedirects: 0 });
    expect(leadAnswer.status()).toBe(302);

    // --- The asker accepts the colleague's answer and sends the question to the knowledge manager.
    await askerPage.goto(questionUrl);
    await askerPage.getByRole("button", { name: nl("questions.acceptNamed", { name: answerer.name }) }).click();
    await expect(askerPage.getByRole("status")).toHaveText(nl("questions.done.accepted"));
    await expect(askerPage.getByRole("listitem", { name: `${nl("questions.acceptedBadge")}: ${answerer.name}` })).toBeVisible();
    await expectNoSeriousAxeViolations(askerPage, questionUrl);
    await askerPage.getByRole("button", { name: nl("questions.send.submit") }).click();
    await expect(askerPage.getByRole("status")).toHaveText(nl("questions.done.sent"));
    await expect(askerPage.getByText(nl("questions.state.SUBMITTED"), { exact: true })).toBeVisible();
    await expect(askerPage.getByRole("button", { name: nl("questions.submitAnswer") })).toHaveCount(0);
    // "My notes" shows the question as such, with a link to it.
    await askerPage.goto("/notes");
    await expect(askerPage.getByRole("link", { name: title })).toHaveAttribute("href", questionUrl);

    // --- The knowledge manager publishes it: the question and the accepted answer are the source and the body.
    const kmPage = await loggedInPage(kmContext, km.email, TEST_PASSWORD);
    await kmPage.goto("/curation");
    await kmPage.getByRole("link", { name: title, exact: true }).click();
    await expect(kmPage.getByRole("heading", { name: nl("questions.curate.acceptedAnswer", { name: answerer.name }) })).toBeVisible();
    await expectNoSeriousAxeViolations(kmPage, "curation of a question");
    await editorReady(kmPage);
    const publish = kmPage.getByRole("region", { name: nl("curate.publish") });
    const body = publish.getByRole("textbox", { name: nl("curate.entryBody") });
    await expect(body).toContainText("Een dochter heeft een algemene volmacht");
    await expect(body).toContainText(nl("questions.field.answer"));
    await expect(body).toContainText(`het contract staat op naam van de moeder ${m}`);
    const published = `Gevolmachtigde opent ${word} ${m}`;
    await publish.getByLabel(nl("curate.entryTitle")).fill(published);
    await publish.getByRole("button", { name: nl("curate.publishSubmit") }).click();
    await expect(kmPage).toHaveURL(/\/curation$/);
    await expect(kmPage.getByRole("status")).toHaveText(nl("curate.published"));
    const entryId = (await db.note.findUniqueOrThrow({ where: { id: questionId }, select: { entryId: true, state: true } })).entryId!;

    // Both the asker and the answer's author are credited; another member finds the entry.
    await answererPage.goto(`/entries/${entryId}`);
    const contributors = answererPage.getByRole("heading", { name: nl("entry.contributors") }).locator("..");
    await expect(contributors).toContainText(asker.name);
    await expect(contributors).toContainText(answerer.name);
    await expectSearchable(answererPage, word, published);
    await askerPage.goto(questionUrl);
    await expect(askerPage.getByRole("link", { name: nl("questions.notice.entry", { title: published }) })).toBeVisible();

    // --- Who may see and do what, over HTTP.
    const sessions = {
      outsider: await apiSession(outsider.email),
      otherHead: await apiSession(otherHead.email),
      head: await apiSession(head.email),
      km: await apiSession(km.email),
    };
    try {
      // Outsiders and the head of another department: 404 everywhere, nothing in search.
      for (const [who, api] of [["outsider", sessions.outsider], ["other head", sessions.otherHead]] as const) {
        expect((await api.get(listUrl)).status(), `${who} list`).toBe(404);
        expect((await api.get(`/questions/${earlierId}`)).status(), `${who} question`).toBe(404);
        expect((await api.post(listUrl, { form: { title: "x", bodyPlain: "x" }, maxRedirects: 0 })).status(), `${who} ask`).toBe(404);
        for (const form of [{ intent: "answer", bodyPlain: "x" }, { intent: "accept", answerId }, { intent: "send" }] as Record<string, string>[]) {
          expect((await api.post(`/questions/${earlierId}`, { form, maxRedirects: 0 })).status(), `${who} ${form.intent}`).toBe(404);
        }
        const found = await similar(api, word);
        expect(found, who).toEqual(expect.objectContaining({ questions: [], entries: [] }));
        expect(await searchPage(api, word), who).toEqual({ entries: [], questions: [] });
      }
      // The head of the department and the KM see everything but do not ask or accept (403 with the reason).
      for (const [who, api] of [["head", sessions.head], ["km", sessions.km]] as const) {
        expect((await api.get(listUrl)).status(), `${who} list`).toBe(200);
        expect((await api.get(`/questions/${earlierId}`)).status(), `${who} question`).toBe(200);
        const ask = await api.post(listUrl, { form: { title: `Niet van ${who}`, bodyPlain: "x" }, maxRedirects: 0 });
        expect(ask.status(), `${who} ask`).toBe(403);
        expect(await ask.text()).toContain("error.question.membersOnly");
        expect((await similar(api, `${word} zorgvolmacht`)).questions.map((q) => q.id), who).toContain(earlierId);
        expect((await searchPage(api, word)).questions, who).toContain(earlierId);
      }
      // Members and the lead see the question in search; the lead accepts on someone else's question.
      expect((await similar(answererApi, `${word} zorgvolmacht`)).questions.map((q) => q.id)).toContain(earlierId);
      expect((await searchPage(leadApi, word)).questions).toContain(earlierId);
      const askerApi = await apiSession(asker.email);
      const reply = await askerApi.post(`/questions/${earlierId}`, { form: { intent: "answer", bodyPlain: "Ja, binnen de grenzen van de zorgvolmacht." }, maxRedirects: 0 });
      expect(reply.status()).toBe(302);
      const reply2 = await db.answer.findFirstOrThrow({ where: { questionId: earlierId }, select: { id: true } });
      expect((await answererApi.post(`/questions/${earlierId}`, { form: { intent: "send" }, maxRedirects: 0 })).status()).toBe(403);
      expect((await leadApi.post(`/questions/${earlierId}`, { form: { intent: "accept", answerId: reply2.id }, maxRedirects: 0 })).status()).toBe(302);
      // An answer to another question cannot be accepted here.
      const wrong = await leadApi.post(`/questions/${earlierId}`, { form: { intent: "accept", answerId }, maxRedirects: 0 });
      expect(wrong.status()).toBe(400);
      expect(await wrong.text()).toContain("error.question.answerNotFound");
      await askerApi.dispose();
    } finally {
      await Promise.all(Object.values(sessions).map((s) => s.dispose()));
    }

    // --- Bad input on the ask form: 400 with the field's message and the input kept.
    const tooLong = await answererApi.post(listUrl, { form: { title: "x".repeat(161), bodyPlain: "Toelichting", tags: "volmacht" }, maxRedirects: 0 });
    expect(tooLong.status()).toBe(400);
    expect(await tooLong.text()).toContain("Maximaal 160 tekens.");
    const hostile = await answererApi.post(listUrl, {
      form: { title: `Link ${m}`, body: JSON.stringify({ root: { type: "root", children: [{ type: "paragraph", children: [{ type: "link", url: "javascript:alert(1)", children: [{ type: "text", text: "klik", format: 0, detail: 0, mode: "normal", style: "", version: 1 }] }] }] } }) },
      maxRedirects: 0,
    });
    expect(hostile.status()).toBe(400);
    expect(await hostile.text()).toContain(nl("error.rich.unsafe_link"));
    // An empty answer and a 1 MB paste: 400 with the field's message, nothing saved.
    const answers = await db.answer.count({ where: { questionId: earlierId } });
    const emptyAnswer = await answererApi.post(`/questions/${earlierId}`, { form: { formId: "answer", intent: "answer", bodyPlain: "   " }, maxRedirects: 0 });
    expect(emptyAnswer.status()).toBe(400);
    expect(await emptyAnswer.text()).toContain(nl("error.required"));
    const hugeAnswer = await answererApi.post(`/questions/${earlierId}`, { form: { formId: "answer", intent: "answer", bodyPlain: "x".repeat(1_000_000) }, maxRedirects: 0 });
    expect(hugeAnswer.status()).toBe(400);
    expect(await hugeAnswer.text()).toContain(nl("error.rich.too_large"));
    expect(await db.answer.count({ where: { questionId: earlierId } })).toBe(answers);
    expect(await db.note.count({ where: { title: `Link ${m}` } })).toBe(0);
    await answererPage.goto(listUrl);
    await answererPage.getByLabel(nl("questions.field.title")).fill("   ");
    await answererPage.getByRole("button", { name: nl("questions.submitAsk") }).click();
    await expect(answererPage.getByLabel(nl("questions.field.title"))).toHaveAccessibleDescription(/Dit veld is verplicht\./);
    await expect(answererPage.getByRole("link", { name: earlierTitle })).toBeVisible();
    await expectNoSeriousAxeViolations(answererPage, listUrl);
    await answererApi.dispose();
  } finally {
    await leadApi.dispose();
    await Promise.all([askerContext.close(), answererContext.close(), kmContext.close()]);
  }
});

test("the demo community shows its questions; a closed one is 404 for an outsider", async ({ browser }) => {
  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, "agent@gilde.test", "gilde-demo");
    await page.goto("/communities/sparen-aan-de-lijn/questions");
    await expect(page.getByRole("heading", { name: nl("questions.titleIn", { community: "Sparen aan de lijn" }) })).toBeVisible();
    await expect(page.getByText(`✓ ${nl("questions.answered")}`).first()).toBeVisible();
    await expect(page.getByText(nl("questions.state.SUBMITTED")).first()).toBeVisible();
    // Lotte is no member of "Digitaal bankieren" (open): she reads its questions but cannot ask.
    await page.goto("/communities/digitaal-bankieren/questions");
    await expect(page.getByText(nl("questions.askMembersOnly"))).toBeVisible();
    const outsider = await employee();
    const api = await apiSession(outsider.email);
    expect((await api.get("/communities/fraude-en-phishing/questions")).status()).toBe(404);
    const found = await similar(api, "valse sms kaartlezer phishing");
    expect(found.questions.filter((q) => q.communityName === "Fraude & Phishing")).toEqual([]);
    expect(found.entries.filter((e) => e.communityName === "Fraude & Phishing")).toEqual([]);
    // A member of that community finds its question with the same words.
    const member = await apiSession("agent@gilde.test", "gilde-demo");
    expect((await similar(member, "valse sms kaartlezer phishing")).questions.some((q) => q.communityName === "Fraude & Phishing")).toBe(true);
    await member.dispose();
    await api.dispose();
  } finally {
    await context.close();
  }
});
