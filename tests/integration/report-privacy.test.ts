/**
 * Issue 13, finding 5: a submitted report, its PDF and its CSV show each person's minutes only to the
 * community's leads, the head of its department and admins; a member reads the totals. Through the
 * routes' own loaders, with real sessions (docs/decisions/0045).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { saveReport, startReport } from "~/commands/manage-report.server";
import { createSession } from "~/utils/session.server";
import { parseDay } from "~/utils/dates";
import { loader as pageLoader } from "~/routes/reports.$reportId";
import { loader as pdfLoader } from "~/routes/reports.$reportId_.pdf";
import { loader as csvLoader } from "~/routes/reports.$reportId_.csv";
import { actorFor, makeCommunity, makeDepartment, makeUser, uid } from "../support/factories";
import { pdfText } from "../support/pdf-text";

const day = (s: string) => parseDay(s)!;

async function setup() {
  const dept = await makeDepartment();
  const head = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id });
  await db.department.update({ where: { id: dept.id }, data: { headId: head.id } });
  const lead = await makeUser({ name: `Lea Leider ${uid()}` });
  const member = await makeUser({ name: `Mira Minuten ${uid()}` });
  const colleague = await makeUser({ name: `Cas Collega ${uid()}` });
  const admin = await makeUser({ role: "ADMIN" });
  const community = await makeCommunity({ departmentId: dept.id, memberIds: [member.id, colleague.id] });
  await db.membership.create({ data: { userId: lead.id, communityId: community.id, role: "LEAD" } });
  await db.membershipHistory.createMany({
    data: [lead, member, colleague].map((u) => ({ userId: u.id, communityId: community.id, joinedAt: new Date("2026-01-01T00:00:00Z") })),
  });
  await db.timeEntry.createMany({
    data: [
      { communityId: community.id, userId: member.id, date: day("2026-03-02"), minutes: 95, what: "Overleg" },
      { communityId: community.id, userId: colleague.id, date: day("2026-03-03"), minutes: 40, what: "Artikel" },
    ],
  });
  const leadActor = await actorFor(lead);
  const { id } = await startReport(leadActor, community.id, { periodStart: day("2026-03-01"), periodEnd: day("2026-03-14") });
  const narrative = { json: JSON.stringify({ root: { type: "root", children: [] } }), text: "Klaar." };
  await saveReport(leadActor, id, { narrative, highlights: [] }, true);
  return { reportId: id, lead, head, admin, member, colleague };
}

async function argsFor(userId: string, reportId: string, path: string): Promise<LoaderFunctionArgs> {
  const cookie = (await createSession(new Request("http://localhost:3000/login"), userId)).split(";")[0];
  return { request: new Request(`http://localhost:3000${path}`, { headers: { cookie } }), params: { reportId }, context: { cspNonce: "" } };
}

async function whatEachSees(userId: string, reportId: string) {
  const page = await (await pageLoader(await argsFor(userId, reportId, `/reports/${reportId}`))).json();
  const pdf = pdfText(Buffer.from(await (await pdfLoader(await argsFor(userId, reportId, `/reports/${reportId}/pdf`))).arrayBuffer()));
  const csv = await (await csvLoader(await argsFor(userId, reportId, `/reports/${reportId}/csv`))).text();
  return { page: JSON.stringify(page), pageData: page as { can: { memberTime: boolean }; figures: { time: { used: number; members: unknown[] } } }, pdf, csv };
}

describe("time per person in a submitted report", () => {
  it("is for the lead, the head of the department and admins: page, PDF and CSV", async () => {
    const s = await setup();
    for (const reader of [s.lead, s.head, s.admin]) {
      const seen = await whatEachSees(reader.id, s.reportId);
      expect(seen.pageData.can.memberTime).toBe(true);
      expect(seen.pageData.figures.time.members.length).toBeGreaterThanOrEqual(2);
      for (const name of [s.member.name, s.colleague.name]) {
        expect(seen.page).toContain(name);
        expect(seen.pdf).toContain(name);
        expect(seen.csv).toContain(name);
      }
      // Mira's 95 minutes on her own line of the CSV.
      expect(seen.csv).toMatch(new RegExp(`${s.member.name}[;,][^\\n]*[;,]95\\r?\\n`));
    }
  });

  it("is not for a member: the totals only, nobody's name beside minutes", async () => {
    const s = await setup();
    const seen = await whatEachSees(s.member.id, s.reportId);
    expect(seen.pageData.can.memberTime).toBe(false);
    expect(seen.pageData.figures.time.members).toEqual([]);
    expect(seen.pageData.figures.time.used).toBe(135);
    for (const name of [s.member.name, s.colleague.name]) {
      expect(seen.page).not.toContain(name);
      expect(seen.pdf).not.toContain(name);
      expect(seen.csv).not.toContain(name);
    }
    // The total is there: 135 minutes in the CSV, "2 u 15 min" in the PDF.
    expect(seen.csv).toMatch(/[;,]135\r?\n/);
    expect(seen.pdf).toContain("2 u 15 min");
  });
});
