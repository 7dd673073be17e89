/**
 * The demo organisation: Leiebank's savings desk, its communities, field notes and knowledge base, and
 * its people's mentoring plans, formal learning, thank-yous and weekly spotlights.
 *
 *   tsx prisma/seed.ts        seeds the database at DATABASE_URL, but only when it has no users yet
 *   seedDemo(db)              inserts everything into an empty database (used by the app and tests)
 *
 * Content lives in prisma/seed-data/. Dates are relative to "now": notes span the last four months.
 * No SearchOutbox rows are written; the app reindexes both indexes (entries, questions) after seeding,
 * with the seeded synonym rules.
 */
import path from "node:path";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { hash } from "bcryptjs";
import type { Prisma, PrismaClient } from "@prisma/client";
import {
  communities,
  DEMO_PASSWORD,
  departments,
  productTags,
  tagNames,
  users,
  type CommunityKey,
  type TagName,
  type UserKey,
  type UserSeed,
} from "./seed-data/organisation";
import { rich } from "./seed-data/rich";
import type { EntrySeed, NoteSeed, SeedContext, SeedPeople } from "./seed-data/types";
import { savingsEntries } from "./seed-data/entries-sparen";
import { estateEntries } from "./seed-data/entries-volmacht-nalatenschap";
import { fraudEntries } from "./seed-data/entries-fraude-digitaal";
import { otherEntries } from "./seed-data/entries-overig";
import { declinedNotes, submittedNotes } from "./seed-data/notes-open";
import { buildTimeAndActivities } from "./seed-data/time-activities";
import { addDays, startOfDay } from "../app/utils/dates";
import { demoQuestions } from "./seed-data/questions";
import { demoFlags, demoNotHelpful, demoReviews } from "./seed-data/lifecycle";
import { seedSynonymRules } from "./seed-data/synonyms";
import { demoNotifications, seedActors } from "./seed-data/notifications";
import { buildMentoring } from "./seed-data/mentoring";
import { buildLearning } from "./seed-data/learning";
import { buildRecognition } from "./seed-data/recognition";

export type SeedCounts = { users: number; notes: number; entries: number };

const KNOWLEDGE_MANAGER: UserKey = "ann";
const MINUTE = 60_000;

/** Someone who joined after the months of history the seed writes (votes, searches) takes no part in it. */
const isNewcomer = (u: UserSeed) => u.joinedDaysAgo < 120;

// ---------------------------------------------------------------------------------------------
// Ids and dates
// ---------------------------------------------------------------------------------------------

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
let idCounter = 0;

/** A cuid-like id: lower-case letters and digits only, starting with "c" (what the app's schemas accept). */
function newId(): string {
  idCounter = (idCounter + 1) % 1_679_616;
  const time = Date.now().toString(36).padStart(8, "0").slice(-8);
  const count = idCounter.toString(36).padStart(4, "0");
  const random = Array.from(randomBytes(12), (b) => ALPHABET[b % 36]).join("");
  return `c${time}${count}${random}`;
}

/** A small stable hash, so the same text always gets the same time of day. */
function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

function isWeekend(d: Date): boolean {
  const day = d.getUTCDay();
  return day === 0 || day === 6;
}

/** A moment during office hours `daysAgo` days before now (weekends move to the Friday before), never in the future. */
function officeTime(now: Date, daysAgo: number, seed: string): Date {
  const d = addDays(now, -daysAgo);
  while (isWeekend(d)) d.setUTCDate(d.getUTCDate() - 1);
  const h = hashOf(seed);
  // 07:10-16:10 UTC, roughly 08:10-17:10 in Belgium
  d.setUTCHours(7, 10 + (h % 540), (h >>> 10) % 60, 0);
  const latest = now.getTime() - (5 + ((h >>> 4) % 40)) * MINUTE;
  return d.getTime() > latest ? new Date(latest) : d;
}

/** The knowledge manager decides one or two working days after `after`, in the morning; never in the future. */
function decisionTime(now: Date, after: Date, seed: string): Date {
  const h = hashOf(`decision:${seed}`);
  const d = new Date(after);
  for (let i = 0; i < 1 + (h % 2); i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    while (isWeekend(d)) d.setUTCDate(d.getUTCDate() + 1);
  }
  d.setUTCHours(8, 5 + ((h >>> 3) % 200), (h >>> 12) % 60, 0);
  if (d.getTime() >= now.getTime()) throw new Error(`Seed data: decision on "${seed}" would lie in the future`);
  return d;
}

