/**
 * Period reports: the lead starts a report (the period is suggested), is told what is wrong first,
 * writes the narrative and highlights and submits; the department head comments and acknowledges; the
 * lead sees that; the PDF and CSV downloads hold the figures. A head of another department and a
 * knowledge manager get 404; a member sees no draft but reads the submitted report. axe is clean.
 */
import { expect, httpError, nl, nlPattern, test } from "./support/fixtures";
import { pdfText } from "../support/pdf-text";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { loggedInPage, marker } from "./support/app";
import { apiSession, community, createUser, db, department, employee, TEST_PASSWORD } from "./support/data";

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

test("the lead writes and submits a report, the head comments and acknowledges; downloads hold the figures", async ({ browser, allowConsoleErrors }) => {
  allowConsoleErrors(httpError(400, "/communities/"), "a period ending in the future is sent on purpose: 400 with the field's error");
  allowConsoleErrors(httpError(400, "/reports/"), "a report without its text and a comment without words are sent on purpose: 400 with the fields' errors");
  test.slow();
  const m = marker();
  const [head, otherHead, lead, member, km] = await Promise.all([createUser("DEPARTMENT_HEAD"), createUser("DEPARTMENT_HEAD"), employee(), employee(), createUser("KNOWLEDGE_MANAGER")]);
  const dept = await department({ name: `Team ${m}`, headId: head.id });
  await department({ name: `Andere afdeling ${m}`, headId: otherHead.id });
  const home = await community({ departmentId: dept.id, memberIds: [member.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: home.id, role: "LEAD" } });
  const joined = new Date(Date.now() - 30 * 86_400_000);
  await db.membershipHistory.createMany({ data: [lead, member].map((u) => ({ userId: u.id, communityId: home.id, joinedAt: joined })) });
  // Something to count: two questions and a note of the member in the last week.
  for (const [kind, title] of [["QUESTION", "Vraag 1"], ["QUESTION", "Vraag 2"], ["FIELD_NOTE", "Notitie"]] as const) {
    await db.note.create({ data: { authorId: member.id, communityId: home.id, kind, title: `${title} ${m}`, bodyJson: "{}", bodyText: "", state: kind === "QUESTION" ? "OPEN" : "SUBMITTED", createdAt: new Date(Date.now() - 3 * 86_400_000) } });
  }
  const contexts = await Promise.all([browser.newContext({ acceptDownloads: true }), browser.newContext({ acceptDownloads: true })]);
  try {
    // The lead starts a report over the last 14 days; an end in the future is refused first.
    const leadPage = await loggedInPage(contexts[0], lead.email, TEST_PASSWORD);
    await leadPage.goto(`/communities/${home.slug}`);
    await leadPage.getByRole("link", { name: nl("reports.link") }).click();
    await expect(leadPage.getByLabel(nl("reports.field.periodStart"), { exact: true })).not.toHaveValue("");
    // A report started for the wrong period is deleted again: two clicks, and only while it is a draft.
    await leadPage.getByLabel(nl("reports.field.periodStart"), { exact: true }).fill(isoDate(-60));
    await leadPage.getByLabel(nl("reports.field.periodEnd")).fill(isoDate(-47));
    await leadPage.getByRole("button", { name: nl("reports.startSubmit") }).click();
    await expect(leadPage.getByText(nl("reports.done.started"))).toBeVisible();
    await leadPage.getByText(nl("reports.discard")).click();
    await leadPage.getByRole("button", { name: nl("reports.discardSubmit") }).click();
    await expect(leadPage.getByText(nl("reports.done.discarded"))).toBeVisible();
    await expect(leadPage.getByText(nl("reports.none"))).toBeVisible();
    await leadPage.getByLabel(nl("reports.field.periodStart"), { exact: true }).fill(isoDate(-13));
    await leadPage.getByLabel(nl("reports.field.periodEnd")).fill(isoDate(5));
    await leadPage.getByRole("button", { name: nl("reports.startSubmit") }).click();
    await expect(leadPage.getByText(nl("error.report.endFuture"))).toBeVisible();
    await expect(leadPage.getByLabel(nl("reports.field.periodStart"), { exact: true })).toHaveValue(isoDate(-13));
    await leadPage.getByLabel(nl("reports.field.periodEnd")).fill(isoDate(0));
    await leadPage.getByRole("button", { name: nl("reports.startSubmit") }).click();
    await expect(leadPage.getByText(nl("reports.done.started"))).toBeVisible();
    const reportUrl = new URL(leadPage.url()).pathname;
    const figures = leadPage.getByRole("region", { name: nl("reports.figures") });
    await expect(figures.getByRole("region", { name: nl("reports.members") })).toContainText(nl("reports.membersValue", { count: 2, active: 1 }));
    await expect(figures.getByRole("region", { name: nl("reports.contributions") })).toContainText(`${nl("reports.questions")}2`);
    await expectNoSeriousAxeViolations(leadPage, reportUrl);

    // A draft exists only for its leads.
    for (const who of [member, otherHead, km, head]) {
      const api = await apiSession(who.email);
      expect((await api.get(reportUrl)).status(), who.email).toBe(404);
      expect((await api.get(`${reportUrl}/csv`)).status(), who.email).toBe(404);
      await api.dispose();
    }

    // Submitting asks for a narrative first; then it goes to the head.
    await leadPage.getByLabel(nl("reports.highlights")).fill("Eerste vragen beantwoord\nNieuwe leden");
    await leadPage.getByRole("button", { name: nl("reports.submit") }).click();
    await expect(leadPage.getByText(nl("error.report.narrativeRequired"))).toBeVisible();
    await expect(leadPage.getByLabel(nl("reports.highlights"))).toHaveValue("Eerste vragen beantwoord\nNieuwe leden");
    const narrative = leadPage.getByRole("textbox", { name: nl("goals.field.comment") });
    await narrative.click();
    await narrative.pressSequentially(`Een rustige periode met goede vragen ${m}.`);
    await leadPage.getByRole("button", { name: nl("reports.submit") }).click();
    await expect(leadPage.getByText(nl("reports.done.submitted"))).toBeVisible();
    await expect(leadPage.getByRole("heading", { level: 1 })).toContainText(nl("note.state.SUBMITTED"));

    // The head comments, then acknowledges.
    const headPage = await loggedInPage(contexts[1], head.email, TEST_PASSWORD);
    await headPage.goto(reportUrl);
    await expect(headPage.getByText(`Een rustige periode met goede vragen ${m}.`)).toBeVisible();
    await headPage.getByRole("button", { name: nl("reports.commentSubmit") }).click();
    await expect(headPage.getByText(nl("error.report.commentRequired"))).toBeVisible();
    await headPage.getByRole("textbox", { name: nl("reports.comment") }).fill("Sterk werk. Volgende keer graag ook de tijdsbesteding toelichten.");
    await headPage.getByRole("button", { name: nl("reports.commentSubmit") }).click();
    await expect(headPage.getByText(nl("reports.done.commented"))).toBeVisible();
    await headPage.getByRole("button", { name: nl("reports.acknowledge") }).click();
    await expect(headPage.getByText(nl("reports.done.acknowledged"))).toBeVisible();
    await expectNoSeriousAxeViolations(headPage, reportUrl);

    // The lead sees the acknowledgement and the comment.
    await leadPage.goto(reportUrl);
    await expect(leadPage.getByText(nlPattern("reports.acknowledgedBy", { name: head.name }))).toBeVisible();
    await expect(leadPage.getByText("Sterk werk. Volgende keer graag ook de tijdsbesteding toelichten.")).toBeVisible();

    // Downloads: CSV and PDF with the figures.
    const [csvDownload] = await Promise.all([leadPage.waitForEvent("download"), leadPage.getByRole("link", { name: nl("reports.csv") }).click()]);
    const csv = (await (await csvDownload.createReadStream()).toArray()).map((c: Buffer) => c.toString("utf8")).join("");
    // Semicolons and a byte-order mark for a Dutch reader, as Dutch and Belgian Excel expect; commas on request.
    expect(csv.startsWith("\uFEFFOnderdeel;Item;Maat;Waarde\r\n")).toBe(true);
    expect(csv).toContain("Leden;;Leden;2");
    expect(csv).toContain("Leden;;Actieve leden;1");
    expect(csv).toContain("Bijdragen;;Vragen;2");
    expect(csv).toContain("Eerste vragen beantwoord");
    const commas = await leadPage.request.get(`${reportUrl}/csv?sep=comma`);
    expect(await commas.text()).toContain("Leden,,Actieve leden,1");
    expect((await leadPage.request.get(`${reportUrl}/csv?sep=tab`)).status()).toBe(400);
    const [pdfDownload] = await Promise.all([leadPage.waitForEvent("download"), leadPage.getByRole("link", { name: nl("reports.pdf") }).click()]);
    const pdf = Buffer.concat(await (await pdfDownload.createReadStream()).toArray());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("2 leden, waarvan 1 actief");
    expect(text).toContain(nl("reports.state.ACKNOWLEDGED"));
    expect(text).toContain(`Een rustige periode met goede vragen ${m}.`);

    // Submitted and acknowledged: the member reads it; the other head and the knowledge manager still do not.
    const memberApi = await apiSession(member.email);
    expect((await memberApi.get(reportUrl)).status()).toBe(200);
    await memberApi.dispose();
    for (const who of [otherHead, km]) {
      const api = await apiSession(who.email);
      expect((await api.get(reportUrl)).status(), who.email).toBe(404);
      expect((await api.get(`${reportUrl}/pdf`)).status(), who.email).toBe(404);
      await api.dispose();
    }
    const stored = await db.report.findFirstOrThrow({ where: { communityId: home.id }, select: { state: true, figures: true } });
    expect(stored.state).toBe("ACKNOWLEDGED");
    expect(JSON.parse(stored.figures ?? "{}").contributions.questions).toBe(2);
  } finally {
    await Promise.all(contexts.map((c) => c.close()));
  }
});
