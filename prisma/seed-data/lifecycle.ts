/**
 * The knowledge lifecycle of the demo: flags readers raised (some still open, some resolved), "did not
 * help" answers with what was missing, and reviews the knowledge manager confirmed, so the work queue and
 * the dashboard have something true to show on the first start.
 */
import type { UserKey } from "./organisation";

export type FlagSeed = {
  entry: string;
  by: UserKey;
  reason: "OUTDATED" | "WRONG" | "UNCLEAR" | "DUPLICATE" | "OTHER";
  comment: string;
  daysAgo: number;
  /** Resolved by the knowledge manager without a change (a fix would need a version of its own). */
  noChange?: { daysAgo: number; reason: string };
};

export const demoFlags: FlagSeed[] = [
  {
    entry: "Wanneer wordt de rente op de spaarrekening uitbetaald?",
    by: "lotte",
    reason: "WRONG",
    comment: "Sinds 1 januari wordt de getrouwheidspremie per kwartaal bijgeschreven, niet meer één keer per jaar.",
    daysAgo: 2,
  },
  {
    entry: "Termijnrekening vervroegd opnemen: kan dat?",
    by: "jens",
    reason: "OUTDATED",
    comment: "De vergoeding bij vervroegd opnemen is sinds deze maand anders berekend.",
    daysAgo: 6,
  },
  {
    entry: "Roerende voorheffing op een termijnrekening",
    by: "sarah",
    reason: "UNCLEAR",
    comment: "Welk percentage geldt nu? In de tekst staan twee verschillende.",
    daysAgo: 11,
  },
  {
    entry: "Een volmacht intrekken",
    by: "wout",
    reason: "DUPLICATE",
    comment: "Staat ook in 'Volmacht op een spaarrekening geven: de stappen'.",
    daysAgo: 21,
    noChange: { daysAgo: 19, reason: "Geen dubbel: geven en intrekken zijn aparte vragen aan de lijn; beide artikels verwijzen naar elkaar." },
  },
  {
    entry: "Spaardoel instellen of aanpassen in de app",
    by: "elif",
    reason: "OUTDATED",
    comment: "Het menu heet toch 'Mijn doelen' in de nieuwe app?",
    daysAgo: 33,
    noChange: { daysAgo: 30, reason: "Nagekeken in de app van vandaag: het menu heet nog altijd 'Spaardoelen'." },
  },
];

export type NotHelpfulSeed = { entry: string; by: UserKey; reason: string; daysAgo: number };

export const demoNotHelpful: NotHelpfulSeed[] = [
  {
    entry: "Grootouders willen sparen voor een kleinkind: welke mogelijkheden zijn er?",
    by: "wout",
    reason: "Ik miste wat er gebeurt als het kind 18 wordt en het geld meteen wil opnemen.",
    daysAgo: 4,
  },
  { entry: "Termijnrekening vervroegd opnemen: kan dat?", by: "hanne", reason: "", daysAgo: 9 },
];

export type ReviewSeed = { entry: string; basis: "REUSE" | "CALENDAR"; daysAgo: number };

/** Reviews the knowledge manager confirmed; each sets the entry's last review and its next review date. */
export const demoReviews: ReviewSeed[] = [
  { entry: "Getrouwheidspremie: wanneer verliest de klant ze?", basis: "REUSE", daysAgo: 8 },
  { entry: "Volmacht op een spaarrekening geven: de stappen", basis: "REUSE", daysAgo: 15 },
  { entry: "Eerste melding van een overlijden: wat doe je aan de telefoon?", basis: "REUSE", daysAgo: 27 },
  { entry: "Fiscaal attest: waar vindt de klant het en wat staat erop?", basis: "CALENDAR", daysAgo: 22 },
];

/** The archived spaarboekje entries point to the entry that replaces them. */
export const SPAARBOEKJE_SUCCESSOR = "Spaarboekje omzetten naar een spaarrekening: wat verandert er?";