function addMonths(d: Date, months: number): Date {
  const r = new Date(d);
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Building the rows (pure, no database)
// ---------------------------------------------------------------------------------------------

type Rows = {
  departments: Prisma.DepartmentCreateManyInput[];
  departmentHeads: { departmentId: string; headId: string }[];
  users: Prisma.UserCreateManyInput[];
  communities: Prisma.CommunityCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  tags: Prisma.TagCreateManyInput[];
  entries: Prisma.EntryCreateManyInput[];
  entryTags: Prisma.EntryTagCreateManyInput[];
  entryVersions: Prisma.EntryVersionCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  noteTags: Prisma.NoteTagCreateManyInput[];
  feedback: Prisma.FeedbackCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
  goals: Prisma.GoalCreateManyInput[];
  goalEvents: Prisma.GoalEventCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  attendances: Prisma.AttendanceCreateManyInput[];
  timeEntries: Prisma.TimeEntryCreateManyInput[];
  answers: Prisma.AnswerCreateManyInput[];
  /** Set after the answers exist: Note.acceptedAnswerId points at an answer. */
  acceptedAnswers: { questionId: string; answerId: string; acceptedAt: Date }[];
  searchLogs: Prisma.SearchLogCreateManyInput[];
  flags: Prisma.FlagCreateManyInput[];
  entryReviews: Prisma.EntryReviewCreateManyInput[];
  mandatoryReads: Prisma.MandatoryReadCreateManyInput[];
  mandatoryReadAssignments: Prisma.MandatoryReadAssignmentCreateManyInput[];
  onboardingItems: Prisma.OnboardingItemCreateManyInput[];
  mentoringPlans: Prisma.MentoringPlanCreateManyInput[];
  mentoringPlanItems: Prisma.MentoringPlanItemCreateManyInput[];
  mentoringSessions: Prisma.MentoringSessionCreateManyInput[];
  learningEntries: Prisma.LearningEntryCreateManyInput[];
  thanks: Prisma.ThanksCreateManyInput[];
  spotlights: Prisma.SpotlightCreateManyInput[];
};

export const demoEntries: EntrySeed[] = [...savingsEntries, ...estateEntries, ...fraudEntries, ...otherEntries];

/** Builds every row of the demo organisation; throws if the content is inconsistent. */
export function buildDemoRows(now: Date, passwordHash: string): Rows {
  const rows: Rows = {
    departments: [],
    departmentHeads: [],
    users: [],
    communities: [],
    memberships: [],
    tags: [],
    entries: [],
    entryTags: [],
    entryVersions: [],
    notes: [],
    noteTags: [],
    feedback: [],
    auditEvents: [],
    goals: [],
    goalEvents: [],
    activities: [],
    attendances: [],
    timeEntries: [],
    answers: [],
    acceptedAnswers: [],
    searchLogs: [],
    flags: [],
    entryReviews: [],
    mandatoryReads: [],
    mandatoryReadAssignments: [],
    onboardingItems: [],
    mentoringPlans: [],
    mentoringPlanItems: [],
    mentoringSessions: [],
    learningEntries: [],
    thanks: [],
    spotlights: [],
  };
  const ago = (days: number) => addDays(now, -days);

  // Departments and people
  const departmentId = new Map(departments.map((d) => [d.key, newId()]));
  for (const d of departments) rows.departments.push({ id: departmentId.get(d.key)!, name: d.name, createdAt: ago(270) });

  const userId = new Map(users.map((u) => [u.key, newId()]));
  const userName = new Map(users.map((u) => [u.key, u.name]));
  for (const u of users) {
    const joined = ago(u.joinedDaysAgo);
    rows.users.push({
      id: userId.get(u.key)!,
      email: u.email,
      name: u.name,
      passwordHash,
      locale: u.locale,
      role: u.role,
      departmentId: departmentId.get(u.department)!,
      createdAt: joined,
      updatedAt: joined,
    });
    if (u.heads) rows.departmentHeads.push({ departmentId: departmentId.get(u.heads)!, headId: userId.get(u.key)! });
  }
  const kmId = userId.get(KNOWLEDGE_MANAGER)!;

  // Communities and memberships
  const communityId = new Map(communities.map((c) => [c.key, newId()]));
  const membersOf = new Map<CommunityKey, Set<UserKey>>();
  for (const c of communities) {
    const created = ago(c.createdDaysAgo);
    rows.communities.push({
      id: communityId.get(c.key)!,
      name: c.name,
      slug: c.slug,
      purpose: c.purpose,
      departmentId: departmentId.get(c.department)!,
      visibility: c.visibility,
      budgetMinutes: c.budgetMinutes,
      budgetPeriodDays: c.budgetPeriodDays,
      status: "ACTIVE",
      createdAt: created,
    });
    membersOf.set(c.key, new Set(c.members.map((m) => m.user)));
    c.members.forEach((m, i) =>
      rows.memberships.push({
        id: newId(),
        userId: userId.get(m.user)!,
        communityId: communityId.get(c.key)!,
        role: m.role,
        // a few hours after the community started, or the day after the member's account did
        createdAt: new Date(Math.max(created.getTime() + (i + 1) * 3 * 3_600_000, ago(users.find((u) => u.key === m.user)!.joinedDaysAgo - 1).getTime())),
      }),
    );
  }

  // Goals of the savings community: proposed by its lead, agreed by the head of its department
  const goalLead = userId.get("sofie")!;
  const goalHead = userId.get("koen")!;
  type GoalStep = { kind: string; by: string; daysAgo: number; comment?: string; percentage?: number };
  /** Goals in every state for a community: [title, target, due in days, status, last progress %]. */
  const goalsOf = (community: CommunityKey, lead: string, head: string, list: [string, string, number, string, number | null][]) =>
    list.map(([title, target, dueInDays, status, percentage]) => {
      const steps: GoalStep[] = [{ kind: "proposed", by: lead, daysAgo: status === "PROPOSED" ? 12 : 110 }];
      if (status === "PROPOSED") steps.push({ kind: "sent_back", by: head, daysAgo: 9, comment: "Kun je het doel meetbaar maken? Graag een cijfer en een datum." });
      else steps.push({ kind: "agreed", by: head, daysAgo: 105, comment: "Akkoord." });
      if (status === "AGREED" && percentage !== null) steps.push({ kind: "progress", by: lead, daysAgo: 20, comment: "Goed op weg, zie de laatste intervisie.", percentage });
      if (status === "DONE") steps.push({ kind: "progress", by: lead, daysAgo: 60, comment: "Halfweg.", percentage: 50 }, { kind: "done", by: lead, daysAgo: 18, comment: "Behaald en besproken met het team." });
      if (status === "DROPPED") steps.push({ kind: "dropped", by: lead, daysAgo: 35, comment: "Geschrapt: de prioriteiten van de afdeling zijn veranderd." });
      return { community, title, target, dueInDays, status, steps };
    });
  const demoGoals: { community?: CommunityKey; title: string; target: string; dueInDays: number; status: string; steps: GoalStep[] }[] = [
    {
      title: "Elke veelgestelde spaarvraag beantwoord in de kennisbank",
      target: "20 nieuwe of herwerkte kennisartikels over spaar- en termijnrekeningen",
      dueInDays: 75,
      status: "AGREED",
      steps: [
        { kind: "proposed", by: goalLead, daysAgo: 60 },
        { kind: "agreed", by: goalHead, daysAgo: 57, comment: "Akkoord, graag een tussenstand op elke intervisie." },
        { kind: "progress", by: goalLead, daysAgo: 30, comment: "7 artikels gepubliceerd, vooral over termijnrekeningen.", percentage: 35 },
        { kind: "progress", by: goalLead, daysAgo: 7, comment: "12 artikels; volmachten volgen na de intervisie.", percentage: 60 },
      ],
    },
    {
      title: "Nieuwe collega's zelfstandig na drie weken",
      target: "Elke nieuwe agent volgt twee intervisies en schrijft vijf veldnotities in de eerste drie weken",
      dueInDays: 120,
      status: "PROPOSED",
      steps: [
        { kind: "proposed", by: goalLead, daysAgo: 14 },
        { kind: "sent_back", by: goalHead, daysAgo: 10, comment: "Hoe meten we 'zelfstandig'? Graag een cijfer erbij." },
      ],
    },
    {
      title: "Uitleg nalatenschappen opgefrist",
      target: "Alle artikels over nalatenschappen nagelezen en bijgewerkt",
      dueInDays: -20,
      status: "DONE",
      steps: [
        { kind: "proposed", by: goalLead, daysAgo: 120 },
        { kind: "agreed", by: goalHead, daysAgo: 118 },
        { kind: "progress", by: goalLead, daysAgo: 60, comment: "De helft nagelezen.", percentage: 50 },
        { kind: "done", by: goalLead, daysAgo: 25, comment: "Alle 9 artikels nagelezen, 4 bijgewerkt." },
      ],
    },
    {
      title: "Maandelijkse lunch & learn met Kredieten",
      target: "Zes gezamenlijke sessies",
      dueInDays: 30,
      status: "DROPPED",
      steps: [
        { kind: "proposed", by: goalLead, daysAgo: 100 },
        { kind: "agreed", by: goalHead, daysAgo: 95 },
        { kind: "dropped", by: goalLead, daysAgo: 40, comment: "Kredieten heeft de sessies stopgezet; we bundelen met de intervisie." },
      ],
    },
    // Fraude & Phishing (Compliance & Fraudepreventie): lead Stijn, head Griet
    ...goalsOf("fraude", userId.get("stijn")!, userId.get("griet")!, [
      ["Phishingmeldingen binnen het uur doorgegeven", "90% van de gemelde phishingmails binnen 60 minuten bij het fraudeteam", 60, "AGREED", 40],
      ["Draaiboek voor spoofing via telefoon", "Een draaiboek van één pagina, getest in twee intervisies", 90, "PROPOSED", null],
      ["Maandelijkse fraudeflits voor alle agenten", "Zes fraudeflitsen verstuurd en besproken in het teamoverleg", -15, "DONE", null],
      ["Eigen meldformulier in de app", "Klanten melden verdachte berichten rechtstreeks in de app", 45, "DROPPED", null],
    ]),
    // Digitaal bankieren (Digitale Kanalen): lead Nico, head Inge
    ...goalsOf("digitaal", userId.get("nico")!, userId.get("inge")!, [
      ["Top 10 app-vragen in de kennisbank", "Tien artikels met schermafbeeldingen over de spaarapp", 50, "AGREED", 70],
      ["Itsme-problemen sneller opgelost", "Gemiddelde afhandeltijd van itsme-vragen onder 8 minuten", 100, "PROPOSED", null],
      ["Release-notes vertaald voor de balie", "Elke app-release binnen twee dagen uitgelegd in gewone taal", -30, "DONE", null],
      ["Chatbot-antwoorden nalezen", "Alle 40 chatbot-antwoorden over sparen nagelezen", 20, "DROPPED", null],
    ]),
  ];
  for (const g of demoGoals) {
    const id = newId();
    const agreed = g.steps.find((st) => st.kind === "agreed");
    const last = g.steps[g.steps.length - 1];
    rows.goals.push({
      id,
      communityId: communityId.get(g.community ?? "sparen")!,
      title: g.title,
      target: g.target,
      dueDate: startOfDay(addDays(now, g.dueInDays)),
      status: g.status,
      proposedById: g.steps[0].by,
      agreedById: agreed ? agreed.by : null,
      agreedAt: agreed ? ago(agreed.daysAgo) : null,
      createdAt: ago(g.steps[0].daysAgo),
      updatedAt: ago(last.daysAgo),
    });
    for (const st of g.steps) {
      rows.goalEvents.push({ id: newId(), goalId: id, actorId: st.by, kind: st.kind, comment: st.comment ?? "", percentage: st.percentage ?? null, createdAt: ago(st.daysAgo) });
      rows.auditEvents.push({
        id: newId(),
        actorId: st.by,
        action: `goal.${st.kind}`,
        targetType: "goal",
        targetId: id,
        details: JSON.stringify(st.kind === "proposed" ? { title: g.title } : { comment: st.comment ?? "", percentage: st.percentage }),
        createdAt: ago(st.daysAgo),
      });
    }
  }

  // Tags
  const tagId = new Map(tagNames.map((t) => [t as string, newId()]));
  for (const [name, id] of tagId) {
    const product = Object.hasOwn(productTags, name);
    rows.tags.push({ id, name, isProduct: product, reviewIntervalDays: product ? (productTags[name as TagName] ?? null) : null });
  }
  const tagIdOf = (name: string) => {
    const id = tagId.get(name);
    if (!id) throw new Error(`Seed data: unknown tag "${name}"`);
    return id;
  };

  // Notes (shared by entries and the open notes)
  const noteTitles = new Set<string>();
  const addNote = (
    seed: NoteSeed,
    fallbackTags: string[],
    decision:
      | { state: "SUBMITTED" }
      | { state: "PUBLISHED" | "MERGED"; entryId: string; decidedAt: Date; reason?: string; auditDetails: Record<string, unknown> }
      | { state: "DECLINED"; decidedAt: Date; reason: string },
    createdAt: Date,
  ): string => {
    if (noteTitles.has(seed.title)) throw new Error(`Seed data: duplicate note title "${seed.title}"`);
    noteTitles.add(seed.title);
    if (seed.community && !membersOf.get(seed.community)!.has(seed.author)) {
      throw new Error(`Seed data: ${seed.author} is not a member of ${seed.community} ("${seed.title}")`);
    }
    const tags = seed.tags ?? fallbackTags.slice(0, 4);
    if (tags.length < 1 || tags.length > 4) throw new Error(`Seed data: note "${seed.title}" needs 1-4 tags`);
    const id = newId();
    const body = rich(seed.body);
    const decided = decision.state === "SUBMITTED" ? null : decision.decidedAt;
    rows.notes.push({
      id,
      kind: "FIELD_NOTE",
      authorId: userId.get(seed.author)!,
      communityId: seed.community ? communityId.get(seed.community)! : null,
      title: seed.title,
      bodyJson: body.json,
      bodyText: body.text,
      state: decision.state,
      reviewerId: decided ? kmId : null,
      decisionReason: decision.state === "SUBMITTED" ? null : (decision.reason ?? null),
      decidedAt: decided,
      entryId: decision.state === "PUBLISHED" || decision.state === "MERGED" ? decision.entryId : null,
      createdAt,
      updatedAt: decided ?? createdAt,
    });
    for (const t of tags) rows.noteTags.push({ noteId: id, tagId: tagIdOf(t) });
    rows.auditEvents.push({
      id: newId(),
      actorId: userId.get(seed.author)!,
      action: "note.submit",
      targetType: "note",
      targetId: id,
      details: "{}",
      createdAt,
    });
    if (decision.state !== "SUBMITTED") {
      const action = decision.state === "PUBLISHED" ? "note.publish" : decision.state === "MERGED" ? "note.merge" : "note.decline";
      const details = decision.state === "DECLINED" ? { reason: decision.reason } : decision.auditDetails;
      rows.auditEvents.push({
        id: newId(),
        actorId: kmId,
        action,
        targetType: "note",
        targetId: id,
        details: JSON.stringify(details),
        createdAt: decision.decidedAt,
      });
    }
    return id;
  };

  // Who may say "this helped me": employees who were there (not the newcomer), or the members of a closed community.
  const employees = users.filter((u) => u.role === "EMPLOYEE" && !isNewcomer(u)).map((u) => u.key);
  const entryTitles = new Set<string>();

  demoEntries.forEach((e, index) => {
    if (entryTitles.has(e.title)) throw new Error(`Seed data: duplicate entry title "${e.title}"`);
    entryTitles.add(e.title);
    const state = e.state ?? "PUBLISHED";
    if ((state === "ARCHIVED") !== Boolean(e.archived)) throw new Error(`Seed data: "${e.title}" archived state and date disagree`);

    const id = newId();
    const entryCommunityId = e.community ? communityId.get(e.community)! : null;
    const tagsJson = JSON.stringify(e.tags);

    // Version 1: published from the source note
    const sourceCreated = officeTime(now, e.source.daysAgo, e.source.title);
    const published = decisionTime(now, sourceCreated, e.source.title);
    let body = e.body;
    let content = rich(body);
    let version = 1;
    let lastChange = published;
    rows.entryVersions.push({
      id: newId(),
      entryId: id,
      version,
      title: e.title,
      bodyJson: content.json,
      bodyText: content.text,
      tags: tagsJson,
      editorId: kmId,
      summary: `publish:${userName.get(e.source.author)}`,
      createdAt: published,
    });
    addNote(
      e.source,
      e.tags,
      { state: "PUBLISHED", entryId: id, decidedAt: published, auditDetails: { entryId: id, title: e.title } },
      sourceCreated,
    );

    // Later versions: one per merged note, oldest first
    const merged = [...(e.merged ?? [])].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const m of merged) {
      const created = officeTime(now, m.daysAgo, m.title);
      if (created.getTime() <= lastChange.getTime()) {
        throw new Error(`Seed data: merged note "${m.title}" is older than the entry version it extends`);
      }
      const decided = decisionTime(now, created, m.title);
      version += 1;
      body = `${body}\n\n${m.add}`;
      content = rich(body);
      rows.entryVersions.push({
        id: newId(),
        entryId: id,
        version,
        title: e.title,
        bodyJson: content.json,
        bodyText: content.text,
        tags: tagsJson,
        editorId: kmId,
        summary: `merge:${userName.get(m.author)}`,
        createdAt: decided,
      });
      addNote(
        m,
        e.tags,
        { state: "MERGED", entryId: id, decidedAt: decided, reason: m.reason, auditDetails: { entryId: id, version } },
        created,
      );
      lastChange = decided;
    }

    let archivedAt: Date | null = null;
    if (e.archived) {
      archivedAt = officeTime(now, e.archived.daysAgo, `archive:${e.title}`);
      if (archivedAt.getTime() <= lastChange.getTime()) throw new Error(`Seed data: "${e.title}" archived before its last version`);
      rows.auditEvents.push({
        id: newId(),
        actorId: kmId,
        action: "entry.archive",
        targetType: "entry",
        targetId: id,
        details: JSON.stringify({ reason: e.archived.reason }),
        createdAt: archivedAt,
      });
    }

    rows.entries.push({
      id,
      title: e.title,
      bodyJson: content.json,
      bodyText: content.text,
      communityId: entryCommunityId,
      ownerId: kmId,
      state,
      version,
      reviewBy: addMonths(published, e.reviewMonths ?? 6 + (index % 7)),
      lastReviewedAt: published,
      archivedAt,
      archiveReason: e.archived?.reason ?? null,
      helpfulCount: e.helpful,
      reuseCount: e.reuse,
      createdAt: published,
      updatedAt: archivedAt ?? lastChange,
    });
    for (const t of e.tags) rows.entryTags.push({ entryId: id, tagId: tagIdOf(t) });

    // "This helped me": exactly helpfulCount rows, spread between publication and now (or the archive date).
    const closed = e.community && communities.find((c) => c.key === e.community)!.visibility === "CLOSED";
    const pool = (closed ? [...membersOf.get(e.community!)!] : employees).filter(
      (u) => u !== KNOWLEDGE_MANAGER && u !== e.source.author,
    );
    if (e.helpful > pool.length) throw new Error(`Seed data: "${e.title}" has more helpful votes than possible voters`);
    const start = index % pool.length;
    const voters = [...pool.slice(start), ...pool.slice(0, start)].slice(0, e.helpful);
    const end = (archivedAt ?? now).getTime() - 30 * MINUTE;
    const span = Math.max(end - published.getTime(), 0);
    voters.forEach((voter, i) => {
      const at = published.getTime() + Math.round((span * (i + 1)) / (voters.length + 1)) - (hashOf(`${id}${voter}`) % 3_600_000);
      rows.feedback.push({
        id: newId(),
        entryId: id,
        userId: userId.get(voter)!,
        helpful: true,
        createdAt: new Date(Math.max(at, published.getTime() + MINUTE)),
      });
    });
  });

  addLifecycle(rows, now, { kmId, userId });

  for (const n of declinedNotes) {
    const created = officeTime(now, n.daysAgo, n.title);
    addNote(n, n.tags, { state: "DECLINED", decidedAt: decisionTime(now, created, n.title), reason: n.reason }, created);
  }
  for (const n of submittedNotes) addNote(n, n.tags, { state: "SUBMITTED" }, officeTime(now, n.daysAgo, n.title));

  // Six months of activities with attendance and time logs per community
  const timeRows = buildTimeAndActivities(
    now,
    communities.map((c) => {
      const id = communityId.get(c.key)!;
      const lead = c.members.find((m) => m.role === "LEAD")!;
      const createdAt = ago(c.createdDaysAgo);
      return {
        key: c.key,
        id,
        createdAt,
        budget: { effectiveFrom: startOfDay(createdAt), minutes: c.budgetMinutes, periodDays: c.budgetPeriodDays },
        leadId: userId.get(lead.user)!,
        members: c.members.map((m) => ({
          key: m.user,
          id: userId.get(m.user)!,
          joinedAt: rows.memberships.find((r) => r.communityId === id && r.userId === userId.get(m.user))!.createdAt as Date,
        })),
      };
    }),
    newId,
  );
  rows.activities.push(...timeRows.activities);
  rows.attendances.push(...timeRows.attendances);
  rows.timeEntries.push(...timeRows.timeEntries);

  // Questions in the communities, with answers; some accepted, a few already in the knowledge manager's inbox
  const HOUR = 3_600_000;
  const leadOf = new Map(communities.map((c) => [c.key, c.members.find((m) => m.role === "LEAD")!.user]));
  for (const q of demoQuestions) {
    if (noteTitles.has(q.title)) throw new Error(`Seed data: duplicate note title "${q.title}"`);
    noteTitles.add(q.title);
    const members = membersOf.get(q.community)!;
    for (const who of [q.author, ...q.answers.map((a) => a.author)]) {
      if (!members.has(who)) throw new Error(`Seed data: ${who} is not a member of ${q.community} ("${q.title}")`);
    }
    if (q.sent && !q.accepted) throw new Error(`Seed data: "${q.title}" is sent to the knowledge manager without an accepted answer`);
    const id = newId();
    const asked = officeTime(now, q.daysAgo, q.title);
    // Later steps keep their order but never lie in the future.
    const latest = now.getTime() - 10 * MINUTE;
    const at = (hours: number, step: number) => new Date(Math.min(asked.getTime() + hours * HOUR, latest - (20 - step) * MINUTE));
    const body = rich(q.body);
    const actorOf = (by: "asker" | "lead") => userId.get(by === "asker" ? q.author : leadOf.get(q.community)!)!;
    const answerIds = q.answers.map(() => newId());
    q.answers.forEach((a, i) => {
      const content = rich(a.body);
      const created = at(a.afterHours, i);
      rows.answers.push({ id: answerIds[i], questionId: id, authorId: userId.get(a.author)!, bodyJson: content.json, bodyText: content.text, createdAt: created, updatedAt: created });
      rows.auditEvents.push({ id: newId(), actorId: userId.get(a.author)!, action: "question.answer", targetType: "note", targetId: id, details: JSON.stringify({ answerId: answerIds[i] }), createdAt: created });
    });
    const acceptedAt = q.accepted ? at(q.accepted.afterHours, 10) : null;
    const sentAt = q.sent ? at(q.sent.afterHours, 11) : null;
    rows.notes.push({
      id,
      kind: "QUESTION",
      authorId: userId.get(q.author)!,
      communityId: communityId.get(q.community)!,
      title: q.title,
      bodyJson: body.json,
      bodyText: body.text,
      state: q.sent ? "SUBMITTED" : "OPEN",
      acceptedAt,
      createdAt: asked,
      updatedAt: sentAt ?? acceptedAt ?? asked,
    });
    for (const t of q.tags) rows.noteTags.push({ noteId: id, tagId: tagIdOf(t) });
    rows.auditEvents.push({ id: newId(), actorId: userId.get(q.author)!, action: "question.ask", targetType: "note", targetId: id, details: JSON.stringify({ title: q.title }), createdAt: asked });
    if (q.accepted && acceptedAt) {
      const answerId = answerIds[q.accepted.answer];
      if (!answerId) throw new Error(`Seed data: "${q.title}" accepts an answer it does not have`);
      rows.acceptedAnswers.push({ questionId: id, answerId, acceptedAt });
      rows.auditEvents.push({ id: newId(), actorId: actorOf(q.accepted.by), action: "question.accept", targetType: "note", targetId: id, details: JSON.stringify({ answerId, previousAnswerId: null }), createdAt: acceptedAt });
    }
    if (q.sent && sentAt) {
      rows.auditEvents.push({ id: newId(), actorId: actorOf(q.sent.by), action: "question.send", targetType: "note", targetId: id, details: JSON.stringify({ answerId: answerIds[q.accepted!.answer] }), createdAt: sentAt });
    }
  }

  rows.searchLogs = demoSearchLogs(now, users.filter((u) => u.role === "EMPLOYEE" && !isNewcomer(u)).map((u) => userId.get(u.key)!));
  addMandatoryRead(rows, now, { kmId, userId, departmentId: departmentId.get("sparen")! });
  addLearningAndRecognition(rows, {
    now,
    newId,
    officeTime: (daysAgo, seed) => officeTime(now, daysAgo, seed),
    userId: (key) => userId.get(key)!,
    departmentId: (key) => departmentId.get(key)!,
    communityId: (key) => communityId.get(key)!,
  });
  return rows;
}

