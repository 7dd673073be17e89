/**
 * Asking without fear (issue 17): a member ticks "Vraag als een lid" (the text beside the box says who will
 * still know) and asks; another member sees "een lid" on the question, in the list, on the community's
 * page and in the JSON of those pages' data requests, and finds the question by search without a name; the
 * asker's name, id and e-mail appear nowhere. The lead and the knowledge manager see who asked.
 */
import { expect, nl, nlPattern, test } from "./support/fixtures";
import { editorReady, inventedWord, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, knowledgeManager } from "./support/data";

test("a question asked as a member: its author hidden from members, visible to the lead and the knowledge manager", async ({ pageAs }) => {
  test.slow();
  const m = marker();
  const word = inventedWord();
  const head = await createUser("DEPARTMENT_HEAD");
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  const [asker, member, lead, km] = await Promise.all([
    employee({ name: `Anouk Vraagsteller ${m}` }),
    employee({ name: `Mo Collega ${m}` }),
    employee({ name: `Lotte Trekker ${m}` }),
    knowledgeManager(),
  ]);
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [asker.id, member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const title = `Hoe leg ik ${word} uit aan een klant`;

  // The asker reads who will still know before posting, ticks the box and asks.
  const askerPage = await pageAs(asker);
  await askerPage.goto(`/communities/${home.slug}/questions`);
  const box = askerPage.getByRole("checkbox", { name: nl("recognition.anonymous.checkbox") });
  await expect(box).toHaveAccessibleDescription(nl("recognition.anonymous.checkboxHint"));
  await askerPage.getByLabel(nl("questions.field.title")).fill(title);
  await editorReady(askerPage);
  await askerPage.getByRole("textbox", { name: nl("goals.field.comment") }).click();
  await askerPage.keyboard.type("Ik durf het niet goed te vragen, maar hoe zit dat?");
  await box.check();
  await askerPage.getByRole("button", { name: nl("questions.submitAsk") }).click();
  await expect(askerPage).toHaveURL(/\/questions\/[a-z0-9]+$/);
  const questionId = askerPage.url().split("/").pop()!;
  // The asker sees their own name, and that others do not.
  await expect(askerPage.getByText(nl("recognition.anonymous.namedNote"))).toBeVisible();
  expect(await db.note.findUniqueOrThrow({ where: { id: questionId }, select: { anonymous: true, authorId: true } })).toEqual({ anonymous: true, authorId: asker.id });

  // Another member: "een lid", on every page that shows the question, and in their data.
  const memberPage = await pageAs(member);
  await memberPage.goto(`/questions/${questionId}`);
  await expect(memberPage.getByText(nlPattern("questions.askedBy", { name: nl("recognition.anonymous.aMember") }))).toBeVisible();
  await expect(memberPage.getByText(nl("recognition.anonymous.hiddenNote"))).toBeVisible();
  await memberPage.goto(`/communities/${home.slug}`);
  const latest = memberPage.getByRole("region", { name: nl("questions.latest") });
  await expect(latest).toContainText(title);
  await expect(latest).toContainText(nlPattern("questions.askedBy", { name: nl("recognition.anonymous.aMember") }));
  await expect(latest).not.toContainText(asker.name);
  const secrets = [asker.name, asker.id, asker.email];
  const api = await apiSession(member.email);
  try {
    const pages = [
      `/questions/${questionId}`,
      `/questions/${questionId}?_data=routes%2Fquestions.%24questionId`,
      `/communities/${home.slug}/questions`,
      `/communities/${home.slug}/questions?_data=routes%2Fcommunities.%24slug.questions`,
    ];
    for (const path of pages) {
      const response = await api.get(path);
      expect(response.status(), path).toBe(200);
      const text = await response.text();
      expect(text, path).toContain(title.slice(0, 20));
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    }
    // The community's page lists its members (the asker among them), but its questions name nobody.
    const homeData = await (await api.get(`/communities/${home.slug}?_data=routes%2Fcommunities.%24slug._index`)).json();
    expect(JSON.stringify(homeData.questions)).toContain(questionId);
    for (const secret of secrets) expect(JSON.stringify(homeData.questions).includes(secret), `${secret} in the community's questions`).toBe(false);
    // Found by search (the questions index), without a name.
    await expect
      .poll(async () => (await (await api.get(`/questions/similar?q=${encodeURIComponent(word)}`)).text()).includes(questionId), { timeout: 20_000 })
      .toBe(true);
    for (const path of [`/questions/similar?q=${encodeURIComponent(word)}`, `/search?q=${encodeURIComponent(word)}`, `/search?q=${encodeURIComponent(word)}&_data=routes%2Fsearch`]) {
      const text = await (await api.get(path)).text();
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    }
    // The member answers; the asker accepts: the member's notification names nobody.
    const answered = await api.post(`/questions/${questionId}`, { form: { formId: "answer", intent: "answer", bodyPlain: "Zo leg je het uit." }, maxRedirects: 0 });
    expect(answered.status()).toBe(302);
  } finally {
    await api.dispose();
  }
  await askerPage.reload();
  await askerPage.getByRole("button", { name: nl("questions.acceptNamed", { name: member.name }) }).click();
  await expect(askerPage.getByRole("status")).toHaveText(nl("questions.done.accepted"));
  await memberPage.goto("/notifications");
  await expect(memberPage.getByRole("link", { name: nl("recognition.anonymous.notifyAccepted", { title }) })).toBeVisible();
  expect(await memberPage.content()).not.toContain(asker.name);

  // The lead and the knowledge manager see who asked.
  for (const who of [lead, km]) {
    const page = await pageAs(who);
    await page.goto(`/questions/${questionId}`);
    await expect(page.getByText(nlPattern("questions.askedBy", { name: asker.name }))).toBeVisible();
    await page.goto(`/communities/${home.slug}/questions`);
    await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText(asker.name);
  }
});
