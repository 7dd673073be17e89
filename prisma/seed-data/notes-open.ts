/**
 * Notes that did not become (part of) an entry: declined ones with the reason their author sees,
 * and submitted ones still waiting in the knowledge manager's inbox.
 */
import type { DeclinedNoteSeed, SubmittedNoteSeed } from "./types";

export const declinedNotes: DeclinedNoteSeed[] = [
  {
    author: "lotte",
    daysAgo: 54,
    tags: ["getrouwheidspremie", "spaarrekening"],
    title: "Premie kwijt bij overschrijving naar zichtrekening",
    body: `
      Klant had geld van zijn spaarrekening naar zijn zichtrekening gezet en verloor daardoor de premie op dat bedrag. Uitgelegd dat de premie pas na 12 maanden verworven is. Hij begreep het.
    `,
    reason:
      "Dit staat al in het artikel 'Getrouwheidspremie: wanneer verliest de klant ze?'. Er stond niets nieuws in je notitie, dus ik heb ze niet samengevoegd. Toch bedankt: als je het artikel niet vond, laat me weten met welke zoekwoorden je zocht, dan voeg ik een synoniem toe.",
  },
  {
    author: "lotte",
    daysAgo: 12,
    community: "sparen",
    tags: ["volmacht"],
    title: "Mevrouw V. uit Lokeren: volmacht voor haar zoon",
    body: `
      Mevrouw V. uit Lokeren (rekening eindigend op 4471) wil een volmacht geven aan haar zoon, maar ze kan niet meer naar het kantoor. Huisbezoek geregeld via het CRM. De zoon belt volgende week terug om te bevestigen.
    `,
    reason:
      "Je notitie bevat klantgegevens (naam, woonplaats en een deel van het rekeningnummer); die horen niet in de kennisbank. Inhoudelijk staat het huisbezoek al in 'Volmacht op een spaarrekening geven: de stappen'. Heb je iets nieuws geleerd, dien het dan gerust opnieuw in zonder klantgegevens.",
  },
  {
    author: "youssef",
    daysAgo: 90,
    tags: ["app"],
    title: "Lange wachtrij op maandagvoormiddag",
    body: `
      Op maandagvoormiddag staan er soms 20 klanten in de wachtrij, vaak over dingen die in het weekend misliepen met de app. Misschien kunnen we op maandag een extra collega inplannen voor digitale vragen?
    `,
    reason:
      "Dit gaat over de planning, niet over kennis voor klantgesprekken. Ik heb je voorstel doorgegeven aan Koen; breng het gerust ook in op de volgende intervisie van Sparen aan de lijn.",
  },
  {
    author: "jens",
    daysAgo: 85,
    tags: ["spaarrekening", "basisrente"],
    community: "sparen",
    title: "Welke spaarrekening geeft het meeste rente?",
    body: `
      Welke van onze spaarrekeningen geeft nu eigenlijk het meeste rente als je de premie meetelt? Ik twijfel altijd als klanten het vragen.
    `,
    reason:
      "Dit is een vraag, geen veldnotitie. Stel ze in de community Sparen aan de lijn, dan kunnen collega's antwoorden. Hoe je de verschillen uitlegt zonder te adviseren, staat in 'Termijnrekening of spaarrekening? De verschillen uitleggen zonder te adviseren'; de tarieven zelf staan altijd in de tarievenlijst.",
  },
  {
    author: "sarah",
    daysAgo: 72,
    tags: ["spaarrekening"],
    title: "Klant met veel spaargeld: fonds aangeraden",
    body: `
      Klant had 60.000 euro op zijn spaarrekening staan. Ik heb hem gezegd dat hij beter een deel in ons duurzaam fonds zet, want de rente is laag. Hij ging erover nadenken.
    `,
    reason:
      "Aan de telefoon geven we geen beleggingsadvies; een notitie die dat aanraadt, kan ik niet publiceren. De juiste weg is een afspraak met een adviseur in het kantoor, zie 'Termijnrekening of spaarrekening? De verschillen uitleggen zonder te adviseren'. Laten we er even over praten na de intervisie.",
  },
  {
    author: "wout",
    daysAgo: 66,
    tags: ["minderjarigen"],
    title: "Ouders mogen geld van rekening kind gewoon afhalen",
    body: `
      Vader belde om geld af te halen van de rekening van zijn dochter. Gezegd dat ouders tot 18 jaar alles mogen, het is eigenlijk hun rekening. Hij ging het zelf doen in de app.
    `,
    reason:
      "Dit klopt niet: geld op de rekening van een minderjarige is van het kind. Ouders mogen het alleen gebruiken in het belang van het kind en met het akkoord van beide ouders. Zie 'Geld afhalen van de spaarrekening van een minderjarige'. Wil je de klant eventueel terugbellen?",
  },
  {
    author: "elif",
    daysAgo: 52,
    tags: ["overschrijving"],
    title: "Klant wil lening voor verbouwing",
    body: `
      Klant belde naar Sparen voor een lening voor zijn badkamer. Doorverbonden met Kredieten, maar hij had al 10 minuten gewacht. Misschien in het keuzemenu duidelijker maken dat leningen een aparte keuze zijn?
    `,
    reason:
      "Dit gaat over kredieten en over het keuzemenu, niet over sparen. Ik heb je suggestie doorgestuurd naar de collega's van Kredieten en naar Digitale Kanalen, die het keuzemenu beheren.",
  },
  {
    author: "hanne",
    daysAgo: 44,
    tags: ["itsme"],
    title: "itsme",
    body: `
      Klant had problemen met itsme. Uiteindelijk is het gelukt.
    `,
    reason:
      "Te weinig concreet om er een artikel van te maken: wat was het probleem precies, en wat heb je de klant aangeraden? Vul gerust aan en dien opnieuw in. Kijk ook eens naar 'itsme geblokkeerd of code vergeten'.",
  },
  {
    author: "bram",
    daysAgo: 63,
    tags: ["fraude"],
    title: "Codewoord interne fraudelijn van deze week",
    body: `
      Handig voor iedereen: het codewoord van deze week voor de interne fraudelijn, zodat je niet in je mails moet zoeken als het dringend is. Het staat in de mail van het Fraudeteam van maandag.
    `,
    reason:
      "Codewoorden voor de fraudelijn horen om veiligheidsredenen niet in de kennisbank, ook niet in een gesloten community. Het nummer staat in het CRM; het codewoord blijft in de wekelijkse mail van het Fraudeteam.",
  },
  {
    author: "ruben",
    daysAgo: 29,
    tags: ["spaarboekje"],
    title: "Boekjesautomaat kantoor Aalst neemt boekje niet",
    body: `
      Klant wou zijn spaarboekje bijwerken, maar de automaat in het kantoor van Aalst nam het boekje niet. Aan het loket zeiden ze dat dat niet meer kan. Klant begreep het niet.
    `,
    reason:
      "Spaarboekjes worden niet meer bijgewerkt sinds de omzetting naar spaarrekeningen; het artikel over de boekjesautomaat is gearchiveerd. Wat je de klant kunt zeggen, staat in 'Spaarboekje omzetten naar een spaarrekening: wat verandert er?'.",
  },
  {
    author: "kaat",
    daysAgo: 48,
    tags: ["basisrente", "getrouwheidspremie"],
    title: "Nieuwe rentevoeten vanaf volgende maand",
    body: `
      Nieuwe tarieven vanaf volgende maand: de basisrente op de spaarrekening en de getrouwheidspremie veranderen allebei. Even de nieuwe percentages noteren, zodat iedereen ze bij de hand heeft.
    `,
    reason:
      "Tarieven zetten we bewust niet in artikels, omdat ze te vaak veranderen: de tarievenlijst op intranet is de enige bron. Ik heb het artikel over de rentedaling wel op 'nakijken' gezet.",
  },
  {
    author: "tom",
    daysAgo: 40,
    tags: ["app"],
    title: "Klant schold en haakte in",
    body: `
      Klant schold me uit omdat de app niet werkte en haakte in voor ik iets kon uitleggen. Niets aan te doen.
    `,
    reason:
      "Vervelend, en begrijpelijk dat je het kwijt wilt. Het is alleen geen kennis voor collega's. Praat er gerust over met je teamcoach, of breng het in tijdens de intervisie: omgaan met boze bellers staat daar binnenkort op de agenda.",
  },
  {
    author: "sofie",
    daysAgo: 35,
    tags: ["overlijden", "nalatenschap"],
    title: "Weduwe mag 5.000 euro opnemen",
    body: `
      Weduwe belde dat ze niets meer kon betalen. De langstlevende mag de helft van het saldo opnemen, maximum 5.000 euro. Afspraak gemaakt in het kantoor.
    `,
    reason:
      "Dit staat al volledig in 'Partner heeft dringend geld nodig na een overlijden'. Er stond niets nieuws in, dus ik heb het niet samengevoegd.",
  },
  {
    author: "youssef",
    daysAgo: 21,
    tags: ["spaarrekening"],
    title: "Franstalige klanten doorverbinden",
    body: `
      Franstalige klanten: doorverbinden naar toestel 2 (Service Épargne), niet zelf proberen in het Frans als je het niet vlot spreekt.
    `,
    reason:
      "Dit is een werkafspraak van de klantendienst, geen productkennis. Ze staat al in de teamhandleiding op intranet.",
  },
  {
    author: "jens",
    daysAgo: 33,
    tags: ["itsme"],
    title: "Telefoonnummer itsme-helpdesk",
    body: `
      Klanten vragen vaak het nummer van de itsme-helpdesk. Het staat op hun website, maar hier is het voor het gemak.
    `,
    reason:
      "In 'itsme geblokkeerd of code vergeten' verwijzen we bewust naar de itsme-app en de website van itsme, en niet naar een telefoonnummer dat kan veranderen. Daarom niet opgenomen.",
  },
  {
    author: "sarah",
    daysAgo: 24,
    tags: ["spaarrekening"],
    title: "Klant vraagt of we cryptomunten verkopen",
    body: `
      Klant vroeg of hij bij ons bitcoin kon kopen. Gezegd dat we dat niet aanbieden.
    `,
    reason:
      "Het antwoord is kort (we bieden het niet aan) en de vraag komt zelden; daar maak ik geen artikel van. Komt ze vaker terug, laat het me dan weten.",
  },
  {
    author: "elif",
    daysAgo: 15,
    community: "sparen",
    tags: ["overlijden"],
    title: "CRM gaf fout bij registreren overlijden",
    body: `
      Bij het registreren van een overlijden gaf het CRM een foutmelding. De tweede keer lukte het wel. Zie de screenshot die ik naar de teamcoach stuurde.
    `,
    reason:
      "Een storing in het CRM meld je best bij de IT-servicedesk met een ticket, zodat ze het kunnen onderzoeken. Ik heb het ticket voor je aangemaakt; het is geen kennis voor de kennisbank.",
  },
  {
    author: "wout",
    daysAgo: 11,
    community: "sparen",
    tags: ["termijnrekening"],
    title: "Termijnrekening vroegtijdig opnemen kan niet",
    body: `
      Klant wou zijn termijnrekening vroegtijdig opnemen. Gezegd dat dat in principe niet kan en een terugbelverzoek voor het kantoor gemaakt.
    `,
    reason: "Dit staat al in 'Termijnrekening vervroegd opnemen: kan dat?'. Je aanpak was precies goed.",
  },
  {
    author: "hanne",
    daysAgo: 9,
    tags: ["spaarrekening"],
    title: "Altijd naam en geboortedatum vragen",
    body: `
      Tip: vraag bij elke oproep eerst de naam en de geboortedatum van de klant, voor je iets over de rekening zegt.
    `,
    reason:
      "Dat is de standaard identificatieprocedure; ze staat in de teamhandleiding en hoort daarom niet in de kennisbank.",
  },
  {
    author: "ruben",
    daysAgo: 7,
    tags: ["spaarrekening", "app"],
    title: "Knop om spaarrekening te openen zit verstopt",
    body: `
      Klant vond niet waar ze een nieuwe spaarrekening kon openen in de app. Het zit onder Producten > Sparen.
    `,
    reason: "Dit staat al in 'Nieuwe spaarrekening openen in de app: hoe gaat dat?'.",
  },
  {
    author: "bram",
    daysAgo: 17,
    tags: ["phishing"],
    community: "digitaal",
    title: "Valse mail over 'terugbetaling belastingen'",
    body: `
      Twee klanten vandaag met een mail van 'FOD Financiën' over een terugbetaling, met een link om hun bankgegevens in te vullen. Geen van beiden had geklikt. Doorgestuurd naar verdacht@safeonweb.be.
    `,
    reason:
      "Goed dat je het meldt. Een nieuwe golf hoort als bericht in de community Fraude & Phishing, niet als apart artikel; het algemene advies staat in 'Verdachte sms of mail: waar stuurt de klant ze naartoe?'. Ik heb het aan Stijn doorgegeven.",
  },
  {
    author: "kaat",
    daysAgo: 14,
    tags: ["kaartlezer"],
    title: "Kaartlezer doet raar",
    body: `
      Kaartlezer van klant deed raar. Na wat proberen werkte het.
    `,
    reason:
      "Te vaag om er iets mee te doen: welke melding gaf de kaartlezer, en wat hielp? Kijk ook eens of het antwoord al in 'De kaartlezer geeft een foutmelding' staat.",
  },
];