/**
 * The lifecycle on top of the entries: archived entries point to their successor, readers' flags and
 * "did not help" answers, and reviews that moved an entry's review date (prisma/seed-data/lifecycle.ts).
 */
function addLifecycle(rows: Rows, now: Date, ids: { kmId: string; userId: Map<string, string> }) {
  const entryOf = (title: string) => {
    const row = rows.entries.find((e) => e.title === title);
    if (!row) throw new Error(`Seed data: lifecycle refers to unknown entry "${title}"`);
    return row;
  };
  const userOf = (key: string) => ids.userId.get(key)!;
  for (const e of demoEntries) {
    if (e.archived?.successor) entryOf(e.title).successorId = entryOf(e.archived.successor).id;
  }
  for (const f of demoFlags) {
    const entry = entryOf(f.entry);
    const createdAt = officeTime(now, f.daysAgo, `flag:${f.entry}:${f.by}`);
    const id = newId();
    rows.flags.push({
      id,
      entryId: entry.id!,
      userId: userOf(f.by),
      reason: f.reason,
      comment: f.comment,
      createdAt,
      ...(f.noChange
        ? { state: "NO_CHANGE", resolution: f.noChange.reason, resolvedById: ids.kmId, resolvedAt: officeTime(now, f.noChange.daysAgo, `resolve:${f.entry}`) }
        : {}),
    });
    rows.auditEvents.push({ id: newId(), actorId: userOf(f.by), action: "flag.create", targetType: "entry", targetId: entry.id!, details: JSON.stringify({ flagId: id, reason: f.reason }), createdAt });
  }
  for (const n of demoNotHelpful) {
    const entry = entryOf(n.entry);
    const userId = userOf(n.by);
    if (rows.feedback.some((f) => f.entryId === entry.id && f.userId === userId)) throw new Error(`Seed data: ${n.by} already gave feedback on "${n.entry}"`);
    rows.feedback.push({ id: newId(), entryId: entry.id!, userId, helpful: false, reason: n.reason || null, createdAt: officeTime(now, n.daysAgo, `nothelp:${n.entry}:${n.by}`) });
  }
  for (const r of demoReviews) {
    const entry = entryOf(r.entry);
    const createdAt = officeTime(now, r.daysAgo, `review:${r.entry}`);
    const nextReviewBy = addDays(createdAt, 365);
    rows.entryReviews.push({ id: newId(), entryId: entry.id!, reviewerId: ids.kmId, basis: r.basis, nextReviewBy, createdAt });
    rows.auditEvents.push({ id: newId(), actorId: ids.kmId, action: "entry.review", targetType: "entry", targetId: entry.id!, details: JSON.stringify({ basis: r.basis, nextReviewBy }), createdAt });
    Object.assign(entry, { lastReviewedAt: createdAt, reviewBy: nextReviewBy, state: "PUBLISHED" });
  }
}

