/**
 * The demo organisation: Leiebank, a Flemish savings bank, and its customer-service people.
 * All accounts share the password DEMO_PASSWORD.
 */
import type { CommunityVisibility, Locale, MembershipRole, Role } from "../../app/schemas/enums";

export const ORGANISATION_NAME = "Leiebank";
export const DEMO_PASSWORD = "gilde-demo";

export type DepartmentKey = "sparen" | "kredieten" | "digitaal" | "compliance";

export const departments: { key: DepartmentKey; name: string }[] = [
  { key: "sparen", name: "Klantendienst Sparen" },
  { key: "kredieten", name: "Kredieten" },
  { key: "digitaal", name: "Digitale Kanalen" },
  { key: "compliance", name: "Compliance & Fraudepreventie" },
];

export type UserKey =
  // Klantendienst Sparen: thirteen agents (one of them new), the knowledge manager and the head
  | "lotte"
  | "youssef"
  | "sofie"
  | "jens"
  | "sarah"
  | "wout"
  | "elif"
  | "bram"
  | "hanne"
  | "ruben"
  | "kaat"
  | "tom"
  | "lien"
  | "ann"
  | "koen"
  // other departments
  | "marc"
  | "evelien"
  | "inge"
  | "pieter"
  | "nico"
  | "daniel"
  | "griet"
  | "stijn";

export type UserSeed = {
  key: UserKey;
  name: string;
  email: string;
  role: Role;
  department: DepartmentKey;
  locale: Locale;
  /** Head of this department (Department.headId). */
  heads?: DepartmentKey;
  /** Days since the account was created. */
  joinedDaysAgo: number;
};

