/**
 * Formal learning in the demo: courses, e-learning and external training the savings desk registered
 * this last year, and one course well over a year before, so the year picker has another year to show.
 * Most are approved by the head of their department; one was rejected with a reason; a few recent ones
 * wait for the head (agent@, agent2@ and a colleague), and the head's own registration waits for an
 * admin, as the learning commands require. Costs are direct costs in euro.
 */
import type { Prisma } from "@prisma/client";
import { canDecideLearning } from "../../app/policies/policies";
import { LEARNING_LIMITS, type LearningKind } from "../../app/schemas/learning.shared";
import { isoDay, startOfDay } from "../../app/utils/dates";
import type { UserKey } from "./organisation";
import { laterThan } from "./moments";
import type { SeedContext, SeedPeople } from "./types";

type LearningSeed = {
  user: UserKey;
  kind: LearningKind;
  title: string;
  provider: string;
  /** The day it was followed (or finished). */
  daysAgo: number;
  hours: number;
  euro: number;
  /** A certificate, received that day. */
  certificate?: boolean;
  /** Days after following it that it was registered. */
  registeredAfter: number;
  /** Days after registering that the head (or, for a head's own, an admin) decided; none: still waiting. */
  decided?: { afterDays: number; by: UserKey } & ({ approve: true } | { approve: false; reason: string });
};

const approved = (by: UserKey, afterDays = 2) => ({ afterDays, by, approve: true as const });

export const demoLearning: LearningSeed[] = [
  // Lotte (agent@)
  { user: "lotte", kind: "COURSE", title: "Sparen en beleggen: de basis", provider: "Febelfin Academy", daysAgo: 480, hours: 12, euro: 345, certificate: true, registeredAfter: 1, decided: approved("koen") },
  { user: "lotte", kind: "COURSE", title: "Erfrecht voor bankmedewerkers", provider: "Febelfin Academy", daysAgo: 150, hours: 14, euro: 395, certificate: true, registeredAfter: 2, decided: approved("koen", 3) },
  { user: "lotte", kind: "E_LEARNING", title: "Antiwitwaswetgeving: jaarlijkse opfrissing", provider: "Leiebank Academie", daysAgo: 62, hours: 2, euro: 0, certificate: true, registeredAfter: 0, decided: approved("koen", 1) },
  { user: "lotte", kind: "EXTERNAL_TRAINING", title: "Moeilijke klantgesprekken aan de telefoon", provider: "Kluwer Opleidingen", daysAgo: 6, hours: 7, euro: 620, registeredAfter: 1 },
  // Youssef (agent2@)
  { user: "youssef", kind: "E_LEARNING", title: "Antiwitwaswetgeving: jaarlijkse opfrissing", provider: "Leiebank Academie", daysAgo: 95, hours: 2, euro: 0, certificate: true, registeredAfter: 0, decided: approved("koen", 1) },
  {
    user: "youssef",
    kind: "COURSE",
    title: "Excel voor gevorderden",
    provider: "Syntra West",
    daysAgo: 40,
    hours: 12,
    euro: 290,
    registeredAfter: 2,
    decided: { afterDays: 2, by: "koen", approve: false, reason: "Hoort niet bij je taken aan de spaardesk. Volg eerst de interne e-learning Excel; die is gratis." },
  },
  { user: "youssef", kind: "E_LEARNING", title: "Klantgericht schrijven: heldere e-mails", provider: "Leiebank Academie", daysAgo: 4, hours: 3.5, euro: 0, registeredAfter: 0 },
  // Sofie (lead@)
  { user: "sofie", kind: "EXTERNAL_TRAINING", title: "Communities of practice begeleiden", provider: "Vlerick Business School", daysAgo: 120, hours: 14, euro: 890, certificate: true, registeredAfter: 1, decided: approved("koen") },
  { user: "sofie", kind: "COURSE", title: "Intervisie leiden", provider: "Leiebank Academie", daysAgo: 300, hours: 6, euro: 0, registeredAfter: 3, decided: approved("koen") },
  // The knowledge manager
  { user: "ann", kind: "EXTERNAL_TRAINING", title: "Knowledge-Centered Service (KCS) Practices v6", provider: "Consortium for Service Innovation", daysAgo: 170, hours: 16, euro: 1200, certificate: true, registeredAfter: 2, decided: approved("koen", 4) },
  // Colleagues
  { user: "jens", kind: "COURSE", title: "Bijscholing verzekeringsbemiddeling", provider: "Assuralia", daysAgo: 210, hours: 8, euro: 240, certificate: true, registeredAfter: 5, decided: approved("koen") },
  { user: "sarah", kind: "E_LEARNING", title: "Fraude herkennen aan de telefoon", provider: "Leiebank Academie", daysAgo: 2, hours: 1.5, euro: 0, registeredAfter: 0 },
  { user: "elif", kind: "COURSE", title: "Nederlands voor de klantendienst: zakelijk schrijven", provider: "CVO Gent", daysAgo: 80, hours: 20, euro: 150, certificate: true, registeredAfter: 1, decided: approved("koen", 3) },
  { user: "tom", kind: "E_LEARNING", title: "Antiwitwaswetgeving: jaarlijkse opfrissing", provider: "Leiebank Academie", daysAgo: 93, hours: 2, euro: 0, certificate: true, registeredAfter: 0, decided: approved("koen", 1) },
  // The head's own: an admin decides it (never the head themself).
  { user: "koen", kind: "EXTERNAL_TRAINING", title: "Leidinggeven aan hybride teams", provider: "Vlerick Business School", daysAgo: 20, hours: 21, euro: 1850, certificate: true, registeredAfter: 2 },
];