/**
 * The newer features' data (mentoring, formal learning, thank-yous, spotlights), built by their own
 * modules in prisma/seed-data/ and checked there against the same policies the commands ask.
 */
function addLearningAndRecognition(rows: Rows, ctx: SeedContext) {
  const actors = seedActors(rows);
  const people: SeedPeople = {
    actorOf: (key) => actors.get(ctx.userId(key))!,
    departmentOf: (key) => users.find((u) => u.key === key)!.department,
    leadDepartmentIds: (key) => {
      const led = rows.memberships.filter((m) => m.userId === ctx.userId(key) && m.role === "LEAD").map((m) => m.communityId);
      return [...new Set(rows.communities.filter((c) => led.includes(c.id!)).map((c) => c.departmentId))];
    },
  };
  const mentoring = buildMentoring(ctx, people);
  const learning = buildLearning(ctx, people);
  const recognition = buildRecognition(ctx, people, rows);
  rows.onboardingItems.push(...mentoring.onboardingItems);
  rows.mentoringPlans.push(...mentoring.mentoringPlans);
  rows.mentoringPlanItems.push(...mentoring.mentoringPlanItems);
  rows.mentoringSessions.push(...mentoring.mentoringSessions);
  rows.learningEntries.push(...learning.learningEntries);
  rows.thanks.push(...recognition.thanks);
  rows.spotlights.push(...recognition.spotlights);
  rows.auditEvents.push(...mentoring.auditEvents, ...learning.auditEvents, ...recognition.auditEvents);
}

