/**
 * Synthetic Dutch (Flemish savings bank) knowledge-base entries for the search benchmark.
 * Deterministic: the same seed gives the same 100 000 entries on every run.
 */

/** A small, fast, seeded PRNG (32-bit state). Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)];
export const between = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

const SLOTS: Record<string, readonly string[]> = {
  bedrag: ["100 euro", "250 euro", "500 euro", "1.000 euro", "2.500 euro", "5.000 euro", "10.000 euro", "25.000 euro", "50.000 euro", "100.000 euro"],
  pct: ["0,50%", "0,75%", "1,00%", "1,10%", "1,25%", "1,50%", "1,75%", "2,00%", "2,25%", "2,50%"],
  termijn: ["6 maanden", "1 jaar", "2 jaar", "3 jaar", "5 jaar", "8 jaar", "10 jaar"],
  dagen: ["2", "3", "5", "10", "15", "30"],
  kanaal: ["in het kantoor", "via de app", "via de website", "telefonisch", "via de klantendienst", "met de kaartlezer", "via itsme"],
  klant: ["de klant", "de rekeninghouder", "de titularis", "de gevolmachtigde", "de erfgenaam", "de ouder", "de voogd", "de medetitularis", "de partner", "de notaris"],
  doc: ["identiteitskaart", "attest van erfopvolging", "akte van overlijden", "volmachtformulier", "bewijs van adres", "uittreksel uit het rijksregister", "geboorteakte", "verblijfskaart", "notariële akte", "machtiging"],
  rekening: ["spaarrekening", "termijnrekening", "zichtrekening", "spaarboekje", "kinderrekening", "gezamenlijke rekening", "spaarrekening met spaardoel", "beleggingsrekening"],
  toestel: ["smartphone", "tablet", "computer", "kaartlezer", "digipass"],
  systeem: ["het CRM", "de kantoortoepassing", "het klantendossier", "de back-office", "het rekeningoverzicht"],
  maand: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
};

const GENERIC = [
  "Controleer altijd eerst de identiteit van {klant} met de {doc}.",
  "Noteer het gesprek in {systeem} zodat een collega het later kan opvolgen.",
  "Bij twijfel vraag je advies aan de kennismanager of aan de back-office.",
  "De klant kan dit zelf regelen {kanaal}, maar we helpen graag {kanaal}.",
  "Leg kort en rustig uit wat er gebeurt en wanneer de klant antwoord krijgt.",
  "De verwerking duurt meestal {dagen} werkdagen.",
  "Vanaf {maand} gelden nieuwe tarieven; verwijs naar de tarievenlijst op de website.",
  "Stuur een bevestiging per e-mail en vermeld het dossiernummer.",
  "Vraag of de klant nog andere vragen heeft over zijn {rekening}.",
  "Deze procedure geldt ook voor zelfstandigen en kleine ondernemingen.",
  "Als de klant niet akkoord gaat, kan hij een klacht indienen bij de klachtendienst en daarna bij de ombudsman.",
  "Let op: wij geven geen fiscaal advies, verwijs de klant naar zijn boekhouder.",
  "In {systeem} zie je meteen of er een blokkering op de rekening staat.",
  "Het bedrag van {bedrag} is een richtwaarde; kijk in de actuele voorwaarden.",
  "Een klant die dit {kanaal} aanvraagt, krijgt binnen {dagen} werkdagen een antwoord.",
];

type Topic = { tag: string; extraTags: readonly string[]; titles: readonly string[]; sentences: readonly string[] };

const TOPICS: readonly Topic[] = [
  {
    tag: "spaarrekening",
    extraTags: ["sparen", "basisrente", "getrouwheidspremie", "rekening openen"],
    titles: [
      "Spaarrekening openen {kanaal}",
      "Spaarrekening afsluiten: wat met de rente?",
      "Spaarrekening met spaardoel uitleggen",
      "Geld overschrijven van spaarrekening naar zichtrekening",
      "Maximum aantal spaarrekeningen per klant",
      "Spaarrekening blokkeert na adreswijziging",
      "Rente op de spaarrekening: wanneer uitbetaald?",
    ],
    sentences: [
      "Een gereglementeerde spaarrekening heeft een basisrente en een getrouwheidspremie.",
      "De basisrente van {pct} wordt per dag berekend en op 1 januari uitbetaald.",
      "De klant kan een spaarrekening openen {kanaal} met zijn {doc}.",
      "Op een spaarrekening mag de klant maximaal {bedrag} per maand overschrijven naar derden.",
      "Een spaarrekening afsluiten kan {kanaal}; de opgebouwde rente wordt dan meteen gestort.",
      "Het saldo van de spaarrekening is beschermd tot 100.000 euro door het depositogarantiestelsel.",
      "Wie geld van de spaarrekening naar de zichtrekening overschrijft, verliest de getrouwheidspremie op dat bedrag.",
      "De spaarrekening met spaardoel toont in de app hoe ver de klant van zijn doel is.",
    ],
  },
  {
    tag: "getrouwheidspremie",
    extraTags: ["spaarrekening", "basisrente", "sparen"],
    titles: [
      "Getrouwheidspremie: wanneer verliest de klant ze?",
      "Basisrente en getrouwheidspremie kort uitgelegd",
      "Getrouwheidspremie na interne overschrijving",
      "Getrouwheidspremie bij tariefwijziging",
      "Premie in opbouw bekijken in het CRM",
      "Getrouwheidspremie uitbetaling per kwartaal",
    ],
    sentences: [
      "De getrouwheidspremie van {pct} is verworven na 12 maanden ononderbroken op dezelfde spaarrekening.",
      "Elke storting start haar eigen getrouwheidsperiode van 12 maanden.",
      "De getrouwheidspremie wordt per kwartaal uitbetaald, op de eerste dag na het kwartaal.",
      "Bij een tariefwijziging blijft het premietarief van de dag van de storting gelden.",
      "Een opname wordt eerst aangerekend op het geld dat het laatst gestort werd.",
      "In {systeem} zie je onder 'Premie in opbouw' per storting tot wanneer de periode loopt.",
      "Een interne overschrijving naar een andere spaarrekening laat de getrouwheidsperiode doorlopen.",
      "De klant kan de premie in opbouw verliezen als hij het geld te vroeg afhaalt.",
      "De klant ziet in reclame vaak één totaalcijfer: basisrente plus getrouwheidspremie.",
    ],
  },
  {
    tag: "termijnrekening",
    extraTags: ["sparen", "rente", "deposito"],
    titles: [
      "Termijnrekening vervroegd opvragen",
      "Termijnrekening op vervaldag: automatisch hernieuwd?",
      "Rente op een termijnrekening van {termijn}",
      "Termijnrekening openen voor een minderjarige",
      "Termijnrekening of spaarrekening: wat kiest de klant?",
    ],
    sentences: [
      "Een termijnrekening loopt {termijn} tegen een vaste rente van {pct}.",
      "Op de vervaldag wordt de termijnrekening automatisch hernieuwd tenzij de klant dat weigert.",
      "Vervroegd opvragen van een termijnrekening kost een wederbeleggingsvergoeding.",
      "Het minimumbedrag voor een termijnrekening is {bedrag}.",
      "De rente van de termijnrekening wordt op de vervaldag op de zichtrekening gestort.",
      "Bij overlijden wordt de termijnrekening geblokkeerd tot de nalatenschap geregeld is.",
      "Een termijnrekening openen kan {kanaal}.",
    ],
  },
  {
    tag: "spaarboekje",
    extraTags: ["spaarrekening", "sparen", "kantoor"],
    titles: [
      "Oud spaarboekje teruggevonden",
      "Spaarboekje omzetten naar een spaarrekening",
      "Spaarboekje van een overleden grootouder",
      "Spaarboekje kwijt: wat nu?",
    ],
    sentences: [
      "Papieren spaarboekjes worden niet meer bijgewerkt; het saldo staat op een gewone spaarrekening.",
      "Een oud spaarboekje kan {kanaal} worden omgezet naar een spaarrekening.",
      "Breng het spaarboekje mee naar het kantoor samen met de {doc}.",
      "Slapende tegoeden van een spaarboekje gaan na tien jaar naar de Deposito- en Consignatiekas.",
      "Een verloren spaarboekje laat je blokkeren; het tegoed blijft gewoon van de klant.",
    ],
  },
  {
    tag: "roerende voorheffing",
    extraTags: ["fiscaliteit", "spaarrekening", "basisrente"],
    titles: [
      "Roerende voorheffing op spaarrente",
      "Vrijstelling roerende voorheffing per persoon",
      "Roerende voorheffing op een gezamenlijke rekening",
      "Roerende voorheffing terugvragen via de belastingaangifte",
    ],
    sentences: [
      "Op een gereglementeerde spaarrekening is de eerste schijf rente vrijgesteld van roerende voorheffing.",
      "Boven de vrijstelling houdt de bank 15% roerende voorheffing in op de rente.",
      "De vrijstelling geldt per persoon, dus bij een gezamenlijke rekening verdubbelt ze.",
      "Rente op een termijnrekening is altijd onderworpen aan 30% roerende voorheffing.",
      "Heeft de klant spaarrekeningen bij meerdere banken, dan vraagt hij de te veel betaalde roerende voorheffing terug via zijn aangifte.",
      "Het fiscaal attest met de ingehouden roerende voorheffing staat in {maand} in de app.",
    ],
  },
  {
    tag: "volmacht",
    extraTags: ["gevolmachtigde", "rekening", "procedure"],
    titles: [
      "Volmacht geven op een spaarrekening",
      "Volmacht intrekken {kanaal}",
      "Volmacht voor een hulpbehoevende ouder",
      "Volmacht en overlijden van de volmachtgever",
      "Gevolmachtigde wil geld afhalen",
    ],
    sentences: [
      "Een volmacht geeft de gevolmachtigde toegang tot de rekening van de volmachtgever.",
      "Beide partijen ondertekenen het volmachtformulier {kanaal}.",
      "Een volmacht kan op elk moment worden ingetrokken door de rekeninghouder.",
      "Bij overlijden van de volmachtgever vervalt de volmacht onmiddellijk.",
      "De gevolmachtigde mag geen nieuwe rekeningen openen op naam van de volmachtgever.",
      "Voor een algemene volmacht is een notariële akte nodig.",
      "Controleer in {systeem} of de volmacht nog geldig is voor je een verrichting uitvoert.",
    ],
  },
  {
    tag: "overlijden",
    extraTags: ["nalatenschap", "erfenis", "blokkering"],
    titles: [
      "Overlijden van een klant melden",
      "Rekeningen blokkeren na overlijden",
      "Begrafeniskosten betalen van een geblokkeerde rekening",
      "Overlijden van de medetitularis van een gezamenlijke rekening",
      "Wat vraagt de bank na een overlijden?",
    ],
    sentences: [
      "Na het overlijden worden alle rekeningen van de overledene geblokkeerd.",
      "De erfgenamen melden het overlijden {kanaal} met de {doc}.",
      "Begrafeniskosten tot {bedrag} kunnen van de geblokkeerde rekening betaald worden op vertoon van de factuur.",
      "De partner kan tot 5.000 euro vrijmaken voor dringende kosten.",
      "Volmachten vervallen bij overlijden; domiciliëringen blijven lopen tot de erfgenamen ze stopzetten.",
      "Spreek de nabestaanden rustig aan en leg stap voor stap uit wat er nodig is.",
    ],
  },
  {
    tag: "nalatenschap",
    extraTags: ["overlijden", "erfenis", "notaris"],
    titles: [
      "Nalatenschap afhandelen met de notaris",
      "Attest van erfopvolging aanvragen",
      "Tegoeden vrijgeven aan de erfgenamen",
      "Nalatenschap met minderjarige erfgenamen",
      "Erfenis verwerpen of aanvaarden",
    ],
    sentences: [
      "Om de nalatenschap af te handelen vraagt de bank een attest van erfopvolging of een akte van erfopvolging.",
      "Het attest van erfopvolging wordt aangevraagd bij het kantoor rechtszekerheid of bij de notaris.",
      "Zodra alle erfgenamen akkoord zijn, worden de tegoeden vrijgegeven op een rekening naar keuze.",
      "Bij minderjarige erfgenamen moet de vrederechter toestemming geven.",
      "Een erfgenaam die de erfenis verwerpt, krijgt geen toegang tot de rekeningen.",
      "De afhandeling van een nalatenschap duurt gemiddeld {dagen} werkdagen na ontvangst van alle documenten.",
    ],
  },
  {
    tag: "phishing",
    extraTags: ["fraude", "veiligheid", "card stop"],
    titles: [
      "Klant klikte op een phishing-link",
      "Valse sms van de bank herkennen",
      "Phishing via WhatsApp: 'hallo mama'-fraude",
      "Klant gaf zijn codes door aan een oplichter",
      "Phishing melden bij Safeonweb",
    ],
    sentences: [
      "De bank vraagt nooit om codes van de kaartlezer of itsme via sms, e-mail of telefoon.",
      "Een klant die op een phishing-link klikte, blokkeert meteen zijn kaart via Card Stop.",
      "Laat de klant de valse sms of e-mail doorsturen naar verdacht@safeonweb.be.",
      "Controleer in {systeem} of er verdachte overschrijvingen zijn en start zo nodig een terugroeping.",
      "Bij fraude met een valse bankmedewerker dient de klant klacht in bij de politie.",
      "Phishing komt steeds vaker via WhatsApp en sociale media.",
      "Heeft de klant zijn codes doorgegeven aan een oplichter, dan telt elke minuut: meld de oplichting meteen.",
      "Blokkeer de toegang tot de app en laat de klant itsme opnieuw activeren.",
    ],
  },
  {
    tag: "itsme",
    extraTags: ["app", "mobiel bankieren", "identiteitskaart"],
    titles: [
      "itsme activeren met de kaartlezer",
      "itsme werkt niet na nieuwe smartphone",
      "Aanmelden in de app met itsme",
      "itsme-code vergeten",
    ],
    sentences: [
      "De klant activeert itsme met zijn identiteitskaart en een kaartlezer of {kanaal}.",
      "Na een nieuwe {toestel} moet itsme opnieuw geactiveerd worden.",
      "Met itsme kan de klant aanmelden en verrichtingen bevestigen in de app.",
      "Een vergeten itsme-code herstelt de klant zelf in de itsme-app.",
      "Voor itsme is een Belgische identiteitskaart of verblijfskaart nodig.",
    ],
  },
  {
    tag: "app",
    extraTags: ["mobiel bankieren", "itsme", "overschrijving"],
    titles: [
      "App installeren en activeren",
      "Foutmelding in de app bij aanmelden",
      "Limiet voor overschrijvingen in de app",
      "Meldingen in de app aanzetten",
      "Mobiel bankieren op een nieuwe {toestel}",
    ],
    sentences: [
      "De app werkt op een {toestel} met een recente versie van het besturingssysteem.",
      "De daglimiet voor overschrijvingen in de app is {bedrag}; de klant kan ze tijdelijk verhogen.",
      "Bij een foutmelding laat je de klant de app verwijderen en opnieuw installeren.",
      "In de app kan de klant zijn spaarrekening, termijnrekening en zichtrekening raadplegen.",
      "Mobiel bankieren activeren gaat met itsme of met de kaartlezer.",
      "Instant overschrijvingen in de app komen binnen enkele seconden aan.",
    ],
  },
  {
    tag: "kaartlezer",
    extraTags: ["digipass", "bankkaart", "pincode"],
    titles: [
      "Kaartlezer geeft foutcode",
      "Nieuwe kaartlezer bestellen",
      "Kaartlezer of itsme: wat is veiliger?",
      "Batterij van de kaartlezer vervangen",
    ],
    sentences: [
      "De kaartlezer werkt met de bankkaart en de pincode van de klant.",
      "Een nieuwe kaartlezer bestelt de klant {kanaal}; hij wordt binnen {dagen} werkdagen geleverd.",
      "Bij foutcode op de kaartlezer controleer je eerst of de bankkaart niet geblokkeerd is.",
      "De digipass is de oudere versie van de kaartlezer en wordt niet meer uitgeleverd.",
      "Leg uit dat de klant de codes van de kaartlezer nooit aan iemand mag doorgeven.",
    ],
  },
  {
    tag: "bankkaart",
    extraTags: ["pincode", "card stop", "kaartlezer"],
    titles: [
      "Bankkaart blokkeren via Card Stop",
      "Pincode vergeten",
      "Nieuwe bankkaart bestellen",
      "Bankkaart ingeslikt door de automaat",
      "Limiet van de bankkaart aanpassen",
    ],
    sentences: [
      "Een verloren of gestolen bankkaart blokkeert de klant meteen via Card Stop op 078 170 170.",
      "Een nieuwe pincode komt per post binnen {dagen} werkdagen.",
      "De bestedingslimiet van de bankkaart is {bedrag} per week en kan {kanaal} aangepast worden.",
      "Een ingeslikte bankkaart wordt vernietigd; bestel een nieuwe kaart.",
      "Na drie foute pincodes wordt de bankkaart geblokkeerd.",
    ],
  },
  {
    tag: "minderjarige",
    extraTags: ["kinderrekening", "ouders", "spaarrekening"],
    titles: [
      "Rekening openen voor een minderjarige",
      "Geld afhalen van de spaarrekening van een minderjarige",
      "Minderjarige wordt 18: wat verandert er?",
      "Kinderrekening en de getrouwheidspremie",
      "Bankkaart voor een minderjarige vanaf 12 jaar",
    ],
    sentences: [
      "Een rekening voor een minderjarige openen de ouders samen als wettelijke vertegenwoordigers.",
      "Geld van de spaarrekening van een minderjarige mag enkel voor de minderjarige zelf gebruikt worden.",
      "Vanaf 12 jaar kan een minderjarige een eigen bankkaart krijgen met een lage limiet.",
      "Op de achttiende verjaardag krijgt de jongere zelf volledige toegang tot zijn rekeningen.",
      "Voor een opname boven {bedrag} op de rekening van een minderjarige is toestemming van beide ouders nodig.",
      "De kinderrekening bouwt gewoon basisrente en getrouwheidspremie op.",
    ],
  },
  {
    tag: "adreswijziging",
    extraTags: ["identiteitskaart", "klantgegevens", "procedure"],
    titles: [
      "Adreswijziging doorgeven",
      "Klant verhuist naar het buitenland",
      "Identiteitskaart vervallen: rekening beperkt",
      "Klantgegevens actualiseren",
    ],
    sentences: [
      "Een adreswijziging komt automatisch door via het rijksregister, maar de klant kan ze ook {kanaal} doorgeven.",
      "Bij een vervallen identiteitskaart beperken we de rekening tot de klant een nieuwe kaart inleest.",
      "De klant leest zijn nieuwe identiteitskaart in {kanaal}.",
      "Wie naar het buitenland verhuist, moet een nieuw bewijs van adres bezorgen.",
      "Verouderde klantgegevens kunnen tot een blokkering van de spaarrekening leiden.",
    ],
  },
  {
    tag: "overschrijving",
    extraTags: ["instant betaling", "limiet", "app"],
    titles: [
      "Overschrijving terugroepen",
      "Instant overschrijving komt niet aan",
      "Overschrijving naar het buitenland",
      "Limiet voor overschrijvingen verhogen",
      "Domiciliëring weigeren of stopzetten",
    ],
    sentences: [
      "Een gewone overschrijving komt de volgende werkdag aan; een instant overschrijving binnen enkele seconden.",
      "Een uitgevoerde overschrijving terugroepen kan enkel met toestemming van de begunstigde.",
      "De limiet voor overschrijvingen is {bedrag} per dag en kan tijdelijk verhoogd worden {kanaal}.",
      "Voor een overschrijving buiten de SEPA-zone gelden extra kosten.",
      "Een domiciliëring stopzetten kan de klant zelf in de app.",
    ],
  },
  {
    tag: "klacht",
    extraTags: ["ombudsman", "klachtendienst", "procedure"],
    titles: [
      "Klacht van een klant registreren",
      "Klant wil naar de ombudsman",
      "Klacht over de getrouwheidspremie",
      "Termijn om op een klacht te antwoorden",
    ],
    sentences: [
      "Registreer elke klacht in {systeem}, ook als ze meteen opgelost is.",
      "De klachtendienst antwoordt binnen {dagen} werkdagen.",
      "Is de klant niet tevreden met het antwoord, dan kan hij naar Ombudsfin.",
      "Blijf vriendelijk en vat de klacht samen in de woorden van de klant.",
    ],
  },
  {
    tag: "woonkrediet",
    extraTags: ["lening", "verzekering", "notaris"],
    titles: [
      "Woonkrediet aanvragen: eerste gesprek",
      "Woonkrediet vervroegd terugbetalen",
      "Schuldsaldoverzekering bij een woonkrediet",
    ],
    sentences: [
      "Voor een woonkrediet plan je een afspraak {kanaal} met een kredietadviseur.",
      "Vervroegd terugbetalen kost een wederbeleggingsvergoeding van drie maanden intrest.",
      "De schuldsaldoverzekering beschermt de partner bij overlijden van de kredietnemer.",
      "De notaris verlijdt de akte van het woonkrediet.",
    ],
  },
];

export const ALL_TAGS: readonly string[] = [...new Set(TOPICS.flatMap((t) => [t.tag, ...t.extraTags]).concat(["benchmark"]))];

const TITLE_QUALIFIERS = [
  "", "", "", "",
  " (gezamenlijke rekening)", " bij een minderjarige", " na overlijden", " via de app", " in het kantoor",
  " voor zelfstandigen", " met volmacht", " na adreswijziging", " telefonisch", " voor niet-inwoners",
  " – veelgestelde vraag", " – stappenplan", " – uitzondering",
];

function fill(rng: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => pick(rng, SLOTS[slot] ?? [slot]));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export type SyntheticEntry = { title: string; body: string; tags: string[] };

/** One entry: a title from its topic, a body of 40-120 words from its topic, another topic and generic sentences. */
export function makeEntry(rng: Rng): SyntheticEntry {
  const topic = pick(rng, TOPICS);
  const other = pick(rng, TOPICS);
  const title = fill(rng, pick(rng, topic.titles)) + pick(rng, TITLE_QUALIFIERS);
  const target = between(rng, 40, 120);
  const sentences: string[] = [];
  let words = 0;
  for (let guard = 0; guard < 40 && words < target; guard++) {
    const roll = rng();
    const source = roll < 0.65 ? topic.sentences : roll < 0.85 ? other.sentences : GENERIC;
    const sentence = fill(rng, pick(rng, source));
    if (sentences.includes(sentence)) continue;
    const n = wordCount(sentence);
    if (words >= 40 && words + n > 120) break;
    sentences.push(sentence);
    words += n;
  }
  // Paragraphs of two or three sentences, as a knowledge manager would write them.
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = between(rng, 2, 3);
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  const tags = new Set<string>([topic.tag]);
  const extra = between(rng, 0, 3);
  for (let i = 0; i < extra; i++) tags.add(rng() < 0.7 ? pick(rng, topic.extraTags) : pick(rng, ALL_TAGS));
  return { title, body: paragraphs.join("\n\n"), tags: [...tags].filter((t) => t !== "benchmark") };
}

/** A made-up word of letters only, so the publish measurement can search for exactly one entry. */
export function markerWord(rng: Rng): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  const vowels = "aeiou";
  let word = "zq";
  for (let i = 0; i < 6; i++) word += pick(rng, [...letters]) + pick(rng, [...vowels]);
  return word;
}
