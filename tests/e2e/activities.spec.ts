/**
 * Schedule an activity and attend: the lead schedules an activity that has just started (a bad duration
 * is refused first, the input kept) and one for next week; a member marks "I was there" on the first
 * (attendance and the time in one click, visible on the time page), then undoes it; nobody can attend the
 * future one; the lead cancels it. Authorization over HTTP for every action: members, the department
 * head and the knowledge manager may not schedule (403), outsiders and the head of another department
 * get 404 everywhere. axe finds no serious or critical violation.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, employee, knowledgeManager, read, retryBusy, TEST_PASSWORD } from "./support/data";

async function expectNoSeriousAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]["page"] }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const blocking = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(blocking.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `axe on ${name}`).toEqual([]);
}

/** A moment as the Belgian date and time a lead would type. */
function brussels(moment: Date) {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels", year: "numeric", month: "2-digit", day: "2-digit" }).format(moment);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Brussels", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(moment);
  return { date, time };
}

test("the lead schedules activities, a member attends in one click and undoes it, the lead cancels; others are refused", async ({ browser }) => {
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, outsider, km] = await Promise.all([
    createUser("DEPARTMENT_HEAD"),
    createUser("DEPARTMENT_HEAD"),
    employee({ name: `Lea Trekker ${m}` }),
    employee({ name: `Mo Lid ${m}` }),
    employee(),
    knowledgeManager(),
  ]);
  const dept = await retryBusy(() => db.department.create({ data: { name: `Afdeling ${m}`, headId: head.id } }));
  await retryBusy(() => db.department.create({ data: { name: `Andere afdeling ${m}`, headId: otherHead.id } }));
  const home = await community({ departmentId: dept.id, visibility: "CLOSED", memberIds: [member.id] });
  await retryBusy(() => db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } }));
  const url = `/communities/${home.slug}/activities`;
  const started = `Intervisie volmachten ${m}`;
  const later = `Lunch & learn termijnrekening ${m}`;
  const contexts = await Promise.all([browser.newContext(), browser.newContext({ javaScriptEnabled: false })]);
  try {
    // The lead schedules one that started ten minutes ago; a negative duration is refused first.
    const leadPage = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);
    await leadPage.goto(`/communities/${home.slug}`);
    await leadPage.getByRole("navigation", { name: "Onderdelen van de community" }).getByRole("link", { name: "Activiteiten" }).click();
    await expect(leadPage).toHaveURL(new RegExp(`${url}$`));
    const now = brussels(new Date(Date.now() - 10 * 60_000));
    await leadPage.getByText("Activiteit plannen").click();
    await leadPage.getByLabel("Soort").selectOption("INTERVISION");
    await leadPage.getByLabel("Titel").fill(started);
    await leadPage.getByLabel("Agenda").fill("1. Casus\n2. Tips\n3. Wat schrijven we op?");
    await leadPage.getByLabel("Datum").fill(now.date);
    await leadPage.getByLabel("Beginuur").fill(now.time);
    await leadPage.getByLabel("Duur").fill("-15");
    await leadPage.getByRole("button", { name: "Plannen", exact: true }).click();
    await expect(leadPage.getByText("Geef een duur van 1 minuut tot 24 uur, bijvoorbeeld 60 of 1:30.")).toBeVisible();
    await expect(leadPage.getByLabel("Titel")).toHaveValue(started);
    await leadPage.getByLabel("Duur").fill("1:15");
    await leadPage.getByRole("button", { name: "Plannen", exact: true }).click();
    await expect(leadPage.getByText("De activiteit is gepland.")).toBeVisible();
    await expect(leadPage.getByRole("region", { name: "Voorbij" }).getByRole("heading", { name: started })).toContainText("Intervisie");

    // And one for next week, which goes under "planned".
    const next = brussels(new Date(Date.now() + 7 * 86_400_000));
    await leadPage.getByText("Activiteit plannen").click();
    await leadPage.getByLabel("Soort").selectOption("LUNCH_AND_LEARN");
    await leadPage.getByLabel("Titel").fill(later);
    await leadPage.getByLabel("Datum").fill(next.date);
    await leadPage.getByLabel("Beginuur").fill("12:00");
    await leadPage.getByLabel("Duur").fill("45");
    await leadPage.getByRole("button", { name: "Plannen", exact: true }).click();
    await expect(leadPage.getByRole("region", { name: "Gepland" }).getByRole("heading", { name: later })).toBeVisible();
    const [a, b] = await read(() =>
      Promise.all([
        db.activity.findFirstOrThrow({ where: { title: started }, select: { id: true } }),
        db.activity.findFirstOrThrow({ where: { title: later }, select: { id: true } }),
      ]),
    );

    // The member attends in one click (without JavaScript): attendance and 1 h 15 min logged.
    const memberPage = await loggedInPage(contexts[1], member.email, TEST_PASSWORD);
    await memberPage.goto(url);
    await expect(memberPage.getByRole("region", { name: "Gepland" })).toContainText("Aanwezigheid melden kan vanaf het begin.");
    await memberPage.getByRole("button", { name: `Ik was erbij: ${started}` }).click();
    await expect(memberPage.getByText("Je aanwezigheid en je tijd zijn geregistreerd.")).toBeVisible();
    await expect(memberPage.getByRole("region", { name: "Voorbij" })).toContainText(`Aanwezig (1): Mo Lid ${m}`);
    await memberPage.goto(`/communities/${home.slug}/time`);
    await expect(memberPage.getByRole("region", { name: "Mijn registraties in deze periode" })).toContainText(`1 u 15 min · ${started}`);
    await expectNoSeriousAxeViolations(leadPage, url);

    // Nobody attends what has not started; nobody schedules but the lead; outsiders learn nothing.
    const memberApi = await apiSession(member.email);
    const early = await memberApi.post(url, { form: { intent: "activity-attend", activityId: b.id }, maxRedirects: 0 });
    expect(early.status()).toBe(400);
    expect(await early.text()).toContain("Je aanwezigheid meld je vanaf het begin van de activiteit.");
    const schedule = { intent: "activity-schedule", kind: "MEETING", title: "Niet van mij", agenda: "", date: next.date, time: "10:00", durationMinutes: "30" };
    expect((await memberApi.post(url, { form: schedule, maxRedirects: 0 })).status(), "member schedules").toBe(403);
    expect((await memberApi.post(url, { form: { intent: "activity-cancel", activityId: b.id }, maxRedirects: 0 })).status(), "member cancels").toBe(403);
    await memberApi.dispose();
    for (const who of [head, km]) {
      const api = await apiSession(who.email);
      expect((await api.get(url)).status(), `${who.email} GET`).toBe(200);
      expect((await api.post(url, { form: schedule, maxRedirects: 0 })).status(), `${who.email} schedules`).toBe(403);
      expect((await api.post(url, { form: { intent: "activity-attend", activityId: a.id }, maxRedirects: 0 })).status(), `${who.email} attends`).toBe(403);
      await api.dispose();
    }
    for (const who of [outsider, otherHead]) {
      const api = await apiSession(who.email);
      expect((await api.get(url)).status(), `${who.email} GET`).toBe(404);
      expect((await api.get(`/communities/${home.slug}`)).status(), `${who.email} GET home`).toBe(404);
      for (const form of [schedule, { intent: "activity-attend", activityId: a.id }, { intent: "activity-unattend", activityId: a.id }, { intent: "activity-cancel", activityId: b.id }]) {
        expect((await api.post(url, { form, maxRedirects: 0 })).status(), `${who.email} ${form.intent}`).toBe(404);
      }
      await api.dispose();
    }
    expect(await read(() => db.activity.count({ where: { communityId: home.id } }))).toBe(2);

    // The member was not there after all: attendance and time both go.
    await memberPage.goto(url);
    await memberPage.getByRole("button", { name: `Toch niet aanwezig: ${started}` }).click();
    await expect(memberPage.getByText("Je aanwezigheid en de bijhorende tijd zijn verwijderd.")).toBeVisible();
    expect(await read(() => db.attendance.count({ where: { activityId: a.id } }))).toBe(0);
    expect(await read(() => db.timeEntry.count({ where: { activityId: a.id } }))).toBe(0);

    // The lead cancels next week's; the community home lists both.
    await leadPage.goto(url);
    await leadPage.getByRole("button", { name: `Afgelasten: ${later}` }).click();
    await expect(leadPage.getByText("De activiteit is afgelast.")).toBeVisible();
    await expect(leadPage.getByRole("region", { name: "Gepland" }).getByRole("heading", { name: later })).toContainText("Afgelast");
    await leadPage.goto(`/communities/${home.slug}`);
    const card = leadPage.getByRole("region", { name: "Activiteiten" });
    await expect(card.getByRole("link", { name: later })).toBeVisible();
    await expect(card.getByRole("link", { name: started })).toBeVisible();
    const audit = await read(() => db.auditEvent.findMany({ where: { targetType: "activity", targetId: { in: [a.id, b.id] } }, select: { action: true } }));
    expect(audit.map((x) => x.action).sort()).toEqual(["activity.attend", "activity.cancel", "activity.schedule", "activity.schedule", "activity.unattend"]);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