/** The entry the savings desk must read, one of its open community's: the start page shows it at first sign-in. */
const MANDATORY_ENTRY = "Getrouwheidspremie: wanneer verliest de klant ze?";

/**
 * One mandatory read: the knowledge manager asked the savings desk two days ago to read the entry on the
 * loyalty bonus within a week; Youssef (agent2) has confirmed, Lotte (agent) and the others have not.
 */
function addMandatoryRead(rows: Rows, now: Date, ids: { kmId: string; userId: Map<string, string>; departmentId: string }) {
  const entry = rows.entries.find((e) => e.title === MANDATORY_ENTRY);
  if (!entry) throw new Error(`Seed data: no entry "${MANDATORY_ENTRY}"`);
  const readId = newId();
  const createdAt = officeTime(now, 2, "mandatory:created");
  rows.mandatoryReads.push({ id: readId, entryId: entry.id!, audienceType: "DEPARTMENT", audienceId: ids.departmentId, dueAt: addDays(startOfDay(now), 5), createdById: ids.kmId, createdAt });
  const confirmer = ids.userId.get("youssef")!;
  for (const user of rows.users.filter((u) => u.departmentId === ids.departmentId)) {
    const confirmed = user.id === confirmer ? { confirmedAt: officeTime(now, 1, "mandatory:confirmed"), confirmedVersion: entry.version ?? 1 } : {};
    rows.mandatoryReadAssignments.push({ id: newId(), mandatoryReadId: readId, userId: user.id!, assignedAt: createdAt, ...confirmed });
  }
  rows.auditEvents.push({
    id: newId(),
    actorId: ids.kmId,
    action: "mandatoryRead.assign",
    targetType: "mandatoryRead",
    targetId: readId,
    details: JSON.stringify({ entryId: entry.id, audienceType: "DEPARTMENT", audienceId: ids.departmentId, assigned: rows.mandatoryReadAssignments.length }),
    createdAt,
  });
}

