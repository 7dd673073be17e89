/**
 * Demo time logs and activities: six months per community of meetings, intervision, lunch & learns and
 * after-action reviews (past ones with attendance and the attendees' time, a few upcoming), plus the
 * members' own time entries with varied Dutch descriptions. Pure: the same input gives the same rows
 * (apart from the ids), so the demo is stable.
 *
 * Shaped to show the budget view at work: some members regularly go over budget, others stay under,
 * and one member of "Sparen aan de lijn" has logged nothing in the current period.
 */
import type { Prisma } from "@prisma/client";
import { budgetPeriods, periodOf, type BudgetSetting } from "../../app/models/budget";
import { DAY_MS, dayFromNumber, dayNumber } from "../../app/utils/dates";
import type { CommunityKey, UserKey } from "./organisation";

const SIX_MONTHS_DAYS = 183;

export type TimeSeedCommunity = {
  key: CommunityKey;
  id: string;
  createdAt: Date;
  budget: BudgetSetting;
  leadId: string;
  members: { key: UserKey; id: string; joinedAt: Date }[];
};

export type TimeSeedRows = {
  activities: Prisma.ActivityCreateManyInput[];
  attendances: Prisma.AttendanceCreateManyInput[];
  timeEntries: Prisma.TimeEntryCreateManyInput[];
};

type Kind = "MEETING" | "INTERVISION" | "LUNCH_AND_LEARN" | "AFTER_ACTION_REVIEW";
type Series = { kind: Kind; everyDays: number; firstAfterDays: number; hourUtc: number; duration: number; titles: string[]; agenda: string[] };

const AGENDA: Record<Kind, string[]> = {
  MEETING: [
    "1. Opvolging van de vorige afspraken\n2. Nieuwe notities en artikels van de voorbije weken\n3. Wat vraagt de klant deze maand het vaakst?\n4. Varia",
    "1. Stand van de doelen\n2. Wie neemt welk artikel op?\n3. Planning van de volgende intervisie",
  ],
  INTERVISION: [
    "1. Casus inbrengen (10 min)\n2. Verhelderende vragen\n3. Iedereen geeft een tip\n4. De inbrenger kiest wat hij of zij meeneemt",
    "1. Korte ronde: wat liep er moeilijk aan de lijn?\n2. Eén casus verder uitdiepen\n3. Wat schrijven we op voor de kennisbank?",
  ],
  LUNCH_AND_LEARN: [
    "Broodjes voorzien.\n1. Presentatie (20 min)\n2. Vragen uit de praktijk\n3. Wat passen we aan in onze scripts?",
    "Broodjes voorzien.\n1. Demo\n2. Vragen en antwoorden\n3. Welke kennisartikels moeten bijgewerkt worden?",
  ],
  AFTER_ACTION_REVIEW: [
    "1. Wat was de bedoeling?\n2. Wat is er werkelijk gebeurd?\n3. Waarom was er een verschil?\n4. Wat doen we volgende keer anders?",
  ],
};

