/**
 * Learning registration in the browser (issue 17): an employee registers a course, their head approves it
 * and it counts on both pages; the social-balance export (CSV and PDF) holds the totals of a hand-computed
 * fixture; bad input on the registration and rejection forms answers 400 with the field's error and keeps
 * what was typed; the pages in English.
 */
import { expect, httpError, nl, en, test } from "./support/fixtures";
import { marker, MAIN_URL } from "./support/app";
import { community, createUser, db, department, employee } from "./support/data";
import { isoDayFromToday } from "~/utils/dates";

async function setup() {
  const m = marker();
  const head = await createUser("DEPARTMENT_HEAD", { name: `Hilde ${m}` });
  const dept = await department({ name: `Spaardesk ${m}`, headId: head.id });
  await db.user.update({ where: { id: head.id }, data: { departmentId: dept.id } });
  return { m, head, dept };
}

test("a formal course is registered, approved by the head, and counted", async ({ pageAs }) => {
  const { m, head, dept } = await setup();
  const person = await employee({ name: `Ann ${m}`, departmentId: dept.id });
  const title = `Beleggingsadvies ${m}`;
  const year = new Date().getUTCFullYear();

  const page = await pageAs(person);
  await page.getByRole("navigation", { name: nl("nav.main") }).getByRole("link", { name: nl("learning.nav") }).click();
  await expect(page.getByRole("heading", { level: 1, name: nl("learning.title") })).toBeVisible();
  await page.getByLabel(nl("learning.field.kind"), { exact: true }).selectOption("EXTERNAL_TRAINING");
  await page.getByLabel(nl("learning.field.title"), { exact: true }).fill(title);
  await page.getByLabel(nl("learning.field.provider"), { exact: true }).fill("Febelfin Academy");
  await page.getByLabel(nl("learning.field.date"), { exact: true }).fill(isoDayFromToday(0));
  await page.getByLabel(nl("learning.field.hours"), { exact: true }).fill("7,5");
  await page.getByLabel(nl("learning.field.cost"), { exact: true }).fill("450,50");
  await page.getByRole("button", { name: nl("learning.add.submit") }).click();
  await expect(page.getByText(nl("learning.done.added"))).toBeVisible();
  const mine = page.getByRole("listitem").filter({ hasText: title });
  await expect(mine.getByText(nl("learning.state.pending"), { exact: true })).toBeVisible();
  await expect(mine).toContainText("7,5 u");
  await expect(mine).toContainText("450,50");

  // The head: told, decides on the department's page.
  const headPage = await pageAs(head);
  await headPage.goto("/notifications");
  await headPage.getByRole("link", { name: nl("learning.notify.msg.submitted", { actor: person.name, title }) }).click();
  await expect(headPage).toHaveURL(/\/learning\/department$/);
  const decision = headPage.getByRole("listitem").filter({ has: headPage.getByRole("heading", { name: `${person.name}: ${title}` }) });
  await decision.getByRole("button", { name: nl("learning.approve") }).click();
  await expect(headPage.getByText(nl("learning.done.approved"))).toBeVisible();
  await expect(headPage.getByText(nl("learning.pending.none"))).toBeVisible();
  const row = headPage.getByRole("row").filter({ hasText: person.name });
  await expect(row.getByRole("cell").first()).toHaveText("7,5 u");
  await expect(row).toContainText("450,50");

  // The person: approved, counted in the year's totals.
  await page.reload();
  await expect(mine.getByText(nl("learning.state.approved"), { exact: true })).toBeVisible();
  const totals = page.getByRole("region", { name: nl("learning.totals.title", { year }) });
  await expect(totals.getByRole("definition").first()).toContainText("7,5 u");
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: nl("learning.notify.msg.approved", { actor: head.name, title }) })).toBeVisible();
  expect(await db.learningEntry.findFirstOrThrow({ where: { userId: person.id }, select: { state: true, minutes: true, costCents: true } })).toEqual({ state: "APPROVED", minutes: 450, costCents: 45_050 });
});