/**
 * The search log of the last four months, for the knowledge manager's dashboard: 2–5 searches per
 * working day by the employees, mostly found, some real knowledge gaps that keep coming back.
 */
const FOUND_SEARCHES: [query: string, results: number, weight: number][] = [
  ["getrouwheidspremie", 9, 8],
  ["basisrente", 6, 6],
  ["spaarrekening openen app", 4, 5],
  ["rente uitbetaling", 3, 4],
  ["volmacht", 7, 5],
  ["phishing sms", 5, 5],
  ["erfenis rekening geblokkeerd", 4, 4],
  ["attest van erfopvolging", 3, 3],
  ["termijnrekening opzeggen", 2, 3],
  ["itsme activeren", 3, 3],
  ["overschrijving spaarrekening derde", 2, 2],
  ["kaart geblokkeerd", 2, 2],
];
const GAP_SEARCHES: [query: string, weight: number][] = [
  ["spaarrekening minderjarige opheffen", 5],
  ["termijnrekening vervroegd opnemen boete", 4],
  ["kinderrekening overdragen 18 jaar", 3],
  ["spaardoel wijzigen", 2],
  ["volmacht buitenland apostille", 2],
  ["groeipremie berekenen", 1],
];

function demoSearchLogs(now: Date, userIds: string[]): Prisma.SearchLogCreateManyInput[] {
  const weighted = [
    ...FOUND_SEARCHES.flatMap(([query, results, weight]) => Array.from({ length: weight }, () => ({ query, results }))),
    ...GAP_SEARCHES.flatMap(([query, weight]) => Array.from({ length: weight }, () => ({ query, results: 0 }))),
  ];
  const logs: Prisma.SearchLogCreateManyInput[] = [];
  for (let daysAgo = 120; daysAgo >= 0; daysAgo--) {
    const day = addDays(now, -daysAgo);
    if (isWeekend(day)) continue;
    const perDay = 2 + (hashOf(`searches:${daysAgo}`) % 4);
    for (let i = 0; i < perDay; i++) {
      const h = hashOf(`search:${daysAgo}:${i}`);
      const pick = weighted[h % weighted.length];
      const at = officeTime(now, daysAgo, `search:${daysAgo}:${i}`);
      logs.push({ id: newId(), userId: userIds[(h >>> 8) % userIds.length], query: pick.query, resultCount: pick.results, createdAt: at });
    }
  }
  return logs;
}

