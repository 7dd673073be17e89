/**
 * Mentoring in the demo: the savings desk's onboarding template (and a short one for Digitale Kanalen),
 * and four plans copied from them. Lien, a few weeks at the desk, learns from Lotte (agent@) halfway
 * through; Tom's plan with Youssef (agent2@) is past its end with one item not signed off, so the head
 * sees a late plan; Bram's plan with Sofie (lead@) was finished months ago; Daniel (English UI) learns
 * the digital desk from Nico. Rows are shaped as the mentoring commands write them: the template copied
 * into each plan, items moved one step at a time in order, the mentor signing off, the time logged.
 */
import type { Prisma } from "@prisma/client";
import { canLogMentoringTime, canManageOnboardingTemplate, canPairMentoring, canStepPlanItem, type PlanItemStep } from "../../app/policies/policies";
import { STEP_TO } from "../../app/models/mentoring";
import type { OnboardingKind, PlanItemState } from "../../app/schemas/mentoring.shared";
import { addDays, isoDay, startOfDay } from "../../app/utils/dates";
import type { DepartmentKey, UserKey } from "./organisation";
import { laterThan } from "./moments";
import type { SeedContext, SeedPeople } from "./types";

type TemplateItemSeed = { kind: OnboardingKind; title: string; description: string };

/** Each department's template, kept by its head since `daysAgo`. */
export const onboardingTemplates: { department: DepartmentKey; head: UserKey; daysAgo: number; items: TemplateItemSeed[] }[] = [
  {
    department: "sparen",
    head: "koen",
    daysAgo: 235,
    items: [
      { kind: "TASK", title: "Een spaarrekening openen aan de telefoon", description: "Identificatie met itsme, de juiste rekening kiezen met de klant, de eerste storting en het spaardoel uitleggen." },
      { kind: "TASK", title: "Basisrente en getrouwheidspremie uitleggen", description: "Met het rekenvoorbeeld uit de kennisbank: wanneer is de premie verworven, wanneer gaat ze verloren." },
      { kind: "TASK", title: "Een volmacht op een spaarrekening registreren", description: "Welke documenten, wie tekent, en wat de gevolmachtigde wel en niet mag." },
      { kind: "TASK", title: "Een overlijden melden en de rekeningen laten blokkeren", description: "Wat je zelf doet in het gesprek, en wat naar het team Nalatenschappen gaat." },
      { kind: "TASK", title: "Een termijnrekening opzeggen of laten vervallen", description: "Vervaldag, vervroegde opname en de wederbeleggingsvergoeding." },
      { kind: "COMPETENCE", title: "Een klant geruststellen bij een vermoeden van phishing", description: "Niet oordelen, eerst Card Stop, dan doorverbinden met het Fraudeteam." },
      { kind: "COMPETENCE", title: "Zelf het antwoord vinden in Gilde", description: "Zoeken met de woorden van de klant; een veldnotitie schrijven als het antwoord ontbreekt." },
      { kind: "COMPETENCE", title: "Een gesprek afronden met een duidelijke volgende stap", description: "Samenvatten wat er gebeurt, wie wat doet en wanneer de klant iets hoort." },
    ],
  },
  {
    department: "digitaal",
    head: "inge",
    daysAgo: 150,
    items: [
      { kind: "TASK", title: "Het toestel van een klant opnieuw koppelen in de app", description: "Met itsme of met de kaartlezer, ook na een update van de app." },
      { kind: "TASK", title: "Limieten voor overschrijvingen aanpassen", description: "Waar de klant het zelf doet, en wanneer het via het kantoor moet." },
      { kind: "TASK", title: "Foutcodes van de kaartlezer herkennen", description: "De vijf codes die we het vaakst horen, en wat de klant dan doet." },
      { kind: "COMPETENCE", title: "Een release in gewone taal uitleggen", description: "Wat er verandert voor de klant, zonder vakjargon." },
      { kind: "COMPETENCE", title: "Een probleem doorgeven aan het app-team", description: "Een melding met toestel, versie, stappen en schermafbeelding." },
    ],
  },
];

type SessionSeed = { daysAgo: number; minutes: number; what: string; by: "mentor" | "newcomer" };

type PlanSeed = {
  newcomer: UserKey;
  mentor: UserKey;
  pairedBy: UserKey;
  pairedDaysAgo: number;
  startsDaysAgo: number;
  /** The plan's last day, counted from today: negative for a plan that ended. */
  endsInDays: number;
  /** How far each item of the template got, in its order; the rest is still planned. */
  reached: PlanItemState[];
  sessions: SessionSeed[];
};

const ALL_SIGNED_OFF: PlanItemState[] = Array.from({ length: 8 }, () => "SIGNED_OFF");