test("the social-balance export holds the totals of a hand-computed fixture, as CSV and as PDF", async ({ pageAs }) => {
  const { m, head, dept } = await setup();
  const year = new Date().getUTCFullYear() - 1;
  const day = (mmdd: string) => new Date(`${year}-${mmdd}T00:00:00Z`);
  const [ann, bert, cas] = [await employee({ name: `Ann ${m}`, departmentId: dept.id }), await employee({ name: `Bert ${m}`, departmentId: dept.id }), await employee({ name: `Cas ${m}`, departmentId: dept.id })];
  const k = await community({ departmentId: dept.id, memberIds: [ann.id, bert.id] });
  const formal = (userId: string, minutes: number, costCents: number, state = "APPROVED") =>
    db.learningEntry.create({ data: { userId, kind: "COURSE", title: "Cursus", provider: "Academie", date: day("06-01"), minutes, costCents, state } });
  // By hand: formal Ann 7,5 h € 450 + Cas 16 h € 1 200,50 (Bert's pending 3 h does not count) = 2 people, 23,5 h, € 1 650,50.
  await formal(ann.id, 450, 45_000);
  await formal(cas.id, 960, 120_050);
  await formal(bert.id, 180, 9_900, "PENDING");
  // Informal: Ann 90 min community time; Bert 60 min and an activity of 120 min; Bert mentors Cas for 120 min:
  // 3 people, 90 + 60 + 120 + 120 × 2 = 510 min = 8,5 h.
  await db.timeEntry.createMany({
    data: [
      { userId: ann.id, communityId: k.id, date: day("03-10"), minutes: 90, what: "Notities nalezen" },
      { userId: bert.id, communityId: k.id, date: day("04-02"), minutes: 60, what: "Vragen beantwoorden" },
    ],
  });
  const activity = await db.activity.create({ data: { communityId: k.id, kind: "INTERVISION", title: "Intervisie", startsAt: new Date(`${year}-05-12T09:00:00Z`), durationMinutes: 120, createdById: bert.id } });
  await db.attendance.create({ data: { activityId: activity.id, userId: bert.id } });
  const plan = await db.mentoringPlan.create({ data: { departmentId: dept.id, newcomerId: cas.id, mentorId: bert.id, startsOn: day("02-01"), endsOn: day("04-30") } });
  await db.mentoringSession.create({ data: { planId: plan.id, date: day("02-10"), minutes: 120, what: "Meeluisteren" } });

  const page = await pageAs(head);
  await page.goto(`/learning/department?year=${year}`);
  const csvHref = await page.getByRole("link", { name: nl("learning.export.csv") }).getAttribute("href");
  const csv = await page.request.get(`${MAIN_URL}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
  const value = (code: string, key: Parameters<typeof nl>[0]) => lines.find((l) => l.startsWith(`${year};${dept.name};${code};${nl(key)};`))?.split(";")[4];
  expect(value("5801 + 5811", "learning.balance.formalParticipants")).toBe("2");
  expect(value("5802 + 5812", "learning.balance.formalHours")).toBe("23,5");
  expect(value("5803 + 5813", "learning.balance.formalCost")).toBe("1650,5");
  expect(value("5821 + 5831", "learning.balance.informalParticipants")).toBe("3");
  expect(value("5822 + 5832", "learning.balance.informalHours")).toBe("8,5");
  expect(value("", "learning.balance.informalMentoring")).toBe("4");
  expect(value("", "learning.balance.headcount")).toBe("4");
  expect(lines.find((l) => l.includes(nl("learning.balance.formalHours")))).toContain(nl("learning.balance.def.formalHours"));

  const pdfHref = await page.getByRole("link", { name: nl("learning.export.pdf") }).getAttribute("href");
  const pdf = await page.request.get(`${MAIN_URL}${pdfHref}`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The page shows the same totals per person and per community.
  await expect(page.getByRole("row").filter({ hasText: cas.name }).getByRole("cell").first()).toHaveText("16 u");
  await expect(page.getByRole("row").filter({ hasText: k.name }).getByRole("cell")).toHaveText(["2", "2,5 u", "2 u"]);
});

test("bad input on the registration and rejection forms: 400 with the field's error, the input kept", async ({ pageAs, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/learning"), "the learning forms' 400 answers to bad input are what is checked");
  const { m, head, dept } = await setup();
  const person = await employee({ departmentId: dept.id });
  const page = await pageAs(person);
  await page.goto("/learning");
  const fill = async (fields: Partial<Record<"title" | "provider" | "date" | "certificateOn" | "hours" | "cost", string>>) => {
    const labels = { title: "learning.field.title", provider: "learning.field.provider", date: "learning.field.date", certificateOn: "learning.field.certificateOn", hours: "learning.field.hours", cost: "learning.field.cost" } as const;
    for (const [name, value] of Object.entries(fields)) await page.getByLabel(nl(labels[name as keyof typeof labels]), { exact: true }).fill(value);
  };
  const submit = async () => {
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/learning"),
      page.getByRole("button", { name: nl("learning.add.submit") }).click(),
    ]);
    return answer.status();
  };
  // Empty: the required fields say so.
  await fill({ hours: "", cost: "" });
  expect(await submit()).toBe(400);
  await expect(page.getByLabel(nl("learning.field.title"), { exact: true })).toHaveAccessibleDescription(nl("error.required"));
  // Negative hours, a cost with a guessed separator, the certificate before the course; the title typed stays.
  const hostile = `<script>alert(1)</script> ${m}`;
  await fill({ title: hostile, provider: "Academie", date: isoDayFromToday(-3), certificateOn: isoDayFromToday(-4), hours: "-4", cost: "1.250" });
  expect(await submit()).toBe(400);
  await expect(page.getByText(nl("error.learning.negative"))).toBeVisible();
  await expect(page.getByText(nl("error.learning.cost"))).toBeVisible();
  await expect(page.getByText(nl("error.learning.certificateBefore"))).toBeVisible();
  await expect(page.getByLabel(nl("learning.field.title"), { exact: true })).toHaveValue(hostile);
  await expect(page.getByLabel(nl("learning.field.cost"), { exact: true })).toHaveValue("1.250");
  // A future date, too many hours.
  await fill({ date: isoDayFromToday(5), certificateOn: "", hours: "99999", cost: "10" });
  expect(await submit()).toBe(400);
  await expect(page.getByText(nl("error.learning.future"))).toBeVisible();
  await expect(page.getByText(nl("error.learning.hours"))).toBeVisible();
  // Hand-made posts a browser's inputs would not send: too long, malformed date.
  const post = (form: Record<string, string>) => page.request.post(`${MAIN_URL}/learning`, { form: { formId: "learning-add", intent: "learning-add", kind: "COURSE", title: "T", provider: "P", date: isoDayFromToday(0), hours: "1", cost: "0", ...form }, headers: { Origin: MAIN_URL }, maxRedirects: 0 });
  const long = await post({ title: "x".repeat(151) });
  expect(long.status()).toBe(400);
  expect(await long.text()).toContain("error.tooLong");
  const badDate = await post({ date: "2026-02-30" });
  expect(badDate.status()).toBe(400);
  expect(await badDate.text()).toContain("error.learning.date");
  expect(await db.learningEntry.count({ where: { userId: person.id } })).toBe(0);
  // Hostile text is saved and shown as text.
  await fill({ date: isoDayFromToday(0), hours: "2", cost: "0" });
  await page.getByRole("button", { name: nl("learning.add.submit") }).click();
  await expect(page.getByText(nl("learning.done.added"))).toBeVisible();
  await expect(page.getByText(hostile, { exact: true })).toBeVisible();

  // Rejecting without a reason.
  const headPage = await pageAs(head);
  await headPage.goto("/learning/department");
  const decision = headPage.getByRole("listitem").filter({ hasText: hostile });
  await decision.getByRole("button", { name: nl("learning.reject") }).click();
  await expect(decision.getByText(nl("error.learning.reasonRequired"))).toBeVisible();
  await decision.getByLabel(nl("learning.reason"), { exact: true }).fill("Geen werkgerelateerde opleiding");
  await decision.getByRole("button", { name: nl("learning.reject") }).click();
  await expect(headPage.getByText(nl("learning.done.rejected"))).toBeVisible();
  await page.reload();
  await expect(page.getByText(nl("learning.rejectedBecause", { name: head.name, reason: "Geen werkgerelateerde opleiding" }))).toBeVisible();
});

test("the learning and mentoring pages in English", async ({ pageAs }) => {
  const { dept } = await setup();
  const user = await createUser("EMPLOYEE", { departmentId: dept.id, locale: "en" });
  const page = await pageAs(user);
  await page.goto("/learning");
  await expect(page.getByRole("heading", { level: 1, name: en("learning.title") })).toBeVisible();
  await expect(page.getByLabel(en("learning.field.hours"), { exact: true })).toBeVisible();
  await page.getByRole("link", { name: en("mentoring.toOverview") }).click();
  await expect(page.getByRole("heading", { level: 1, name: en("mentoring.title") })).toBeVisible();
});