// ---------------------------------------------------------------------------------------------
// Inserting
// ---------------------------------------------------------------------------------------------

/** Inserts the demo organisation into an empty database, in one transaction. */
export async function seedDemo(db: PrismaClient): Promise<SeedCounts> {
  const passwordHash = await hash(DEMO_PASSWORD, 10);
  const now = new Date();
  const rows = buildDemoRows(now, passwordHash);

  await db.$transaction(
    async (tx) => {
      await tx.department.createMany({ data: rows.departments });
      await tx.user.createMany({ data: rows.users });
      for (const { departmentId, headId } of rows.departmentHeads) {
        await tx.department.update({ where: { id: departmentId }, data: { headId } });
      }
      await tx.community.createMany({ data: rows.communities });
      await tx.membership.createMany({ data: rows.memberships });
      await tx.budgetChange.createMany({
        data: rows.communities.map((c) => ({
          communityId: c.id!,
          effectiveFrom: startOfDay(new Date(c.createdAt!)),
          minutes: c.budgetMinutes!,
          periodDays: c.budgetPeriodDays!,
        })),
      });
      await tx.membershipHistory.createMany({
        data: rows.memberships.map((m) => ({ userId: m.userId, communityId: m.communityId, joinedAt: m.createdAt! })),
      });
      await tx.tag.createMany({ data: rows.tags });
      await tx.entry.createMany({ data: rows.entries });
      await tx.entryTag.createMany({ data: rows.entryTags });
      await tx.entryVersion.createMany({ data: rows.entryVersions });
      await tx.note.createMany({ data: rows.notes });
      await tx.noteTag.createMany({ data: rows.noteTags });
      await tx.answer.createMany({ data: rows.answers });
      for (const { questionId, answerId, acceptedAt } of rows.acceptedAnswers) {
        await tx.note.update({ where: { id: questionId }, data: { acceptedAnswerId: answerId, acceptedAt } });
      }
      await tx.feedback.createMany({ data: rows.feedback });
      await tx.flag.createMany({ data: rows.flags });
      await tx.entryReview.createMany({ data: rows.entryReviews });
      await tx.goal.createMany({ data: rows.goals });
      await tx.goalEvent.createMany({ data: rows.goalEvents });
      await tx.activity.createMany({ data: rows.activities });
      await tx.attendance.createMany({ data: rows.attendances });
      await tx.timeEntry.createMany({ data: rows.timeEntries });
      await tx.auditEvent.createMany({ data: rows.auditEvents });
      await tx.searchLog.createMany({ data: rows.searchLogs });
      await tx.notification.createMany({ data: demoNotifications(rows, now, newId) });
      await tx.mandatoryRead.createMany({ data: rows.mandatoryReads });
      await tx.mandatoryReadAssignment.createMany({ data: rows.mandatoryReadAssignments });
      await tx.onboardingItem.createMany({ data: rows.onboardingItems });
      await tx.mentoringPlan.createMany({ data: rows.mentoringPlans });
      await tx.mentoringPlanItem.createMany({ data: rows.mentoringPlanItems });
      await tx.mentoringSession.createMany({ data: rows.mentoringSessions });
      await tx.learningEntry.createMany({ data: rows.learningEntries });
      await tx.thanks.createMany({ data: rows.thanks });
      await tx.spotlight.createMany({ data: rows.spotlights });
      // Synonyms are data: the index takes them from these rows when it is built (search/index.server.ts).
      await tx.synonymRule.createMany({ data: seedSynonymRules.map((r) => ({ id: newId(), kind: r.kind, term: r.term, words: JSON.stringify(r.words) })) });
    },
    { maxWait: 10_000, timeout: 60_000 },
  );

  return { users: rows.users.length, notes: rows.notes.length, entries: rows.entries.length };
}

/** Seeds only when the database has no users; returns null when it skipped. */
export async function seedDemoIfEmpty(db: PrismaClient): Promise<SeedCounts | null> {
  if ((await db.user.count()) > 0) return null;
  return seedDemo(db);
}

async function main() {
  const { db } = await import("../app/utils/db.server");
  try {
    const existing = await db.user.count();
    if (existing > 0) {
      console.log(`Demo seed skipped: the database already has ${existing} user${existing === 1 ? "" : "s"}.`);
      return;
    }
    const started = performance.now();
    const counts = await seedDemo(db);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Demo organisation seeded in ${ms} ms: ${counts.users} users, ${counts.notes} notes, ${counts.entries} entries. ` +
        `Log in as agent@gilde.test, agent2@gilde.test, km@gilde.test, head@gilde.test, lead@gilde.test or admin@gilde.test; every demo user has the password "${DEMO_PASSWORD}".`,
    );
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
