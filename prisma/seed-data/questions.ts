/**
 * Questions agents asked in their communities, with the answers of colleagues. Some have an accepted
 * answer; a few were already sent to the knowledge manager's inbox. Bodies use the markup of rich.ts.
 */
import type { CommunityKey, TagName, UserKey } from "./organisation";

export type AnswerSeed = {
  author: UserKey;
  /** Hours after the question was asked. */
  afterHours: number;
  body: string;
};

export type QuestionSeed = {
  community: CommunityKey;
  author: UserKey;
  daysAgo: number;
  title: string;
  body: string;
  tags: TagName[];
  answers: AnswerSeed[];
  /** Index into `answers` of the accepted one, and who accepted it (the asker or the community's lead). */
  accepted?: { answer: number; by: "asker" | "lead"; afterHours: number };
  /** Already sent to the knowledge manager's inbox (needs an accepted answer). */
  sent?: { by: "asker" | "lead"; afterHours: number };
};

export const demoQuestions: QuestionSeed[] = [
  // Sparen aan de lijn
  {
    community: "sparen",
    author: "lotte",
    daysAgo: 9,
    title: "Mag een gevolmachtigde een termijnrekening openen op naam van de volmachtgever?",
    tags: ["volmacht", "termijnrekening"],
    body: `
      Een dochter belde met een algemene volmacht op de rekeningen van haar moeder (89). Ze wil 20.000 euro van de spaarrekening op een termijnrekening van 3 jaar zetten.
      Mag dat met een volmacht, of moet de moeder zelf tekenen?
    `,
    answers: [
      {
        author: "jens",
        afterHours: 1,
        body: `Met een **algemene** volmacht mag dat: ze mag nieuwe spaar- en termijnproducten openen op naam van de volmachtgever. Met een volmacht die beperkt is tot "beheer van de rekening" niet.`,
      },
      {
        author: "sofie",
        afterHours: 2,
        body: `
          Klopt wat Jens zegt. Kijk in het CRM bij "Volmachten" welk type er geregistreerd is.
          - Algemene volmacht: openen mag, het contract komt op naam van de moeder.
          - Beperkte volmacht: alleen overschrijvingen; de moeder tekent zelf (eventueel via huisbezoek).
        `,
      },
      { author: "hanne", afterHours: 5, body: "Let ook op: de getrouwheidspremie op het bedrag dat van de spaarrekening vertrekt, gaat verloren als die nog niet verworven is. Zeg dat erbij." },
    ],
    accepted: { answer: 1, by: "asker", afterHours: 6 },
    sent: { by: "asker", afterHours: 7 },
  },
  {
    community: "sparen",
    author: "youssef",
    daysAgo: 4,
    title: "Spaarrekening van een minderjarige: wanneer mag het kind zelf afhalen?",
    tags: ["spaarrekening", "minderjarigen"],
    body: `
      Een vader vraagt vanaf welke leeftijd zijn zoon zelf geld van zijn spaarrekening mag halen. Ik dacht 16 jaar, maar een collega zei 18. Wie weet het zeker?
    `,
    answers: [
      { author: "elif", afterHours: 2, body: "Vanaf 16 jaar mag het kind zelf afhalen tot 125 euro per maand zonder handtekening van de ouders. Voor grotere bedragen tekenen de ouders tot 18 jaar." },
      { author: "ruben", afterHours: 3, body: "Ik geef altijd mee dat de ouders dat bedrag in de app kunnen verlagen naar 0 als ze dat willen." },
    ],
    accepted: { answer: 0, by: "lead", afterHours: 20 },
  },
  {
    community: "sparen",
    author: "kaat",
    daysAgo: 2,
    title: "Termijnrekening vervroegd opzeggen bij overlijden van de houder",
    tags: ["termijnrekening", "overlijden", "nalatenschap"],
    body: `
      De erfgenamen willen een termijnrekening van hun overleden vader nu al stopzetten, de looptijd eindigt pas over twee jaar. Is er een vergoeding verschuldigd? En wie moet de aanvraag doen?
    `,
    answers: [
      { author: "sarah", afterHours: 1, body: "Bij overlijden is er geen wederbeleggingsvergoeding. De aanvraag gebeurt door de notaris of door alle erfgenamen samen, na de attesten van erfopvolging." },
      { author: "wout", afterHours: 4, body: "Doorverwijzen naar het team Nalatenschappen, zij starten het dossier. Wij beloven niets over de termijn." },
      { author: "jens", afterHours: 26, body: "Aanvulling: de rente tot de datum van opzeg wordt wel uitbetaald, pro rata." },
    ],
  },
  {
    community: "sparen",
    author: "hanne",
    daysAgo: 1,
    title: "Basisrente en getrouwheidspremie: waar zie ik de huidige tarieven?",
    tags: ["basisrente", "getrouwheidspremie"],
    body: "Klanten vragen vaak naar de huidige rente. Is er één plek waar de geldende tarieven staan, ook de vorige als ze net gewijzigd zijn?",
    answers: [],
  },

  // Fraude & Phishing (closed)
  {
    community: "fraude",
    author: "wout",
    daysAgo: 6,
    title: "Klant klikte op een link in een valse sms van 'de bank': wat eerst?",
    tags: ["phishing", "fraude"],
    body: `
      Klant kreeg een sms dat zijn kaartlezer vervangen moest worden, klikte op de link en vulde zijn kaartnummer in. Hij heeft nog geen codes van de kaartlezer gegeven.
      Wat doe ik eerst: de kaart blokkeren of doorverbinden met het Fraudeteam?
    `,
    answers: [
      { author: "stijn", afterHours: 1, body: "Eerst de kaart blokkeren via Card Stop, in hetzelfde gesprek. Daarna doorverbinden met het Fraudeteam; zij kijken de recente verrichtingen na." },
      { author: "kaat", afterHours: 2, body: "En de klant vragen de sms niet te wissen: het Fraudeteam wil het nummer van de afzender." },
      { author: "lotte", afterHours: 3, body: "Ik zeg er altijd bij dat de bank nooit via sms om kaartgegevens vraagt, en ik noteer in het CRM dat er phishing was." },
    ],
    accepted: { answer: 0, by: "asker", afterHours: 4 },
    sent: { by: "lead", afterHours: 30 },
  },
  {
    community: "fraude",
    author: "youssef",
    daysAgo: 3,
    title: "Iemand belt namens de 'fraudedienst' van de bank: spoofing van ons nummer?",
    tags: ["fraude"],
    body: "Een klant zag ons eigen telefoonnummer op haar scherm, maar de beller vroeg haar om geld op een 'veilige rekening' te zetten. Kan ons nummer vervalst worden?",
    answers: [
      { author: "evelien", afterHours: 2, body: "Ja, dat heet spoofing. Het nummer op het scherm bewijst niets. De bank vraagt nooit om geld over te schrijven naar een 'veilige rekening'." },
      { author: "stijn", afterHours: 3, body: "Laat de klant ophangen en zelf terugbellen naar het nummer op haar bankkaart. Meld het gesprek aan het Fraudeteam." },
    ],
    accepted: { answer: 1, by: "lead", afterHours: 5 },
  },
  {
    community: "fraude",
    author: "jens",
    daysAgo: 1,
    title: "Beleggingsfraude via sociale media: kunnen we een overschrijving terughalen?",
    tags: ["fraude", "overschrijving"],
    body: "Klant schreef gisteren 5.000 euro over naar een 'beleggingsplatform' uit een advertentie op sociale media. Kunnen we de overschrijving nog tegenhouden?",
    answers: [{ author: "kaat", afterHours: 2, body: "Meteen doorverbinden met het Fraudeteam: binnen de dag kan een recall-verzoek naar de ontvangende bank, zonder garantie." }],
  },

  // Digitaal bankieren
  {
    community: "digitaal",
    author: "bram",
    daysAgo: 8,
    title: "App vraagt opnieuw te activeren na een update: normaal?",
    tags: ["app", "itsme"],
    body: "Sinds de laatste update bellen klanten dat de app hen opnieuw laat activeren met itsme. Is dat verwacht, of is er iets mis?",
    answers: [
      { author: "nico", afterHours: 1, body: "Dat is verwacht bij deze release: het toestel wordt opnieuw gekoppeld voor de nieuwe beveiliging. Eenmalig, met itsme of de kaartlezer." },
      { author: "tom", afterHours: 3, body: "Tip: als itsme niet lukt, kan het ook met de kaartlezer via 'Andere manier'." },
    ],
    accepted: { answer: 0, by: "asker", afterHours: 4 },
  },
  {
    community: "digitaal",
    author: "sarah",
    daysAgo: 5,
    title: "Limiet voor overschrijvingen in de app verhogen",
    tags: ["app", "limieten", "overschrijving"],
    body: "Een klant wil 15.000 euro overschrijven in de app, maar de limiet staat op 2.500 euro per dag. Kan ze die zelf verhogen?",
    answers: [
      { author: "hanne", afterHours: 2, body: "Ja: Instellingen > Limieten, bevestigen met itsme. Tot 25.000 euro per dag; hoger kan alleen via het kantoor." },
      { author: "nico", afterHours: 3, body: "Na een verhoging geldt een wachttijd van een uur voor de nieuwe limiet actief is: dat is een bewuste fraudemaatregel." },
      { author: "youssef", afterHours: 6, body: "Bij mij lukte het de klant niet omdat haar itsme op een ander toestel stond; met de kaartlezer wel." },
    ],
    accepted: { answer: 0, by: "lead", afterHours: 8 },
  },
  {
    community: "digitaal",
    author: "tom",
    daysAgo: 2,
    title: "Kaartlezer toont 'Error 8': wat betekent dat?",
    tags: ["kaartlezer"],
    body: "Een klant krijgt 'Error 8' op de kaartlezer bij het aanmelden. Ik vind niets in de kennisbank.",
    answers: [
      { author: "bram", afterHours: 4, body: "Meestal een vuile of beschadigde chip. Laat de klant de chip schoonmaken; helpt dat niet, dan een nieuwe kaart bestellen." },
      { author: "daniel", afterHours: 5, body: "Also check the batteries: a low battery sometimes shows up as an error code too." },
    ],
  },
];
