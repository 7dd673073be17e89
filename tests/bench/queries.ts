/**
 * What agents type into the search box: 1-3 words, a third of them with typos.
 * Fixed, so runs are comparable.
 */

export const CORRECT_QUERIES: readonly string[] = [
  "spaarrekening", "getrouwheidspremie", "basisrente", "termijnrekening", "spaarboekje", "volmacht", "overlijden",
  "nalatenschap", "phishing", "itsme", "app", "kaartlezer", "roerende voorheffing", "minderjarige", "erfenis",
  "fraude", "bankkaart", "pincode", "card stop", "adreswijziging", "identiteitskaart", "overschrijving", "klacht",
  "ombudsman", "woonkrediet", "digipass", "kinderrekening", "zichtrekening", "notaris", "erfgenamen",
  "spaarrekening openen", "spaarrekening afsluiten", "getrouwheidspremie verliezen", "premie in opbouw",
  "basisrente getrouwheidspremie", "termijnrekening vervroegd", "termijnrekening vervaldag", "termijnrekening rente",
  "oud spaarboekje", "spaarboekje kwijt", "spaarboekje omzetten", "roerende voorheffing vrijstelling",
  "roerende voorheffing terugvragen", "volmacht intrekken", "volmacht geven", "volmacht overlijden",
  "gevolmachtigde", "overlijden melden", "rekening geblokkeerd", "begrafeniskosten", "attest van erfopvolging",
  "erfopvolging", "erfenis verwerpen", "nalatenschap notaris", "valse sms", "phishing link", "phishing whatsapp",
  "codes doorgegeven", "oplichter", "safeonweb", "itsme activeren", "itsme code vergeten", "itsme nieuwe smartphone",
  "app activeren", "app foutmelding", "app limiet", "mobiel bankieren", "kaartlezer foutcode",
  "nieuwe kaartlezer", "batterij kaartlezer", "bankkaart blokkeren", "pincode vergeten", "nieuwe bankkaart",
  "kaart ingeslikt", "bestedingslimiet", "minderjarige rekening", "minderjarige 18 jaar", "bankkaart 12 jaar",
  "kinderrekening premie", "adres buitenland", "identiteitskaart vervallen", "klantgegevens",
  "overschrijving terugroepen", "instant overschrijving", "overschrijving buitenland", "domiciliëring stopzetten",
  "limiet verhogen", "klacht registreren", "ombudsfin", "woonkrediet aanvragen", "schuldsaldoverzekering",
  "vervroegd terugbetalen", "wederbeleggingsvergoeding", "depositogarantie", "gezamenlijke rekening",
  "medetitularis overlijden", "spaardoel", "rente uitbetaling", "tariefwijziging", "fiscaal attest",
  "zelfstandigen", "slapende tegoeden", "verblijfskaart", "rijksregister", "vrederechter", "blokkering",
  "verdachte overschrijving", "valse bankmedewerker", "trouwpremie", "deposito", "mandaat", "oplichting",
  "digitale identiteit", "sepa", "kredietadviseur", "premietarief", "interne overschrijving", "spaarrekening rente",
  "rente termijnrekening 5 jaar", "overlijden partner", "volmacht notariële akte", "phishing melden",
  "itsme identiteitskaart", "app installeren", "kaartlezer pincode", "minderjarige ouders toestemming",
  "adreswijziging spaarrekening", "klachtendienst", "nalatenschap minderjarige erfgenamen", "erfgenaam",
  "spaarrekeningen", "getrouwheidsperiode", "daglimiet",
];

export const TYPO_QUERIES: readonly string[] = [
  "getrouwheidspremei", "spaarekening", "termijnrekning", "volmacth", "phising", "spaarrekenig", "getrouwhiedspremie",
  "basisrnte", "spaarbokje", "overlijdn", "nalatenchap", "kaartlzer", "roerende voorhefing", "minderjarie",
  "itsmee", "erfenes", "fraudde", "bankkart", "pinkode", "adreswijzging", "identiteitskart", "overschrijvng",
  "ombusdman", "woonkrdiet", "digipas", "kinderekening", "zichtrekenig", "notairs", "erfgenamn",
  "spaarekening openen", "getrouwheidspremie verleizen", "termijnrekning vervaldag", "spaarbokje kwijt",
  "roerende voorhefing vrijstelling", "volmacth intrekken", "overlijdn melden", "begrafeniskostn",
  "attest erfopvolgng", "phishing lnik", "valse sms phising", "itsme actievren", "app foutmeldng",
  "kaartlezer foutkode", "bankkaart blokeren", "pincode vergten", "minderjarige rekenig", "adres buitenlnad",
  "overschrijving terugroepn", "instant overschrjving", "domicilering", "klacht registeren", "schuldsaldoverzekerng",
  "wederbeleggingsvergoedng", "gezamelijke rekening", "slapende tegoden", "vrederchter", "blokering",
  "oplichtng", "trouwpremi", "depostio", "getrouwheidspremie tariefwijzging", "spaardoell", "mobiel bankeiren",
  "safeonwbe", "kredietadviser", "nalatenschap notaries",
];

export type BenchQuery = { q: string; typo: boolean };

export const QUERIES: readonly BenchQuery[] = [
  ...CORRECT_QUERIES.map((q) => ({ q, typo: false })),
  ...TYPO_QUERIES.map((q) => ({ q, typo: true })),
];