const SERIES: Record<CommunityKey, Series[]> = {
  sparen: [
    {
      kind: "INTERVISION",
      everyDays: 14,
      firstAfterDays: 3,
      hourUtc: 12,
      duration: 60,
      titles: [
        "Intervisie: klant met een volmacht die niet meer geldig is",
        "Intervisie: een overlijden melden aan de telefoon",
        "Intervisie: boze klant over de getrouwheidspremie",
        "Intervisie: spaarrekening van een minderjarige",
        "Intervisie: geblokkeerde rekening na een nalatenschap",
        "Intervisie: klant wil alles meteen afhalen",
      ],
      agenda: AGENDA.INTERVISION,
    },
    { kind: "MEETING", everyDays: 28, firstAfterDays: 9, hourUtc: 8, duration: 30, titles: ["Maandelijkse bijeenkomst Sparen aan de lijn"], agenda: AGENDA.MEETING },
    {
      kind: "LUNCH_AND_LEARN",
      everyDays: 56,
      firstAfterDays: 20,
      hourUtc: 11,
      duration: 60,
      titles: ["Lunch & learn: de nieuwe termijnrekening", "Lunch & learn: nalatenschappen met een notaris", "Lunch & learn: zo zoek je sneller in Gilde"],
      agenda: AGENDA.LUNCH_AND_LEARN,
    },
    {
      kind: "AFTER_ACTION_REVIEW",
      everyDays: 42,
      firstAfterDays: 30,
      hourUtc: 14,
      duration: 45,
      titles: ["After-action review: piekdag na de renteverhoging", "After-action review: storing in het klantenbestand", "After-action review: campagne spaarboekje"],
      agenda: AGENDA.AFTER_ACTION_REVIEW,
    },
  ],
  fraude: [
    {
      kind: "MEETING",
      everyDays: 7,
      firstAfterDays: 2,
      hourUtc: 9,
      duration: 60,
      titles: ["Weekoverleg: nieuwe fraudesignalen", "Weekoverleg: meldingen van de week", "Weekoverleg: scripts en waarschuwingen"],
      agenda: AGENDA.MEETING,
    },
    {
      kind: "INTERVISION",
      everyDays: 14,
      firstAfterDays: 5,
      hourUtc: 13,
      duration: 90,
      titles: ["Intervisie: klant overtuigd door een valse bankmedewerker", "Intervisie: beleggingsfraude via sociale media", "Intervisie: money mule aan de lijn"],
      agenda: AGENDA.INTERVISION,
    },
    {
      kind: "AFTER_ACTION_REVIEW",
      everyDays: 35,
      firstAfterDays: 15,
      hourUtc: 14,
      duration: 60,
      titles: ["After-action review: phishinggolf met valse itsme-sms", "After-action review: spoofing van ons eigen nummer", "After-action review: fraude met QR-codes"],
      agenda: AGENDA.AFTER_ACTION_REVIEW,
    },
    { kind: "LUNCH_AND_LEARN", everyDays: 63, firstAfterDays: 25, hourUtc: 11, duration: 45, titles: ["Lunch & learn: zo werkt het Fraudeteam", "Lunch & learn: herken een deepfake-stem"], agenda: AGENDA.LUNCH_AND_LEARN },
  ],
  digitaal: [
    {
      kind: "LUNCH_AND_LEARN",
      everyDays: 14,
      firstAfterDays: 4,
      hourUtc: 11,
      duration: 45,
      titles: ["Lunch & learn: wat is nieuw in de app", "Lunch & learn: itsme koppelen stap voor stap", "Lunch & learn: de kaartlezer vervangen", "Lunch & learn: online bankieren voor senioren"],
      agenda: AGENDA.LUNCH_AND_LEARN,
    },
    { kind: "MEETING", everyDays: 42, firstAfterDays: 12, hourUtc: 8, duration: 30, titles: ["Overleg Klantendienst en Digitale Kanalen"], agenda: AGENDA.MEETING },
    {
      kind: "AFTER_ACTION_REVIEW",
      everyDays: 56,
      firstAfterDays: 20,
      hourUtc: 14,
      duration: 45,
      titles: ["After-action review: release 8.2 van de app", "After-action review: storing bij het aanmelden", "After-action review: nieuwe betaalflow"],
      agenda: AGENDA.AFTER_ACTION_REVIEW,
    },
    { kind: "INTERVISION", everyDays: 70, firstAfterDays: 35, hourUtc: 13, duration: 60, titles: ["Intervisie: klant komt niet binnen in de app", "Intervisie: digitale drempels voor oudere klanten"], agenda: AGENDA.INTERVISION },
  ],
};

const WHAT: Record<CommunityKey, string[]> = {
  sparen: [
    "Notitie uitgeschreven over een geblokkeerde spaarrekening",
    "Kennisartikel over termijnrekeningen nagelezen",
    "Vraag van een collega over volmachten beantwoord",
    "Casus voorbereid voor de intervisie",
    "Script voor nalatenschappen bijgewerkt",
    "Feedback gegeven op nieuwe notities",
    "Artikel over het spaarboekje herschreven",
    "Veelgestelde vragen over de getrouwheidspremie verzameld",
    "Nieuwe collega wegwijs gemaakt in de kennisbank",
    "Afgestemd met Kredieten over overstap van sparen naar krediet",
  ],
  fraude: [
    "Nieuwe phishinggolf geanalyseerd (valse itsme-sms)",
    "Casus spoofing uitgeschreven voor de groep",
    "Script 'verdachte overschrijving' verbeterd",
    "Signalen van beleggingsfraude verzameld",
    "Melding afgestemd met het Fraudeteam",
    "Waarschuwingstekst voor klanten nagelezen",
    "Opleiding over money mules voorbereid",
    "Meldingen van de week samengevat",
  ],
  digitaal: [
    "Releasenotes van de app doorgenomen",
    "Probleem met de kaartlezer gedocumenteerd",
    "Klantvragen over itsme gebundeld",
    "Artikel over online bankieren bijgewerkt",
    "Demo van een nieuwe app-functie voorbereid",
    "Nieuwe betaalflow in de app getest",
    "Vragen van agenten over de app beantwoord",
  ],
};

/** How busy each person is (share of the budget they fill with their own entries): some go over, some stay under. */
const ZEAL: Partial<Record<UserKey, number>> = { sofie: 1.2, lotte: 1.6, youssef: 1.3, stijn: 1.2, nico: 1.2, jens: 0.3, wout: 0.25, kaat: 0.6, sarah: 0.5, bram: 0.8, tom: 0.5 };

/** The share of the budget members fill with their own work (the rest goes to activities). */
const OWN_SHARE: Record<CommunityKey, number> = { sparen: 0.8, fraude: 0.55, digitaal: 0.15 };

