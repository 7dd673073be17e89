/**
 * Recognition in the demo: thank-yous colleagues sent for entries (to whom an entry credits) and for
 * answers in the communities, and the weekly spotlights the leads pinned. Lotte (agent@) and Youssef
 * (agent2@) have thank-yous on their contributor pages; "Sparen aan de lijn" and "Fraude & Phishing"
 * each have a spotlight this week, the savings community also an earlier one that ran out.
 */
import type { Prisma } from "@prisma/client";
import { canPinSpotlight, canSpotlightEntry, canThankForAnswer, canThankForEntry, type CommunityRef } from "../../app/policies/policies";
import { ThanksSchema } from "../../app/schemas/recognition";
import { addDays } from "../../app/utils/dates";
import type { CommunityKey, TagName, UserKey } from "./organisation";
import { laterThan } from "./moments";
import type { SeedContext, SeedPeople } from "./types";

type ThanksSeed = { from: UserKey; to: UserKey; daysAgo: number; message: string } & ({ entry: string } | { question: string });

export const demoThanks: ThanksSeed[] = [
  {
    from: "youssef",
    to: "lotte",
    entry: "Getrouwheidspremie: wanneer verliest de klant ze?",
    daysAgo: 1,
    message: "Je aanvulling over interne overschrijvingen heeft me vandaag een lastig gesprek bespaard: de klant was meteen gerust. Dank je, Lotte!",
  },
  {
    from: "sofie",
    to: "lotte",
    entry: "Spaardoel instellen of aanpassen in de app",
    daysAgo: 12,
    message: "Sterk dat je dit meteen noteerde. Sinds het in het artikel staat, komt de vraag bijna niet meer terug in de intervisie.",
  },
  { from: "lotte", to: "sarah", entry: "Getrouwheidspremie: wanneer verliest de klant ze?", daysAgo: 30, message: "Jouw tip over 'Premie in opbouw' in het CRM gebruik ik bijna elke dag. Bedankt!" },
  {
    from: "jens",
    to: "ann",
    entry: "Basisrente en getrouwheidspremie: hoe leg ik het verschil kort uit?",
    daysAgo: 20,
    message: "Dank om het artikel zo snel bij te werken, Ann. Het rekenvoorbeeld werkt echt aan de telefoon.",
  },
  { from: "koen", to: "sofie", entry: "Gezamenlijke spaarrekening: wie mag wat doen?", daysAgo: 25, message: "Mooi voorbeeld van hoe één goede notitie het hele team helpt. Dank je, Sofie." },
  {
    from: "lotte",
    to: "youssef",
    entry: "Spaarrekening afsluiten: wat gebeurt er met de rente en de premie?",
    daysAgo: 8,
    message: "Aan die doorlopende opdracht had ik nooit gedacht. Dankzij jouw notitie vroeg ik er vanochtend meteen naar.",
  },
  {
    from: "lotte",
    to: "sofie",
    question: "Mag een gevolmachtigde een termijnrekening openen op naam van de volmachtgever?",
    daysAgo: 8,
    message: "Helder antwoord, ik kon het de klant meteen uitleggen. Bedankt, Sofie!",
  },
  { from: "youssef", to: "elif", question: "Spaarrekening van een minderjarige: wanneer mag het kind zelf afhalen?", daysAgo: 3, message: "Precies wat ik zocht, en met het bedrag erbij. Merci!" },
  { from: "kaat", to: "sarah", question: "Termijnrekening vervroegd opzeggen bij overlijden van de houder", daysAgo: 1, message: "Dank je, dat van de wederbeleggingsvergoeding wist ik niet." },
];

type SpotlightSeed = { community: CommunityKey; by: UserKey; daysAgo: number; note: string } & ({ entry: string } | { tag: TagName });

export const demoSpotlights: SpotlightSeed[] = [
  {
    community: "sparen",
    by: "sofie",
    daysAgo: 12,
    tag: "volmacht",
    note: "Volmachten zijn deze maand de vraag die het langst duurt aan de lijn. Lees de artikels met de tag 'volmacht' en breng je lastigste geval mee naar de intervisie.",
  },
  {
    community: "sparen",
    by: "sofie",
    daysAgo: 2,
    entry: "Termijnrekening vervroegd opnemen: kan dat?",
    note: "Veel klanten bellen nu over het vervroegd opnemen van een termijnrekening. Lees het artikel even na voor je volgende shift.",
  },
  {
    community: "fraude",
    by: "stijn",
    daysAgo: 4,
    tag: "phishing",
    note: "Nieuwe golf valse sms'jes over een 'verlopen itsme'. Eerst Card Stop, dan het Fraudeteam: zo beperken we de schade.",
  },
];

/** What the builders read from the rows made before them. */
export type RecognitionInput = {
  communities: Prisma.CommunityCreateManyInput[];
  entries: Prisma.EntryCreateManyInput[];
  notes: Prisma.NoteCreateManyInput[];
  answers: Prisma.AnswerCreateManyInput[];
  acceptedAnswers: { questionId: string; answerId: string }[];
  memberships: Prisma.MembershipCreateManyInput[];
  tags: Prisma.TagCreateManyInput[];
};

export type RecognitionRows = {
  thanks: Prisma.ThanksCreateManyInput[];
  spotlights: Prisma.SpotlightCreateManyInput[];
  auditEvents: Prisma.AuditEventCreateManyInput[];
};

const SPOTLIGHT_DAYS = 7;