export const users: UserSeed[] = [
  // Demo accounts (see README): the two agents, the knowledge manager, the head, the community lead, the admin.
  { key: "lotte", name: "Lotte Vermeulen", email: "agent@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 240 },
  { key: "youssef", name: "Youssef El Amrani", email: "agent2@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 232 },
  { key: "ann", name: "Ann De Smet", email: "km@gilde.test", role: "KNOWLEDGE_MANAGER", department: "sparen", locale: "nl", joinedDaysAgo: 250 },
  { key: "koen", name: "Koen Van Damme", email: "head@gilde.test", role: "DEPARTMENT_HEAD", department: "sparen", locale: "nl", heads: "sparen", joinedDaysAgo: 250 },
  { key: "sofie", name: "Sofie Wouters", email: "lead@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 245 },
  { key: "pieter", name: "Pieter Goossens", email: "admin@gilde.test", role: "ADMIN", department: "digitaal", locale: "nl", joinedDaysAgo: 260 },

  // The other agents of the savings desk
  { key: "jens", name: "Jens Maes", email: "jens.maes@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 238 },
  { key: "sarah", name: "Sarah Janssens", email: "sarah.janssens@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 236 },
  { key: "wout", name: "Wout Claes", email: "wout.claes@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 236 },
  { key: "elif", name: "Elif Yilmaz", email: "elif.yilmaz@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 230 },
  { key: "bram", name: "Bram Willems", email: "bram.willems@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 228 },
  { key: "hanne", name: "Hanne Jacobs", email: "hanne.jacobs@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 226 },
  { key: "ruben", name: "Ruben De Backer", email: "ruben.debacker@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 224 },
  { key: "kaat", name: "Kaat Lemmens", email: "kaat.lemmens@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 220 },
  { key: "tom", name: "Tom Mertens", email: "tom.mertens@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 180 },
  // The newcomer: a few weeks at the desk, learning the work from Lotte along a mentoring plan.
  { key: "lien", name: "Lien Peeters", email: "lien.peeters@gilde.test", role: "EMPLOYEE", department: "sparen", locale: "nl", joinedDaysAgo: 24 },

  // Kredieten
  { key: "marc", name: "Marc Hermans", email: "marc.hermans@gilde.test", role: "DEPARTMENT_HEAD", department: "kredieten", locale: "nl", heads: "kredieten", joinedDaysAgo: 255 },
  { key: "evelien", name: "Evelien Segers", email: "evelien.segers@gilde.test", role: "EMPLOYEE", department: "kredieten", locale: "nl", joinedDaysAgo: 210 },

  // Digitale Kanalen
  { key: "inge", name: "Inge Vandenberghe", email: "inge.vandenberghe@gilde.test", role: "DEPARTMENT_HEAD", department: "digitaal", locale: "nl", heads: "digitaal", joinedDaysAgo: 255 },
  { key: "nico", name: "Nico Verhoeven", email: "nico.verhoeven@gilde.test", role: "EMPLOYEE", department: "digitaal", locale: "nl", joinedDaysAgo: 200 },
  { key: "daniel", name: "Daniel Brooks", email: "daniel.brooks@gilde.test", role: "EMPLOYEE", department: "digitaal", locale: "en", joinedDaysAgo: 120 },

  // Compliance & Fraudepreventie
  { key: "griet", name: "Griet Verstraete", email: "griet.verstraete@gilde.test", role: "DEPARTMENT_HEAD", department: "compliance", locale: "nl", heads: "compliance", joinedDaysAgo: 255 },
  { key: "stijn", name: "Stijn Desmet", email: "stijn.desmet@gilde.test", role: "EMPLOYEE", department: "compliance", locale: "nl", joinedDaysAgo: 215 },
];

export type CommunityKey = "sparen" | "fraude" | "digitaal";

export type CommunitySeed = {
  key: CommunityKey;
  slug: string;
  name: string;
  purpose: string;
  department: DepartmentKey;
  visibility: CommunityVisibility;
  budgetMinutes: number;
  budgetPeriodDays: number;
  createdDaysAgo: number;
  members: { user: UserKey; role: MembershipRole }[];
};

const member = (user: UserKey): { user: UserKey; role: MembershipRole } => ({ user, role: "MEMBER" });
const lead = (user: UserKey): { user: UserKey; role: MembershipRole } => ({ user, role: "LEAD" });

export const communities: CommunitySeed[] = [
  {
    key: "sparen",
    slug: "sparen-aan-de-lijn",
    name: "Sparen aan de lijn",
    purpose:
      "Wij zijn de agenten van de Klantendienst Sparen. We delen wat werkt bij vragen over spaarrekeningen, " +
      "termijnrekeningen, volmachten en nalatenschappen, en maken van goede antwoorden kennisartikelen, " +
      "zodat elke collega de klant bij het volgende gesprek sneller en juister helpt. " +
      "Om de twee weken een intervisie van een uur; de rest van het budget gaat naar notities en nalezen.",
    department: "sparen",
    visibility: "OPEN",
    budgetMinutes: 120,
    budgetPeriodDays: 14,
    createdDaysAgo: 206,
    members: [
      lead("sofie"),
      member("lotte"),
      member("youssef"),
      member("jens"),
      member("sarah"),
      member("wout"),
      member("elif"),
      member("hanne"),
      member("ruben"),
      member("kaat"),
      member("ann"),
    ],
  },
  {
    key: "fraude",
    slug: "fraude-en-phishing",
    name: "Fraude & Phishing",
    purpose:
      "Agenten en het Fraudeteam volgen samen de nieuwe fraudegolven op: spoofing, phishing, beleggingsfraude. " +
      "Wat hier besproken wordt, gaat over interne opvolging en blijft daarom in een gesloten groep. " +
      "Een halve dag per week: casussen bespreken, scripts verbeteren en nieuwe signalen delen.",
    department: "compliance",
    visibility: "CLOSED",
    budgetMinutes: 240,
    budgetPeriodDays: 7,
    createdDaysAgo: 195,
    members: [
      lead("stijn"),
      member("lotte"),
      member("youssef"),
      member("jens"),
      member("kaat"),
      member("wout"),
      member("sofie"),
      member("ann"),
      member("evelien"),
    ],
  },
  {
    key: "digitaal",
    slug: "digitaal-bankieren",
    name: "Digitaal bankieren",
    purpose:
      "Klantendienst en Digitale Kanalen samen rond de app, online bankieren, itsme en de kaartlezer. " +
      "Agenten melden wat klanten tegenkomen, Digitale Kanalen vertelt wat er verandert bij een nieuwe release. " +
      "Eén uur per twee weken, meestal een lunch & learn.",
    department: "digitaal",
    visibility: "OPEN",
    budgetMinutes: 60,
    budgetPeriodDays: 14,
    createdDaysAgo: 190,
    members: [
      lead("nico"),
      member("bram"),
      member("tom"),
      member("hanne"),
      member("youssef"),
      member("sarah"),
      member("daniel"),
      member("koen"),
      member("ann"),
    ],
  },
];

/** The tag vocabulary: lower-case product and topic names. Every tag used in the content must be here. */
export const tagNames = [
  "spaarrekening",
  "termijnrekening",
  "getrouwheidspremie",
  "basisrente",
  "volmacht",
  "overlijden",
  "nalatenschap",
  "fraude",
  "phishing",
  "app",
  "itsme",
  "kaartlezer",
  "bankkaart",
  "spaarboekje",
  "roerende voorheffing",
  "minderjarigen",
  "spaardoel",
  "overschrijving",
  "limieten",
  "attesten",
  "adreswijziging",
  "klacht",
  "toegankelijkheid",
  "vzw",
] as const;
export type TagName = (typeof tagNames)[number];

/** The tags that are products of the bank (they can be retired), with their own review interval in days where the desk wants one. */
export const productTags: Partial<Record<TagName, number | null>> = {
  spaarrekening: 180,
  termijnrekening: 365,
  spaarboekje: null,
  bankkaart: null,
  kaartlezer: null,
  app: 90,
};