export type LearningRows = {
  learningEntries: Prisma.LearningEntryCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

/** Builds the registrations and decisions; throws where the data would break a rule the learning commands keep. */
export function buildLearning(ctx: SeedContext, people: SeedPeople): LearningRows {
  const rows: LearningRows = { learningEntries: [], auditEvents: [] };
  for (const l of demoLearning) {
    if (l.title.length > LEARNING_LIMITS.titleMax || l.provider.length > LEARNING_LIMITS.providerMax) throw new Error(`Seed data: "${l.title}" is longer than the form takes`);
    if (l.daysAgo > LEARNING_LIMITS.daysBack) throw new Error(`Seed data: "${l.title}" lies further back than a registration may`);
    const id = ctx.newId();
    const userId = ctx.userId(l.user);
    const followed = ctx.officeTime(l.daysAgo, `learning:${l.user}:${l.title}`);
    const date = startOfDay(followed);
    const createdAt = laterThan(followed, ctx.officeTime(l.daysAgo - l.registeredAfter, `registered:${l.user}:${l.title}`), ctx.now);
    const minutes = Math.round(l.hours * 60);
    const costCents = l.euro * 100;
    const entry: Prisma.LearningEntryCreateManyInput = {
      id,
      userId,
      kind: l.kind,
      title: l.title,
      provider: l.provider,
      date,
      minutes,
      costCents,
      certificateOn: l.certificate ? date : null,
      state: "PENDING",
      createdAt,
    };
    rows.auditEvents.push({
      id: ctx.newId(),
      actorId: userId,
      action: "learning.add",
      targetType: "learningEntry",
      targetId: id,
      details: JSON.stringify({ kind: l.kind, title: l.title, date: isoDay(date), minutes, costCents }),
      createdAt,
    });
    if (l.decided) {
      const ref = { userId, departmentId: ctx.departmentId(people.departmentOf(l.user)), state: "PENDING" };
      if (!canDecideLearning(people.actorOf(l.decided.by), ref)) throw new Error(`Seed data: ${l.decided.by} may not decide on "${l.title}" of ${l.user}`);
      const daysAgo = Math.max(l.daysAgo - l.registeredAfter - l.decided.afterDays, 0);
      const decidedAt = laterThan(createdAt, ctx.officeTime(daysAgo, `decided:${l.user}:${l.title}`), ctx.now);
      const reason = l.decided.approve ? "" : l.decided.reason;
      Object.assign(entry, { state: l.decided.approve ? "APPROVED" : "REJECTED", decidedById: ctx.userId(l.decided.by), decidedAt, decisionReason: reason });
      rows.auditEvents.push({
        id: ctx.newId(),
        actorId: ctx.userId(l.decided.by),
        action: l.decided.approve ? "learning.approve" : "learning.reject",
        targetType: "learningEntry",
        targetId: id,
        details: JSON.stringify({ userId, reason }),
        createdAt: decidedAt,
      });
    }
    rows.learningEntries.push(entry);
  }
  return rows;
}