/** Builds the thank-yous and spotlights; throws where the data would break a rule the recognition commands keep. */
export function buildRecognition(ctx: SeedContext, people: SeedPeople, input: RecognitionInput): RecognitionRows {
  const rows: RecognitionRows = { thanks: [], spotlights: [], auditEvents: [] };
  const communityRef = (id: string | null | undefined): CommunityRef | null => {
    const c = id ? input.communities.find((row) => row.id === id) : undefined;
    return c ? { id: c.id!, visibility: c.visibility ?? "OPEN", departmentId: c.departmentId } : null;
  };
  const entryOf = (title: string) => {
    const entry = input.entries.find((e) => e.title === title);
    if (!entry) throw new Error(`Seed data: recognition refers to unknown entry "${title}"`);
    return { ...entry, ref: { state: entry.state ?? "PUBLISHED", community: communityRef(entry.communityId) } };
  };
  const audit = (by: UserKey, at: Date, action: string, targetType: string, targetId: string, details: object) =>
    rows.auditEvents.push({ id: ctx.newId(), actorId: ctx.userId(by), action, targetType, targetId, details: JSON.stringify(details), createdAt: at });

  for (const t of demoThanks) {
    const message = ThanksSchema.parse({ message: t.message }).message;
    const giver = people.actorOf(t.from);
    const recipientId = ctx.userId(t.to);
    const wanted = ctx.officeTime(t.daysAgo, `thanks:${t.from}:${t.to}:${"entry" in t ? t.entry : t.question}`);
    const id = ctx.newId();
    if ("entry" in t) {
      const entry = entryOf(t.entry);
      // Whom the entry credits: the authors of its notes and of their accepted answers, and its owner.
      const notes = input.notes.filter((n) => n.entryId === entry.id && (n.state === "PUBLISHED" || n.state === "MERGED"));
      const answerAuthors = notes.flatMap((n) => input.acceptedAnswers.filter((a) => a.questionId === n.id).map((a) => input.answers.find((row) => row.id === a.answerId)!.authorId));
      const credited = [...notes.filter((n) => !n.anonymous).map((n) => n.authorId), ...answerAuthors, entry.ownerId];
      if (!canThankForEntry(giver, entry.ref, recipientId, credited)) throw new Error(`Seed data: ${t.from} may not thank ${t.to} for "${t.entry}"`);
      const createdAt = laterThan(new Date(entry.createdAt!), wanted, ctx.now);
      rows.thanks.push({ id, giverId: giver.id, recipientId, entryId: entry.id!, message, createdAt });
      audit(t.from, createdAt, "thanks.give", "entry", entry.id!, { thanksId: id, recipientId });
    } else {
      const question = input.notes.find((n) => n.kind === "QUESTION" && n.title === t.question);
      const answer = question && input.answers.find((a) => a.questionId === question.id && a.authorId === recipientId);
      if (!question || !answer) throw new Error(`Seed data: no answer of ${t.to} to "${t.question}"`);
      const community = communityRef(question.communityId)!;
      if (!canThankForAnswer(giver, community, { authorId: question.authorId, anonymous: question.anonymous ?? false }, answer)) throw new Error(`Seed data: ${t.from} may not thank ${t.to} for an answer to "${t.question}"`);
      const createdAt = laterThan(new Date(answer.createdAt!), wanted, ctx.now);
      rows.thanks.push({ id, giverId: giver.id, recipientId, answerId: answer.id!, message, createdAt });
      audit(t.from, createdAt, "thanks.give", "answer", answer.id!, { thanksId: id, recipientId, questionId: question.id });
    }
  }
  const given = new Set(rows.thanks.map((t) => `${t.giverId}:${t.recipientId}:${t.entryId ?? ""}:${t.answerId ?? ""}`));
  if (given.size !== rows.thanks.length) throw new Error("Seed data: someone thanks the same person twice for one item");

  // Oldest first: pinning a new spotlight ends the one still running, as pinSpotlight does.
  const pins = [...demoSpotlights].sort((a, b) => b.daysAgo - a.daysAgo);
  for (const s of pins) {
    const c = input.communities.find((row) => row.id === ctx.communityId(s.community))!;
    const leadIds = input.memberships.filter((m) => m.communityId === c.id && m.role === "LEAD").map((m) => m.userId);
    if (!canPinSpotlight(people.actorOf(s.by), { ...communityRef(c.id)!, status: c.status ?? "ACTIVE", leadIds })) throw new Error(`Seed data: ${s.by} may not pin a spotlight in ${s.community}`);
    if (s.daysAgo >= SPOTLIGHT_DAYS * 3) throw new Error("Seed data: spotlights are of the last weeks");
    const startsAt = ctx.officeTime(s.daysAgo, `spotlight:${s.community}:${s.daysAgo}`);
    let entryId: string | null = null;
    let tagId: string | null = null;
    if ("entry" in s) {
      const entry = entryOf(s.entry);
      if (!canSpotlightEntry({ id: c.id! }, entry.ref)) throw new Error(`Seed data: "${s.entry}" does not fit the spotlight of ${s.community}`);
      entryId = entry.id!;
    } else {
      tagId = input.tags.find((t) => t.name === s.tag)?.id ?? null;
      if (!tagId) throw new Error(`Seed data: unknown spotlight topic "${s.tag}"`);
    }
    const running = rows.spotlights.filter((row) => row.communityId === c.id && !row.removedAt && new Date(row.endsAt) > startsAt);
    for (const row of running) row.removedAt = startsAt;
    const id = ctx.newId();
    rows.spotlights.push({ id, communityId: c.id!, entryId, tagId, note: s.note, pinnedById: ctx.userId(s.by), startsAt, endsAt: addDays(startsAt, SPOTLIGHT_DAYS) });
    audit(s.by, startsAt, "spotlight.pin", "community", c.id!, { spotlightId: id, entryId, tag: "tag" in s ? s.tag : null, replaced: running.length });
  }
  return rows;
}