export const submittedNotes: SubmittedNoteSeed[] = [
  {
    author: "lotte",
    daysAgo: 1,
    tags: ["spaarrekening", "vzw"],
    community: "sparen",
    title: "Penningmeester wil spaarrekening op naam van de vzw",
    body: `
      Penningmeester van een jeugdbeweging (vzw) wou een spaarrekening openen op naam van de vzw. Dat kan niet aan de telefoon: rekeningen voor verenigingen gaan via het kantoor, met de statuten en de publicatie in het Belgisch Staatsblad.
      Ik wist niet zeker of de vrijstelling op de rente ook voor een vzw geldt. Graag nakijken, dit komt vaker voor.
    `,
  },
  {
    author: "lotte",
    daysAgo: 3,
    tags: ["spaardoel", "app"],
    title: "Spaardoel delen met partner?",
    body: `
      Klant vroeg of ze haar spaardoel kon delen met haar partner, zodat hij de voortgang ook in zijn app ziet. Dat kan alleen als hij medetitularis of volmachthebber is op de spaarrekening.
      Misschien nuttig als aanvulling op het artikel over spaardoelen?
    `,
  },
  {
    author: "lotte",
    daysAgo: 0,
    tags: ["phishing", "itsme"],
    community: "fraude",
    title: "Nieuwe phishing-sms over 'vervallen itsme'",
    body: `
      Vandaag al drie klanten met een sms dat hun itsme 'vervalt' en dat ze via een link moeten 'verlengen'. Afzender: 'itsme-info'. Geen van hen had geklikt.
      Misschien het voorbeeld toevoegen aan het artikel over verdachte sms'en, en de golf melden aan het Fraudeteam?
    `,
  },
  {
    author: "youssef",
    daysAgo: 2,
    tags: ["termijnrekening"],
    title: "Klant wil rente van termijnrekening elke maand",
    body: `
      Klant vroeg of hij de rente van zijn termijnrekening elke maand kon krijgen, als aanvulling op zijn pensioen. Bij ons kan dat niet: alleen op de vervaldag, of jaarlijks bij een meerjarige termijnrekening.
      Hij dacht dat het vroeger wel kon. Klopt dat?
    `,
  },
  {
    author: "jens",
    daysAgo: 4,
    tags: ["spaardoel", "getrouwheidspremie"],
    title: "Verliest klant premie als ze haar spaardoel verlaagt?",
    body: `
      Klant vroeg of ze haar premie verliest als ze het doelbedrag van haar spaardoel verlaagt. Nee, het doel is alleen een weergave.
      Staat eigenlijk al in het artikel, maar klanten vragen het zo vaak dat het misschien expliciet mag.
    `,
  },
  {
    author: "sarah",
    daysAgo: 1,
    tags: ["overlijden", "nalatenschap", "attesten"],
    community: "sparen",
    title: "Erfgenaam vraagt uittreksels van de laatste vijf jaar",
    body: `
      Zoon van een overleden klant wil alle uittreksels van de laatste vijf jaar voor de notaris. Dat kan via het team Nalatenschappen, maar zij vragen eerst het attest van erfopvolging.
      Ik wist niet of het betalend is; gezegd dat het team het laat weten.
    `,
  },
  {
    author: "wout",
    daysAgo: 5,
    tags: ["volmacht", "bankkaart"],
    title: "Personeel woonzorgcentrum wil bankkaart van bewoonster gebruiken",
    body: `
      Dochter vroeg of het personeel van het woonzorgcentrum de bankkaart van haar moeder mag gebruiken voor kleine aankopen. Nee: een pincode geef je nooit door, ook niet aan familie of personeel.
      Beter: een volmacht voor de dochter, of een aparte rekening met een lage limiet. Misschien iets voor een apart artikel?
    `,
  },
  {
    author: "elif",
    daysAgo: 2,
    tags: ["overschrijving"],
    title: "Instant overschrijving naar oud rekeningnummer van verhuurder",
    body: `
      Klant betaalde zijn huur met een instant overschrijving naar het oude rekeningnummer van zijn verhuurder. Die rekening bestaat nog, dus het geld staat daar. Terugvraagverzoek ingediend.
      Klant vroeg of dat sneller gaat omdat het instant was: nee, de terugvraag duurt even lang.
    `,
  },
  {
    author: "bram",
    daysAgo: 6,
    tags: ["app", "spaarrekening"],
    title: "Storting aan loket nog niet zichtbaar in app",
    body: `
      Klant had cash gestort op zijn spaarrekening aan het loket, maar zag het niet in de app. Stortingen aan de automaat staan er meteen, stortingen aan het loket soms pas na de dagafsluiting. Vernieuwen hielp niet.
      's Avonds stond het er wel.
    `,
  },
  {
    author: "hanne",
    daysAgo: 3,
    tags: ["kaartlezer", "toegankelijkheid"],
    title: "Slechtziende klant kan cijfers op kaartlezer niet lezen",
    body: `
      Slechtziende klant kon de cijfers op zijn kaartlezer niet lezen. Er bestaat een model met groot scherm en spraak: bestellen via het CRM, Kaartlezer bestellen > 'Toegankelijk model'.
      Wist ik niet; Sofie wel. Hoort dit in het artikel over de kaartlezer of apart?
    `,
  },
  {
    author: "ruben",
    daysAgo: 1,
    tags: ["roerende voorheffing", "attesten"],
    title: "Fiscaal attest in het Frans",
    body: `
      Klant woont in Brussel en wou zijn fiscaal attest in het Frans. De taal van documenten volgt de taalvoorkeur in het CRM (Klant > Taal). Na de aanpassing kan je het attest opnieuw aanvragen.
    `,
  },
  {
    author: "kaat",
    daysAgo: 0,
    tags: ["fraude", "phishing"],
    community: "fraude",
    title: "Spoofing via WhatsApp-oproep van 'Cardstop'",
    body: `
      Klant kreeg een WhatsApp-oproep met het logo van Cardstop als profielfoto. De 'medewerker' vroeg om zijn kaart te blokkeren 'via een code'. Klant vertrouwde het niet en belde ons.
      Variant voor het spoofing-artikel: ook via WhatsApp, niet alleen gewone oproepen.
    `,
  },
  {
    author: "tom",
    daysAgo: 2,
    tags: ["app"],
    community: "digitaal",
    title: "App sluit af bij openen van Documenten op iPhone",
    body: `
      Drie klanten met een iPhone sinds de laatste update: de app sluit af als ze Documenten openen. Gemeld bij Digitale Kanalen (ticket).
      Tijdelijke oplossing: documenten bekijken in online bankieren in de browser.
    `,
  },
  {
    author: "sofie",
    daysAgo: 4,
    tags: ["overlijden"],
    community: "sparen",
    title: "Overlijden van een kind melden",
    body: `
      Moeder belde om het overlijden van haar zoon van 16 te melden. Er is geen script voor zo'n gesprek. Wat hielp:
      - zelf weinig praten, alleen het nodige regelen;
      - niets over saldi of documenten tenzij ze ernaar vraagt;
      - zeggen dat het team Nalatenschappen haar niet belt voor volgende week, tenzij ze dat zelf wil.
      Ik heb daarna even pauze genomen. Misschien goed om dat ook te zeggen aan collega's.
    `,
  },
  {
    author: "jens",
    daysAgo: 8,
    tags: ["fraude", "spaarrekening", "limieten"],
    title: "Klant wil spaarrekening 'op slot' uit angst voor fraude",
    body: `
      Oudere klant had over fraude gelezen en wou zijn spaarrekening 'op slot'. We hebben de limiet voor overschrijvingen vanaf de spaarrekening in de app op 0 gezet: online kan er dan niets meer af, alleen nog in het kantoor.
      Hij was heel tevreden. Goede tip voor angstige klanten?
    `,
  },
  {
    author: "youssef",
    daysAgo: 9,
    tags: ["termijnrekening", "roerende voorheffing"],
    title: "Rente termijnrekening lager dan verwacht door voorheffing",
    body: `
      Klant vond dat hij te weinig rente kreeg op zijn termijnrekening. Het verschil was de roerende voorheffing van 30%. Nettobedrag samen uitgerekend.
    `,
  },
  {
    author: "elif",
    daysAgo: 10,
    tags: ["overschrijving"],
    title: "Naamcontrole zegt 'controle niet mogelijk' bij buitenlandse bank",
    body: `
      Klant betaalde een hotel in Italië en kreeg 'controle niet mogelijk'. Sommige banken in het buitenland antwoorden (nog) niet op de naamcontrole. Dat zegt niets over fraude, maar de klant moet dan zelf extra goed opletten.
      Hoort misschien bij het artikel over de naamcontrole.
    `,
  },
  {
    author: "sarah",
    daysAgo: 7,
    tags: ["minderjarigen", "overschrijving"],
    title: "Oma wil 10.000 euro schenken aan kleinzoon",
    body: `
      Oma wil 10.000 euro schenken aan haar kleinzoon van 14. Overschrijven naar zijn spaarrekening kan, maar ze vroeg naar schenkbelasting. Geen advies gegeven, doorverwezen naar de notaris.
      Misschien een zin toevoegen aan het artikel over grootouders?
    `,
  },
  {
    author: "wout",
    daysAgo: 0,
    tags: ["adreswijziging"],
    title: "Klant verhuist naar Nederland: wat met zijn rekeningen?",
    body: `
      Klant verhuist voor zijn werk naar Nederland en vroeg of hij zijn rekeningen mag houden. Afspraak gemaakt met het kantoor, zoals in het artikel over adreswijzigingen. Hij vroeg ook of zijn spaarrekening gereglementeerd blijft. Dat wist ik niet.
    `,
  },
  {
    author: "bram",
    daysAgo: 11,
    tags: ["app", "fraude"],
    community: "digitaal",
    title: "Melding 'nieuwe aanmelding' terwijl klant niet ingelogd was",
    body: `
      Klant kreeg de melding 'nieuwe aanmelding op een ander toestel' en had zelf niets gedaan. Online toegang meteen tijdelijk geblokkeerd en een fraudemelding gemaakt. Bleek zijn zoon te zijn, die op de tablet thuis ingelogd had.
      Toch goed gereageerd, denk ik: beter te voorzichtig.
    `,
  },
  {
    author: "hanne",
    daysAgo: 12,
    community: "sparen",
    tags: ["volmacht"],
    title: "Klant wil volmacht geven aan zijn buurvrouw",
    body: `
      Klant wou zijn buurvrouw een volmacht geven. Dat kan: een volmachthebber hoeft geen familie te zijn. Ik heb wel eerst gevraagd of hij het zelf wil en niet onder druk gezet wordt. Hij klonk heel zeker.
    `,
  },
  {
    author: "kaat",
    daysAgo: 6,
    tags: ["spaarboekje", "getrouwheidspremie"],
    title: "Premie loopt door na omzetting spaarboekje",
    body: `
      Klant vroeg of ze haar getrouwheidspremie verliest door de omzetting van haar spaarboekje. Nee, de periodes lopen door. Ze was gerust.
    `,
  },
];
