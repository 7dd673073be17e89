/**
 * Learning registration and mentoring on a real database (issue 17): a formal entry added, decided by the
 * head (never by its own person, never by another head), the people told; a plan paired from the
 * department's template and stepped shown → practised → signed off by the right people only; the late
 * plans; and the year's figures and the social-balance export against a hand-computed fixture.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { addLearning, decideLearning, withdrawLearning } from "~/commands/manage-learning.server";
import { addTemplateItem, logMentoringTime, pairMentoring, removeTemplateItem, stepPlanItem } from "~/commands/manage-mentoring.server";
import { learningFigures, personLearning } from "~/models/learning.server";
import { socialBalanceRows } from "~/models/learning-export";
import { socialBalancePdf } from "~/models/learning-pdf.server";
import { listDepartmentPlans, listPlansOf } from "~/models/mentoring.server";
import { toCsv } from "~/models/report-export";
import { translator } from "~/utils/i18n";
import { addDays, parseDay, today as todayIso } from "~/utils/dates";
import { pdfText } from "../support/pdf-text";
import { actorFor, makeCommunity, makeDepartment, makeUser } from "../support/factories";

const YEAR = new Date().getUTCFullYear() - 1;
const inYear = (mmdd: string) => parseDay(`${YEAR}-${mmdd}`)!;
const today = () => parseDay(todayIso())!;

async function department() {
  const dept = await makeDepartment();
  const headUser = await makeUser({ role: "DEPARTMENT_HEAD", departmentId: dept.id, name: "Hilde Hoofd" });
  await db.department.update({ where: { id: dept.id }, data: { headId: headUser.id } });
  return { dept, headUser, head: await actorFor(headUser) };
}

const formal = (over: Partial<Parameters<typeof addLearning>[1]> = {}) => ({
  kind: "COURSE" as const,
  title: "Beleggingsadvies",
  provider: "Febelfin Academy",
  date: inYear("06-15"),
  minutes: 450,
  costCents: 45_000,
  certificateOn: null,
  ...over,
});

async function notified(type: string, subjectId: string) {
  return (await db.notification.findMany({ where: { type, subjectId }, select: { recipientId: true } })).map((n) => n.recipientId).sort();
}

describe("formal learning", () => {
  it("is added pending, told to the head, approved by them and then counted; the person is told", async () => {
    const { dept, head, headUser } = await department();
    const person = await actorFor(await makeUser({ departmentId: dept.id }));
    const entry = await addLearning(person, formal());
    expect(await notified("learning.submitted", entry.id)).toEqual([headUser.id]);
    expect((await personLearning(person.id, YEAR))!.formalMinutes).toBe(0);

    await decideLearning(head, entry.id, { approve: true });
    const row = await db.learningEntry.findUniqueOrThrow({ where: { id: entry.id } });
    expect(row).toMatchObject({ state: "APPROVED", decidedById: head.id });
    expect(await notified("learning.decided", entry.id)).toEqual([person.id]);
    expect(await personLearning(person.id, YEAR)).toMatchObject({ formalMinutes: 450, formalCostCents: 45_000, formalCount: 1 });
    await expect(decideLearning(head, entry.id, { approve: false, reason: "Toch niet" })).rejects.toMatchObject({ kind: "conflict" });
    const audits = await db.auditEvent.findMany({ where: { targetType: "learningEntry", targetId: entry.id }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["learning.add", "learning.approve"]);
  });

  it("is never decided by its own person, by another department's head or by a colleague", async () => {
    const { dept, head } = await department();
    const other = await department();
    const person = await actorFor(await makeUser({ departmentId: dept.id }));
    const colleague = await actorFor(await makeUser({ departmentId: dept.id }));
    const km = await actorFor(await makeUser({ role: "KNOWLEDGE_MANAGER", departmentId: dept.id }));
    const entry = await addLearning(person, formal());
    await expect(decideLearning(person, entry.id, { approve: true })).rejects.toMatchObject({ kind: "forbidden", messageKey: "error.learning.ownEntry" });
    for (const outsider of [other.head, colleague, km]) await expect(decideLearning(outsider, entry.id, { approve: true })).rejects.toMatchObject({ kind: "notFound" });
    // The head's own entry: not by the head; an admin decides it.
    const own = await addLearning(head, formal({ title: "Leiderschap" }));
    await expect(decideLearning(head, own.id, { approve: true })).rejects.toMatchObject({ kind: "forbidden", messageKey: "error.learning.ownEntry" });
    const admin = await actorFor(await makeUser({ role: "ADMIN" }));
    await decideLearning(admin, own.id, { approve: false, reason: "Geen bewijs" });
    expect(await db.learningEntry.findUniqueOrThrow({ where: { id: own.id }, select: { state: true, decisionReason: true } })).toEqual({ state: "REJECTED", decisionReason: "Geen bewijs" });
    expect(await db.learningEntry.findUniqueOrThrow({ where: { id: entry.id }, select: { state: true } })).toEqual({ state: "PENDING" });
  });

  it("is withdrawn by its person while pending only", async () => {
    const { dept, head } = await department();
    const person = await actorFor(await makeUser({ departmentId: dept.id }));
    const pending = await addLearning(person, formal());
    await expect(withdrawLearning(head, pending.id)).rejects.toMatchObject({ kind: "forbidden" });
    await withdrawLearning(person, pending.id);
    expect(await db.learningEntry.count({ where: { id: pending.id } })).toBe(0);
    const decided = await addLearning(person, formal());
    await decideLearning(head, decided.id, { approve: true });
    await expect(withdrawLearning(person, decided.id)).rejects.toMatchObject({ kind: "conflict" });
  });
});

describe("mentoring", () => {
  async function setup() {
    const { dept, head, headUser } = await department();
    const leadUser = await makeUser({ departmentId: dept.id });
    const community = await makeCommunity({ departmentId: dept.id });
    await db.membership.create({ data: { userId: leadUser.id, communityId: community.id, role: "LEAD" } });
    const newcomer = await actorFor(await makeUser({ departmentId: dept.id, name: "Nina Nieuw" }));
    const mentor = await actorFor(await makeUser({ departmentId: dept.id, name: "Marc Meter" }));
    const colleague = await actorFor(await makeUser({ departmentId: dept.id }));
    return { dept, head, headUser, lead: await actorFor(leadUser), newcomer, mentor, colleague };
  }

  it("pairs from the department's template, and the template's later changes leave the plan alone", async () => {
    const { dept, head, lead, newcomer, mentor, colleague } = await setup();
    const period = { startsOn: today(), endsOn: addDays(today(), 90) };
    await expect(pairMentoring(lead, { newcomerId: newcomer.id, mentorId: mentor.id, ...period })).rejects.toMatchObject({ messageKey: "error.mentoring.emptyTemplate" });
    await expect(addTemplateItem(colleague, dept.id, { kind: "TASK", title: "x", description: "" })).rejects.toMatchObject({ kind: "forbidden" });
    const first = await addTemplateItem(head, dept.id, { kind: "TASK", title: "Een spaarrekening openen", description: "" });
    await addTemplateItem(head, dept.id, { kind: "COMPETENCE", title: "Klantgericht communiceren", description: "Aan de telefoon" });
    // A lead of a community of the department pairs; a plain colleague may not.
    await expect(pairMentoring(colleague, { newcomerId: newcomer.id, mentorId: mentor.id, ...period })).rejects.toMatchObject({ kind: "forbidden", messageKey: "error.mentoring.notYourDepartment" });
    const plan = await pairMentoring(lead, { newcomerId: newcomer.id, mentorId: mentor.id, ...period });
    expect(await notified("mentoring.paired", plan.id)).toEqual([newcomer.id, mentor.id].sort());
    await removeTemplateItem(head, dept.id, first.id);
    const items = await db.mentoringPlanItem.findMany({ where: { planId: plan.id }, orderBy: { position: "asc" }, select: { title: true, state: true } });
    expect(items).toEqual([
      { title: "Een spaarrekening openen", state: "PLANNED" },
      { title: "Klantgericht communiceren", state: "PLANNED" },
    ]);
    // One plan at a time: an overlapping period is refused.
    await expect(pairMentoring(head, { newcomerId: newcomer.id, mentorId: colleague.id, startsOn: addDays(today(), 30), endsOn: addDays(today(), 60) })).rejects.toMatchObject({ kind: "conflict" });
  });

  it("steps each item shown → practised → signed off, and only the mentor signs off", async () => {
    const { dept, head, newcomer, mentor, colleague } = await setup();
    await addTemplateItem(head, dept.id, { kind: "TASK", title: "Een volmacht registreren", description: "" });
    const plan = await pairMentoring(head, { newcomerId: newcomer.id, mentorId: mentor.id, startsOn: today(), endsOn: addDays(today(), 30) });
    const item = await db.mentoringPlanItem.findFirstOrThrow({ where: { planId: plan.id } });
    await expect(stepPlanItem(newcomer, plan.id, item.id, "show")).rejects.toMatchObject({ kind: "forbidden" });
    await expect(stepPlanItem(mentor, plan.id, item.id, "signOff")).rejects.toMatchObject({ kind: "conflict" });
    await expect(stepPlanItem(colleague, plan.id, item.id, "show")).rejects.toMatchObject({ kind: "notFound" });
    await stepPlanItem(mentor, plan.id, item.id, "show");
    await stepPlanItem(newcomer, plan.id, item.id, "practise");
    await expect(stepPlanItem(newcomer, plan.id, item.id, "signOff")).rejects.toMatchObject({ kind: "forbidden" });
    await expect(stepPlanItem(head, plan.id, item.id, "signOff")).rejects.toMatchObject({ kind: "forbidden" });
    await stepPlanItem(mentor, plan.id, item.id, "signOff");
    expect(await db.mentoringPlanItem.findUniqueOrThrow({ where: { id: item.id }, select: { state: true, signedOffById: true } })).toEqual({ state: "SIGNED_OFF", signedOffById: mentor.id });
    const [summary] = await listPlansOf(newcomer.id);
    expect(summary.progress).toMatchObject({ total: 1, signedOff: 1, percent: 100 });
  });

  it("shows the head which plans are late: past their end with an item not signed off", async () => {
    const { dept, head, newcomer, mentor, colleague } = await setup();
    const past = { startsOn: addDays(today(), -90), endsOn: addDays(today(), -1) };
    const late = await db.mentoringPlan.create({ data: { departmentId: dept.id, newcomerId: newcomer.id, mentorId: mentor.id, ...past, items: { create: [{ kind: "TASK", title: "A", position: 1, state: "PRACTISED" }] } } });
    const done = await db.mentoringPlan.create({ data: { departmentId: dept.id, newcomerId: colleague.id, mentorId: mentor.id, ...past, items: { create: [{ kind: "TASK", title: "A", position: 1, state: "SIGNED_OFF" }] } } });
    const running = await db.mentoringPlan.create({
      data: { departmentId: dept.id, newcomerId: head.id, mentorId: mentor.id, startsOn: today(), endsOn: addDays(today(), 10), items: { create: [{ kind: "TASK", title: "A", position: 1 }] } },
    });
    const plans = await listDepartmentPlans(dept.id);
    expect(plans.map((p) => [p.id, p.late])).toEqual([
      [late.id, true],
      [done.id, false],
      [running.id, false],
    ]);
  });

  it("logs time for both people: informal learning of the newcomer and of the mentor", async () => {
    const { dept, head, newcomer, mentor, colleague } = await setup();
    await addTemplateItem(head, dept.id, { kind: "TASK", title: "Meeluisteren", description: "" });
    const plan = await pairMentoring(head, { newcomerId: newcomer.id, mentorId: mentor.id, startsOn: addDays(today(), -10), endsOn: addDays(today(), 30) });
    await logMentoringTime(mentor, plan.id, { date: today(), minutes: 90, what: "Samen gesprekken beluisterd" });
    await expect(logMentoringTime(head, plan.id, { date: today(), minutes: 30, what: "x" })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(logMentoringTime(colleague, plan.id, { date: today(), minutes: 30, what: "x" })).rejects.toMatchObject({ kind: "notFound" });
    const year = today().getUTCFullYear();
    expect((await personLearning(newcomer.id, year))!.mentoringMinutes).toBe(90);
    expect((await personLearning(mentor.id, year))!.mentoringMinutes).toBe(90);
  });
});

describe("the year's figures and the social-balance export", () => {
  /**
   * The fixture, by hand (year YEAR, department D with community K):
   * - Ann: formal 7,5 h / € 450,00 approved, 3 h pending and 2 h rejected (not counted); 90 min community time in K.
   * - Bert: 60 min community time in K (and 30 min the year before, not counted); an activity of K attended with
   *   120 min logged for it; another attended without a time log (its 45 min duration counts); mentor of Cas, 120 min.
   * - Cas: formal 16 h / € 1 200,50 approved; newcomer of Bert's plan: 120 min.
   * - Hilde, the head: nothing. Eve, in another department: 10 h formal approved (not in D).
   * So D: formal 2 participants, 23,5 h, € 1 650,50; informal 3 participants, 555 min = 9,25 h
   * (community 150 min = 2,5 h, activities 165 min = 2,75 h, mentoring 240 min = 4 h); 4 people.
   * K: 2 participants, 150 min community time, 165 min of activities.
   */
  async function fixture() {
    const { dept, head } = await department();
    const other = await department();
    const [ann, bert, cas] = [
      await actorFor(await makeUser({ departmentId: dept.id, name: "Ann Aerts" })),
      await actorFor(await makeUser({ departmentId: dept.id, name: "Bert Bos" })),
      await actorFor(await makeUser({ departmentId: dept.id, name: "Cas Claes" })),
    ];
    const eve = await actorFor(await makeUser({ departmentId: other.dept.id }));
    const k = await makeCommunity({ departmentId: dept.id, memberIds: [ann.id, bert.id, cas.id] });
    const approve = async (person: typeof ann, input: ReturnType<typeof formal>, decider = head) => decideLearning(decider, (await addLearning(person, input)).id, { approve: true });
    await approve(ann, formal({ minutes: 450, costCents: 45_000 }));
    await addLearning(ann, formal({ minutes: 180, costCents: 10_000, title: "Nog te beslissen" }));
    await decideLearning(head, (await addLearning(ann, formal({ minutes: 120, costCents: 5_000, title: "Afgekeurd" }))).id, { approve: false, reason: "Geen werkgerelateerde opleiding" });
    await approve(cas, formal({ kind: "E_LEARNING", minutes: 960, costCents: 120_050, date: inYear("11-30"), certificateOn: inYear("12-01") }));
    await approve(eve, formal({ minutes: 600, costCents: 99_900 }), other.head);

    await db.timeEntry.createMany({
      data: [
        { userId: ann.id, communityId: k.id, date: inYear("03-10"), minutes: 90, what: "Notities nalezen" },
        { userId: bert.id, communityId: k.id, date: inYear("04-02"), minutes: 60, what: "Vragen beantwoorden" },
        { userId: bert.id, communityId: k.id, date: parseDay(`${YEAR - 1}-12-31`)!, minutes: 30, what: "Het jaar ervoor" },
      ],
    });
    const activity = (title: string, durationMinutes: number) =>
      db.activity.create({ data: { communityId: k.id, kind: "INTERVISION", title, startsAt: new Date(`${YEAR}-05-12T09:00:00Z`), durationMinutes, createdById: bert.id } });
    const logged = await activity("Intervisie", 120);
    const unlogged = await activity("Lunch & learn", 45);
    await db.attendance.createMany({ data: [{ activityId: logged.id, userId: bert.id }, { activityId: unlogged.id, userId: bert.id }] });
    await db.timeEntry.create({ data: { userId: bert.id, communityId: k.id, date: inYear("05-12"), minutes: 120, what: "Intervisie", activityId: logged.id } });
    const plan = await db.mentoringPlan.create({
      data: { departmentId: dept.id, newcomerId: cas.id, mentorId: bert.id, startsOn: inYear("02-01"), endsOn: inYear("04-30"), items: { create: [{ kind: "TASK", title: "A", position: 1 }] } },
    });
    await db.mentoringSession.createMany({
      data: [
        { planId: plan.id, date: inYear("02-10"), minutes: 75, what: "Meeluisteren", loggedById: bert.id },
        { planId: plan.id, date: inYear("03-10"), minutes: 45, what: "Nabespreken", loggedById: cas.id },
      ],
    });
    return { dept, k, ann, bert, cas };
  }

  it("hold the hand-computed totals per person, community and department", async () => {
    const { dept, k, ann, bert, cas } = await fixture();
    const figures = await learningFigures({ year: YEAR, departmentId: dept.id });
    const person = (id: string) => figures.people.find((p) => p.userId === id);
    expect(person(ann.id)).toMatchObject({ formalMinutes: 450, formalCostCents: 45_000, formalCount: 1, communityMinutes: 90, activityMinutes: 0, mentoringMinutes: 0 });
    expect(person(bert.id)).toMatchObject({ formalMinutes: 0, communityMinutes: 60, activityMinutes: 165, mentoringMinutes: 120 });
    expect(person(cas.id)).toMatchObject({ formalMinutes: 960, formalCostCents: 120_050, communityMinutes: 0, mentoringMinutes: 120 });
    expect(figures.communities).toEqual([{ communityId: k.id, name: k.name, departmentId: dept.id, participants: 2, communityMinutes: 150, activityMinutes: 165 }]);
    expect(figures.departments).toEqual([
      {
        departmentId: dept.id,
        name: dept.name,
        headcount: 4,
        formal: { participants: 2, minutes: 1410, costCents: 165_050 },
        informal: { participants: 3, minutes: 555, communityMinutes: 150, activityMinutes: 165, mentoringMinutes: 240 },
      },
    ]);
    // The person's own page reads the same totals as the department's.
    for (const p of [ann, bert, cas]) expect(await personLearning(p.id, YEAR)).toEqual(person(p.id));
  });

  it("export them as CSV with codes and definitions, and as a PDF", async () => {
    const { dept } = await fixture();
    const figures = await learningFigures({ year: YEAR, departmentId: dept.id });
    const t = translator("nl");
    const { header, rows } = socialBalanceRows(YEAR, figures.departments, t);
    const csv = toCsv(header, rows, ";");
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("Jaar;Afdeling;Code;Cijfer;Waarde;Definitie");
    const value = (code: string, label: string) => lines.find((l) => l.startsWith(`${YEAR};${dept.name};${code};${label};`))?.split(";")[4];
    expect(value("5801 + 5811", "Deelnemers formele opleiding")).toBe("2");
    expect(value("5802 + 5812", "Uren formele opleiding")).toBe("23,5");
    expect(value("5803 + 5813", "Kosten formele opleiding (euro)")).toBe("1650,5");
    expect(value("5821 + 5831", "Deelnemers informele opleiding")).toBe("3");
    expect(value("5822 + 5832", "Uren informele opleiding")).toBe("9,25");
    expect(value("5823 + 5833", "Kosten informele opleiding (euro)")).toBe("");
    expect(value("", "waarvan tijd in communities")).toBe("2,5");
    expect(value("", "waarvan bijgewoonde activiteiten")).toBe("2,75");
    expect(value("", "waarvan mentoring")).toBe("4");
    expect(value("", "Personen in de afdeling")).toBe("4");
    // Every measure carries its definition.
    expect(lines.slice(1).every((l) => l.split(";").at(-1)!.length > 20)).toBe(true);

    const english = socialBalanceRows(YEAR, figures.departments, translator("en"));
    expect(toCsv(english.header, english.rows, ",")).toContain(`${YEAR},${dept.name},5802 + 5812,Hours of formal training,23.5,`);

    const pdf = await socialBalancePdf(YEAR, figures.departments, t, (v) => new Intl.NumberFormat("nl-BE").format(v));
    const text = await pdfText(pdf);
    expect(text).toContain("Uren formele opleiding: 23,5");
    expect(text).toContain("Definities");
  });

  it("leave out what falls outside the year", async () => {
    const { dept } = await fixture();
    const before = await learningFigures({ year: YEAR - 1, departmentId: dept.id });
    expect(before.departments[0]).toMatchObject({ formal: { participants: 0, minutes: 0 }, informal: { participants: 1, minutes: 30, communityMinutes: 30 } });
  });
});
