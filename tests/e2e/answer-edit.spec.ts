/**
 * Answering without surprises: after posting, the answer box is empty again and its button cannot post
 * twice; the same answer sent twice (a double click, a resent form) is one answer. The author edits and
 * deletes their own answer while it is not accepted; once the asker accepts it, editing is refused.
 */
import { expect, nl, test } from "./support/fixtures";
import { editorReady, loggedInPage, marker } from "./support/app";
import { apiSession, community, db, department, employee, TEST_PASSWORD } from "./support/data";

test("post an answer: the box empties and a double post is one answer; edit and delete your own answer until it is accepted", async ({ browser }) => {
  test.slow();
  const m = marker();
  const dept = await department();
  const [asker, answerer] = await Promise.all([employee({ name: `Vraagsteller ${m}` }), employee({ name: `Antwoorder ${m}` })]);
  const home = await community({ departmentId: dept.id, visibility: "OPEN", memberIds: [asker.id, answerer.id] });
  const askerApi = await apiSession(asker.email);
  const asked = await askerApi.post(`/communities/${home.slug}/questions`, {
    form: { title: `Mag een volmachthouder een spaarrekening openen? ${m}`, bodyPlain: "Een zoon vraagt het voor zijn vader.", tags: "volmacht" },
    maxRedirects: 0,
  });
  expect(asked.status()).toBe(302);
  const questionUrl = /^(\/questions\/[a-z0-9]+)/.exec(asked.headers()["location"] ?? "")![1];
  const questionId = questionUrl.split("/")[2];
  const answerCount = () => db.answer.count({ where: { questionId } });

  const context = await browser.newContext();
  try {
    const page = await loggedInPage(context, answerer.email, TEST_PASSWORD);
    await page.goto(questionUrl);
    await editorReady(page);
    const box = page.getByRole("textbox", { name: nl("questions.field.answer"), exact: true });
    const post = page.getByRole("button", { name: nl("questions.submitAnswer") });

    // --- Post: the answer is shown, the box is empty again.
    const first = `Ja, met een algemene volmacht mag dat ${m}.`;
    await box.click();
    await page.keyboard.type(first);
    await post.click();
    await expect(page.getByRole("status")).toHaveText(nl("questions.done.answered"));
    await expect(page.getByRole("heading", { name: "Antwoorden (1)" })).toBeVisible();
    await expect(page.getByRole("listitem", { name: answerer.name }).getByText(first)).toBeVisible();
    await expect(box).toHaveText("");
    await expect(post).toBeEnabled();

    // --- A double click posts once.
    const second = `Vraag wel eerst de volmacht op ${m}.`;
    await box.click();
    await page.keyboard.type(second);
    await post.dblclick();
    await expect(page.getByRole("heading", { name: "Antwoorden (2)" })).toBeVisible();
    await expect(box).toHaveText("");
    expect(await answerCount()).toBe(2);

    // --- The same form sent twice without JavaScript is one answer too.
    const answererApi = await apiSession(answerer.email);
    const third = `Een derde antwoord om te verwijderen ${m}.`;
    for (let i = 0; i < 2; i++) {
      const response = await answererApi.post(questionUrl, { form: { intent: "answer", bodyPlain: third }, maxRedirects: 0 });
      expect(response.status()).toBe(302);
    }
    expect(await answerCount()).toBe(3);

    // --- Edit the first answer in place.
    await page.goto(questionUrl);
    const firstItem = page.locator("li.answer").filter({ hasText: first });
    await firstItem.getByRole("link", { name: /Je antwoord van .* bewerken/ }).click();
    await editorReady(page);
    const editBox = page.getByRole("textbox", { name: nl("questions.answer.editTitle") });
    await expect(editBox).toHaveText(first);
    await editBox.click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Het contract blijft op naam van de vader.");
    await page.getByRole("button", { name: nl("questions.answer.save") }).click();
    await expect(page.getByRole("status")).toHaveText(nl("questions.done.answerEdited"));
    const edited = `${first} Het contract blijft op naam van de vader.`;
    await expect(page.getByText(edited)).toBeVisible();
    await expect(page.locator("li.answer").filter({ hasText: edited }).getByText(nl("questions.answer.edited"))).toBeVisible();

    // --- Delete the third answer.
    await page.locator("li.answer").filter({ hasText: third }).getByRole("link", { name: /bewerken/ }).click();
    await page.getByRole("button", { name: nl("questions.answer.delete") }).click();
    await expect(page.getByRole("status")).toHaveText(nl("questions.done.answerDeleted"));
    await expect(page.getByRole("heading", { name: "Antwoorden (2)" })).toBeVisible();
    await expect(page.getByText(third)).toHaveCount(0);
    const actions = await db.auditEvent.findMany({ where: { targetId: questionId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["question.ask", "question.answer", "question.answer", "question.answer", "question.answer.edit", "question.answer.delete"]);

    // --- The asker accepts the edited answer: its author can no longer change it.
    const firstId = (await db.answer.findFirstOrThrow({ where: { questionId, bodyText: edited }, select: { id: true } })).id;
    expect((await askerApi.post(questionUrl, { form: { intent: "accept", answerId: firstId }, maxRedirects: 0 })).status()).toBe(302);
    await page.goto(questionUrl);
    await expect(page.locator("li.answer").filter({ hasText: edited }).getByRole("link", { name: /bewerken/ })).toHaveCount(0);
    await expect(page.locator("li.answer").filter({ hasText: second }).getByRole("link", { name: /bewerken/ })).toHaveCount(1);
    const refused = await answererApi.post(questionUrl, { form: { intent: "editAnswer", answerId: firstId, bodyPlain: "Toch anders" }, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("Dit antwoord is geaccepteerd");
    // Nor may the asker change someone else's answer.
    const notYours = await askerApi.post(questionUrl, { form: { intent: "deleteAnswer", answerId: firstId }, maxRedirects: 0 });
    expect(notYours.status()).toBe(403);
    expect(await answerCount()).toBe(2);
    await answererApi.dispose();
  } finally {
    await askerApi.dispose();
    await context.close();
  }
});