export const demoPlans: PlanSeed[] = [
  {
    newcomer: "lien",
    mentor: "lotte",
    pairedBy: "sofie",
    pairedDaysAgo: 21,
    startsDaysAgo: 20,
    endsInDays: 70,
    reached: ["SIGNED_OFF", "SIGNED_OFF", "PRACTISED", "SHOWN"],
    sessions: [
      { daysAgo: 20, minutes: 120, what: "Meegeluisterd met gesprekken over nieuwe spaarrekeningen", by: "mentor" },
      { daysAgo: 16, minutes: 60, what: "Getrouwheidspremie met het rekenvoorbeeld; Lien deed twee gesprekken zelf", by: "newcomer" },
      { daysAgo: 10, minutes: 45, what: "Samen een volmachtdossier doorlopen", by: "mentor" },
      { daysAgo: 3, minutes: 30, what: "Nabespreking van een melding van overlijden", by: "newcomer" },
    ],
  },
  {
    newcomer: "tom",
    mentor: "youssef",
    pairedBy: "koen",
    pairedDaysAgo: 178,
    startsDaysAgo: 176,
    endsInDays: -30,
    // Tom has not handled a death notification on his own yet: the plan is late on that one item.
    reached: ["SIGNED_OFF", "SIGNED_OFF", "SIGNED_OFF", "PRACTISED", "SIGNED_OFF", "SIGNED_OFF", "SIGNED_OFF", "SIGNED_OFF"],
    sessions: [
      { daysAgo: 175, minutes: 120, what: "Eerste dag: meeluisteren en het CRM verkennen", by: "mentor" },
      { daysAgo: 161, minutes: 60, what: "Spaarrekeningen openen: drie gesprekken samen", by: "mentor" },
      { daysAgo: 140, minutes: 45, what: "Volmachten en de documenten die erbij horen", by: "newcomer" },
      { daysAgo: 112, minutes: 60, what: "Termijnrekeningen: vervaldag en vervroegde opname", by: "mentor" },
      { daysAgo: 84, minutes: 30, what: "Phishinggesprek nabesproken", by: "newcomer" },
      { daysAgo: 45, minutes: 45, what: "Rollenspel: een overlijden melden", by: "mentor" },
    ],
  },
  {
    newcomer: "bram",
    mentor: "sofie",
    pairedBy: "koen",
    pairedDaysAgo: 226,
    startsDaysAgo: 225,
    endsInDays: -135,
    reached: ALL_SIGNED_OFF,
    sessions: [
      { daysAgo: 224, minutes: 120, what: "Kennismaking met de desk en de kennisbank", by: "mentor" },
      { daysAgo: 210, minutes: 60, what: "Getrouwheidspremie en basisrente uitgelegd", by: "mentor" },
      { daysAgo: 189, minutes: 60, what: "Overlijden en nalatenschap: het draaiboek", by: "newcomer" },
      { daysAgo: 168, minutes: 45, what: "Gesprekken afronden: opnames beluisterd", by: "mentor" },
      { daysAgo: 140, minutes: 30, what: "Laatste items afgetekend", by: "mentor" },
    ],
  },
  {
    newcomer: "daniel",
    mentor: "nico",
    pairedBy: "inge",
    pairedDaysAgo: 116,
    startsDaysAgo: 115,
    endsInDays: 10,
    reached: ["SIGNED_OFF", "SIGNED_OFF", "SIGNED_OFF", "PRACTISED", "SHOWN"],
    sessions: [
      { daysAgo: 114, minutes: 90, what: "Rondleiding door de app en het meldingensysteem", by: "mentor" },
      { daysAgo: 90, minutes: 60, what: "Toestellen koppelen: itsme en kaartlezer", by: "mentor" },
      { daysAgo: 52, minutes: 45, what: "Foutcodes van de kaartlezer", by: "newcomer" },
      { daysAgo: 12, minutes: 30, what: "Release-notes samen herschreven", by: "mentor" },
    ],
  },
];