/** The member of "Sparen aan de lijn" who logged nothing in the current period (busy with other work). */
export const IDLE_MEMBER: { community: CommunityKey; user: UserKey } = { community: "sparen", user: "ruben" };

/** A small deterministic random generator (mulberry32) seeded by a text. */
function random(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
  let a = (h << 13) | (h >>> 19);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isWeekend = (day: number) => {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday === 0 || weekday === 6;
};
/** The Belgian calendar day of a daytime moment in UTC is the same day: activities run between 08 and 16 UTC. */
const dayOfActivity = (startsAt: Date) => dayFromNumber(dayNumber(startsAt));

export function buildTimeAndActivities(now: Date, communities: readonly TimeSeedCommunity[], newId: () => string): TimeSeedRows {
  const rows: TimeSeedRows = { activities: [], attendances: [], timeEntries: [] };
  const today = dayNumber(now);
  for (const c of communities) {
    const rnd = random(`time:${c.key}`);
    const first = Math.max(dayNumber(c.createdAt) + 1, today - SIX_MONTHS_DAYS);
    const current = periodOf(budgetPeriods([c.budget], now), now);
    const idle = (userKey: UserKey, day: number) =>
      IDLE_MEMBER.community === c.key && IDLE_MEMBER.user === userKey && current !== undefined && day >= dayNumber(current.start);
    const memberSince = new Map(c.members.map((m) => [m.id, dayNumber(m.joinedAt) + 1]));
    const logged = new Map<string, number>(); // user:day -> minutes, to stay far below 24 h

    // Activities: past ones with attendance and the attendees' time; a few upcoming ones.
    let cancelledOne = false;
    for (const s of SERIES[c.key]) {
      let n = 0;
      for (let day = first + s.firstAfterDays; day <= today + 30; day += s.everyDays, n++) {
        let d = day;
        while (isWeekend(d)) d++;
        const startsAt = new Date(d * DAY_MS + s.hourUtc * 3_600_000);
        const id = newId();
        const upcoming = startsAt.getTime() > now.getTime();
        const cancel = upcoming && !cancelledOne && s.kind === "MEETING" && c.key === "sparen";
        if (cancel) cancelledOne = true;
        rows.activities.push({
          id,
          communityId: c.id,
          kind: s.kind,
          title: s.titles[n % s.titles.length],
          agenda: s.agenda[n % s.agenda.length],
          startsAt,
          durationMinutes: s.duration,
          createdById: c.leadId,
          cancelledAt: cancel ? new Date(now.getTime() - 2 * DAY_MS) : null,
          createdAt: new Date(startsAt.getTime() - 14 * DAY_MS),
        });
        if (upcoming) continue;
        for (const m of c.members) {
          if ((memberSince.get(m.id) ?? 0) > d || idle(m.key, d)) continue;
          const zeal = ZEAL[m.key] ?? 0.7;
          if (rnd() > Math.min(0.95, 0.45 + zeal * 0.4)) continue;
          rows.attendances.push({ activityId: id, userId: m.id, createdAt: new Date(startsAt.getTime() + s.duration * 60_000) });
          rows.timeEntries.push({ id: newId(), userId: m.id, communityId: c.id, date: dayOfActivity(startsAt), minutes: s.duration, what: s.titles[n % s.titles.length], activityId: id, createdAt: new Date(startsAt.getTime() + s.duration * 60_000) });
          logged.set(`${m.id}:${d}`, (logged.get(`${m.id}:${d}`) ?? 0) + s.duration);
        }
      }
    }

    // Own work: per member a few entries a week, more for the zealous ones.
    const perDay = c.budget.minutes / c.budget.periodDays;
    const whats = WHAT[c.key];
    for (const m of c.members) {
      const zeal = ZEAL[m.key] ?? 0.7;
      for (let day = Math.max(first, memberSince.get(m.id) ?? first); day <= today; day++) {
        if (isWeekend(day) || idle(m.key, day)) continue;
        // Expected own minutes per working day: about half the budget, times the member's zeal.
        const chance = Math.min(0.9, ((perDay * 7) / 5 / 45) * OWN_SHARE[c.key] * zeal);
        if (rnd() > chance) continue;
        const minutes = [15, 20, 30, 30, 45, 45, 60, 90][Math.floor(rnd() * 8)];
        const key = `${m.id}:${day}`;
        if ((logged.get(key) ?? 0) + minutes > 8 * 60) continue;
        logged.set(key, (logged.get(key) ?? 0) + minutes);
        const createdAt = new Date(Math.min(now.getTime() - 60_000, day * DAY_MS + (15 + Math.floor(rnd() * 3)) * 3_600_000));
        rows.timeEntries.push({ id: newId(), userId: m.id, communityId: c.id, date: dayFromNumber(day), minutes, what: whats[Math.floor(rnd() * whats.length)], activityId: null, createdAt });
      }
    }
  }
  return rows;
}