export type MentoringRows = {
  onboardingItems: Prisma.OnboardingItemCreateManyInput[];
  mentoringPlans: Prisma.MentoringPlanCreateManyInput[];
  mentoringPlanItems: Prisma.MentoringPlanItemCreateManyInput[];
  mentoringSessions: Prisma.MentoringSessionCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

const STEPS: PlanItemStep[] = ["show", "practise", "signOff"];

/** Builds the templates and plans; throws where the data would break a rule the mentoring commands keep. */
export function buildMentoring(ctx: SeedContext, people: SeedPeople): MentoringRows {
  const rows: MentoringRows = { onboardingItems: [], mentoringPlans: [], mentoringPlanItems: [], mentoringSessions: [], auditEvents: [] };
  const audit = (by: UserKey, at: Date, action: string, targetId: string, targetType: string, details: object) =>
    rows.auditEvents.push({ id: ctx.newId(), actorId: ctx.userId(by), action, targetType, targetId, details: JSON.stringify(details), createdAt: at });

  const templates = new Map<DepartmentKey, { items: TemplateItemSeed[]; daysAgo: number }>();
  for (const template of onboardingTemplates) {
    const departmentId = ctx.departmentId(template.department);
    if (!canManageOnboardingTemplate(people.actorOf(template.head), departmentId)) throw new Error(`Seed data: ${template.head} does not keep the template of ${template.department}`);
    const since = ctx.officeTime(template.daysAgo, `template:${template.department}`);
    template.items.forEach((item, index) => {
      const id = ctx.newId();
      const createdAt = new Date(since.getTime() + index * 60_000);
      rows.onboardingItems.push({ id, departmentId, ...item, position: index + 1, createdAt });
      audit(template.head, createdAt, "onboarding.item.add", departmentId, "department", { itemId: id, kind: item.kind, title: item.title });
    });
    templates.set(template.department, { items: template.items, daysAgo: template.daysAgo });
  }

  for (const p of demoPlans) {
    const department = people.departmentOf(p.newcomer);
    const template = templates.get(department);
    if (!template) throw new Error(`Seed data: ${department} has no onboarding template for ${p.newcomer}'s plan`);
    if (p.reached.length > template.items.length) throw new Error(`Seed data: ${p.newcomer}'s plan reaches more items than the template has`);
    if (p.pairedDaysAgo < p.startsDaysAgo || p.pairedDaysAgo >= template.daysAgo) throw new Error(`Seed data: ${p.newcomer}'s plan is paired after it starts or before its template`);
    if (p.sessions.some((s) => s.daysAgo > p.startsDaysAgo || s.daysAgo < -p.endsInDays)) throw new Error(`Seed data: a session of ${p.newcomer}'s plan lies outside its period`);
    const departmentId = ctx.departmentId(department);
    if (!canPairMentoring(people.actorOf(p.pairedBy), departmentId, people.leadDepartmentIds(p.pairedBy))) throw new Error(`Seed data: ${p.pairedBy} may not pair ${p.newcomer}`);
    const paired = ctx.officeTime(p.pairedDaysAgo, `pair:${p.newcomer}`);
    // A working day, as a head would pick it; sessions on later days (officeTime never moves a day forward) fall inside.
    const startsOn = startOfDay(ctx.officeTime(p.startsDaysAgo, `start:${p.newcomer}`));
    const endsOn = startOfDay(addDays(ctx.now, p.endsInDays));
    const planId = ctx.newId();
    const ref = { newcomerId: ctx.userId(p.newcomer), mentorId: ctx.userId(p.mentor), departmentId };
    rows.mentoringPlans.push({ id: planId, departmentId, newcomerId: ref.newcomerId, mentorId: ref.mentorId, pairedById: ctx.userId(p.pairedBy), startsOn, endsOn, createdAt: paired });
    audit(p.pairedBy, paired, "mentoring.pair", planId, "mentoringPlan", {
      newcomerId: ref.newcomerId,
      mentorId: ref.mentorId,
      startsOn: isoDay(startsOn),
      endsOn: isoDay(endsOn),
      items: template.items.length,
    });

    // The steps taken are spread over the plan's days so far, item after item, each one later than the one before.
    const lastDay = Math.max(-p.endsInDays, 1);
    const span = p.startsDaysAgo - lastDay;
    const reachedCount = Math.max(p.reached.filter((s) => s !== "PLANNED").length, 1);
    let previous = paired;
    let slot = 0;
    template.items.forEach((item, index) => {
      const state = p.reached[index] ?? "PLANNED";
      const itemId = ctx.newId();
      const at: Partial<Record<PlanItemStep, Date>> = {};
      // The steps up to the item's state, in the order the commands allow them.
      const steps = STEPS.slice(0, STEPS.findIndex((s) => STEP_TO[s] === state) + 1);
      steps.forEach((step, k) => {
        const by = step === "practise" ? p.newcomer : p.mentor;
        if (!canStepPlanItem(people.actorOf(by), ref, step)) throw new Error(`Seed data: ${by} may not ${step} in ${p.newcomer}'s plan`);
        const daysAgo = Math.round(p.startsDaysAgo - (span * (slot + (k + 1) / (steps.length + 1))) / reachedCount);
        const moment = laterThan(previous, ctx.officeTime(Math.max(daysAgo, lastDay), `step:${p.newcomer}:${index}:${step}`), ctx.now);
        at[step] = moment;
        previous = moment;
        audit(by, moment, `mentoring.item.${step}`, planId, "mentoringPlan", { itemId, title: item.title });
      });
      if (steps.length) slot += 1;
      rows.mentoringPlanItems.push({
        id: itemId,
        planId,
        ...item,
        position: index + 1,
        state,
        shownAt: at.show ?? null,
        practisedAt: at.practise ?? null,
        signedOffAt: at.signOff ?? null,
        signedOffById: at.signOff ? ref.mentorId : null,
      });
    });

    for (const s of p.sessions) {
      const by = s.by === "mentor" ? p.mentor : p.newcomer;
      if (!canLogMentoringTime(people.actorOf(by), ref)) throw new Error(`Seed data: ${by} may not log time on ${p.newcomer}'s plan`);
      const createdAt = ctx.officeTime(s.daysAgo, `session:${p.newcomer}:${s.daysAgo}`);
      const id = ctx.newId();
      const date = startOfDay(createdAt);
      rows.mentoringSessions.push({ id, planId, date, minutes: s.minutes, what: s.what, loggedById: ctx.userId(by), createdAt });
      audit(by, createdAt, "mentoring.time", planId, "mentoringPlan", { sessionId: id, date: isoDay(date), minutes: s.minutes });
    }
  }
  return rows;
}
