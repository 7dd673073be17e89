/**
 * Knowledge-base entries about the discontinued savings booklet (spaarboekje; three of them archived)
 * and a few general customer-service topics.
 */
import { SPAARBOEKJE_SUCCESSOR } from "./lifecycle";
import type { EntrySeed } from "./types";

const ARCHIVE_REASON = "Het spaarboekje is stopgezet; alle spaarboekjes zijn omgezet naar een spaarrekening.";

export const otherEntries: EntrySeed[] = [
  {
    title: "Spaarboekje omzetten naar een spaarrekening: wat verandert er?",
    tags: ["spaarboekje", "spaarrekening", "getrouwheidspremie"],
    community: "sparen",
    helpful: 10,
    reuse: 37,
    body: `
      We stoppen met het spaarboekje. Elk spaarboekje wordt automatisch omgezet naar een gewone spaarrekening; de klant hoeft niets te doen.

      **Wat blijft hetzelfde**
      - Het rekeningnummer.
      - Het saldo, de basisrente en de getrouwheidspremie in opbouw: de getrouwheidsperiodes lopen gewoon door.
      - Eventuele volmachten.

      **Wat verandert**
      - Het boekje kan niet meer bijgewerkt worden. De klant mag het houden als aandenken.
      - Geld afhalen kan aan het loket in het kantoor of met een overschrijving naar de zichtrekening.
      - De klant volgt de rekening in de app of met papieren rekeninguittreksels.

      **Wil de klant op papier blijven volgen?** Zet maandelijkse papieren uittreksels aan (CRM > Documenten > Uittreksels > Per post, maandelijks). Dat is gratis voor wie een spaarboekje had.
    `,
    source: {
      author: "hanne",
      daysAgo: 46,
      community: "sparen",
      title: "Spaarboekje wordt omgezet: klant bang voor haar premie",
      body: `
        Oudere klant kreeg de brief dat haar spaarboekje omgezet wordt naar een gewone spaarrekening. Ze was bang haar getrouwheidspremie en haar 'boekje' te verliezen.
        Uitgelegd: de premie loopt gewoon door, het rekeningnummer blijft hetzelfde, en ze kan elke maand een papieren uittreksel krijgen. Dat laatste overtuigde haar.
      `,
    },
    merged: [
      {
        author: "sarah",
        daysAgo: 20,
        title: "Oud spaarboekje gevonden bij overleden moeder",
        body: `
          Klant vond een oud spaarboekje van zijn overleden moeder, uit de jaren 90. Hij dacht dat het geld weg was door de omzetting. Nee: is de rekening nog actief, dan is ze gewoon omgezet en hoort het saldo bij de nalatenschap. Is ze lang geleden afgesloten, dan staat dat in de historiek.
          Opzoeken in het CRM op het nummer in het boekje.
        `,
        add: `
          **Oud spaarboekje gevonden** (bijvoorbeeld bij een overledene): zoek in het CRM op het nummer in het boekje. Is de rekening nog actief, dan is ze omgezet en hoort het saldo bij de nalatenschap. Is ze al afgesloten, dan staat dat in de rekeninghistoriek. Een rekening die jarenlang niet gebruikt werd, kan als slapende rekening overgedragen zijn aan de Deposito- en Consignatiekas; de erfgenamen vragen het saldo dan daar op.
        `,
      },
    ],
  },
  {
    title: "Spaarboekje bijwerken aan de boekjesautomaat in het kantoor",
    tags: ["spaarboekje"],
    state: "ARCHIVED",
    helpful: 3,
    reuse: 12,
    archived: { daysAgo: 44, reason: ARCHIVE_REASON, successor: SPAARBOEKJE_SUCCESSOR },
    body: `
      De klant werkt zijn spaarboekje bij aan de boekjesautomaat in het kantoor: het boekje openslaan op de laatste beschreven bladzijde en met de magneetstrip naar rechts in de automaat steken.

      - **De automaat geeft het boekje terug:** de magneetstrip is beschadigd. Laten bijwerken aan het loket.
      - **Het boekje is vol:** de automaat drukt een melding af. Aan het loket een nieuw boekje laten maken; dat is gratis.
      - **De automaat is buiten gebruik:** elk kantoor met een loket kan het boekje bijwerken.
    `,
    source: {
      author: "ruben",
      daysAgo: 120,
      title: "Boekjesautomaat in kantoor weigert spaarboekje",
      body: `
        Klant kon zijn spaarboekje niet bijwerken aan de automaat in het kantoor; de automaat gaf het boekje telkens terug. Magneetstrip beschadigd.
        Oplossing: aan het loket laten bijwerken, en een nieuw boekje laten maken als het vol of beschadigd is. Kost niets.
      `,
    },
  },
  {
    title: "Spaarboekje verloren: blokkeren en een duplicaat aanvragen",
    tags: ["spaarboekje"],
    state: "ARCHIVED",
    helpful: 2,
    reuse: 8,
    archived: { daysAgo: 44, reason: ARCHIVE_REASON, successor: SPAARBOEKJE_SUCCESSOR },
    body: `
      1. Blokkeer het boekje in het CRM (Spaarboekje > Verloren melden). Vanaf dan kan niemand nog geld afhalen met het boekje aan het loket.
      2. Vraag een duplicaat aan (zelfde scherm, knop 'Duplicaat'). Kosten: zie de tarievenlijst.
      3. Het duplicaat ligt binnen 10 werkdagen klaar in het kantoor van de klant. Hij haalt het af met zijn identiteitskaart.

      Saldo en rente veranderen niet. Vindt de klant het oude boekje terug, dan brengt hij het binnen in het kantoor; het kan niet meer gebruikt worden.
    `,
    source: {
      author: "kaat",
      daysAgo: 118,
      title: "Spaarboekje kwijt na verhuis",
      body: `
        Klant was zijn spaarboekje kwijt na een verhuis. We blokkeren het boekje in het CRM (Spaarboekje > Verloren melden), zodat niemand er geld mee kan afhalen aan het loket. Een duplicaat kost 5 euro en ligt binnen 10 werkdagen in het kantoor.
        Klant moet het afhalen met zijn identiteitskaart.
      `,
    },
  },
  {
    title: "Hoe wordt de rente op een spaarboekje bijgeschreven?",
    tags: ["spaarboekje", "basisrente"],
    state: "ARCHIVED",
    helpful: 2,
    reuse: 6,
    archived: { daysAgo: 44, reason: ARCHIVE_REASON, successor: SPAARBOEKJE_SUCCESSOR },
    body: `
      De rente op een spaarboekje wordt op dezelfde manier berekend en geboekt als op een spaarrekening: de basisrente jaarlijks, de getrouwheidspremie per kwartaal.

      Ze verschijnt pas in het boekje de eerstvolgende keer dat de klant het bijwerkt. Het saldo in het boekje is dus niet altijd het actuele saldo.

      Het actuele saldo vindt de klant in de app of op een saldo-attest; wij mogen het geven na identificatie.
    `,
    source: {
      author: "jens",
      daysAgo: 116,
      title: "Rente staat niet in het spaarboekje",
      body: `
        Klant dacht dat hij geen rente gekregen had, omdat die niet in zijn boekje stond. De rente wordt wel geboekt, maar verschijnt pas in het boekje na de eerstvolgende keer bijwerken. Hij moest dus gewoon eens langs de automaat.
        Het saldo in het boekje is dus niet altijd het echte saldo.
      `,
    },
  },
  {
    title: "Adreswijziging: waarom krijgt de klant nog post op het oude adres?",
    tags: ["adreswijziging"],
    helpful: 5,
    reuse: 17,
    body: `
      We krijgen een nieuw officieel adres automatisch via het rijksregister, zodra de klant zich bij de gemeente ingeschreven heeft en de wijkagent langs geweest is. Dat duurt meestal enkele weken.

      **Komt de post nog op het oude adres?**
      1. Kijk in het CRM (Klant > Adressen) of er een apart correspondentieadres is. Dat wordt niet automatisch aangepast.
      2. Pas het correspondentieadres aan na identificatie met itsme, of laat de klant het zelf doen in de app (Profiel > Adressen).
      3. Is het officiële adres nog niet aangepast? Wacht op het rijksregister; wijzig het officiële adres niet manueel.

      Documenten die al verstuurd werden, sturen we niet opnieuw. De klant vindt ze in de app bij Documenten.
    `,
    source: {
      author: "bram",
      daysAgo: 75,
      title: "Klant verhuisd, post komt nog op het oude adres",
      body: `
        Klant was drie maanden geleden verhuisd en kreeg onze brieven nog op zijn oude adres. Hij dacht dat de gemeente het aan ons doorgaf. Wij krijgen het nieuwe adres automatisch uit het rijksregister, maar een apart correspondentieadres past niet vanzelf aan.
        Bij hem stond zo'n apart correspondentieadres. Aangepast in het CRM.
      `,
    },
    merged: [
      {
        author: "sofie",
        daysAgo: 22,
        title: "Klant verhuist naar Spanje: adres zelf aanpassen?",
        body: `
          Gepensioneerde klant verhuist naar Spanje en wou zijn adres aanpassen in de app. Dat kan technisch, maar een verhuis naar het buitenland heeft gevolgen voor de rekeningen (fiscaliteit, wettelijke informatie). Afspraak gemaakt met het kantoor en zelf niets gewijzigd.
        `,
        add: `
          **Verhuis naar het buitenland:** ook die wijziging komt via het rijksregister, maar ze heeft gevolgen voor de rekeningen (fiscaliteit, wettelijke informatie). Maak een afspraak met het kantoor en wijzig zelf niets.
        `,
      },
    ],
  },
  {
    title: "Klacht over de rente of de dienstverlening: hoe en waar?",
    tags: ["klacht", "basisrente"],
    helpful: 4,
    reuse: 13,
    body: `
      Elke klant mag een klacht indienen. Probeer het gesprek niet af te blokken: een klacht is nuttige informatie.

      **Hoe**
      1. Registreer de klacht in het CRM (Klacht > Nieuw), met de woorden van de klant. Of verwijs naar het klachtenformulier op de website.
      2. Zeg wat er gebeurt: de klachtendienst antwoordt schriftelijk, binnen 15 werkdagen.
      3. Geef het klachtnummer mee dat het CRM toont.

      **Niet tevreden met het antwoord?** De klant kan gratis terecht bij Ombudsfin, de ombudsman in financiële geschillen. Het adres staat in het antwoord van de klachtendienst.

      Wil een ontevreden klant geen formele klacht indienen, noteer het dan toch als 'Opmerking' in het CRM. De klachtendienst gebruikt die voor haar rapportering.
    `,
    source: {
      author: "wout",
      daysAgo: 67,
      title: "Klant wil officiële klacht indienen over rentedaling",
      body: `
        Klant wou een 'officiële klacht' indienen, niet gewoon met mij praten. Dat mag natuurlijk. Klachtenformulier op de website, of wij registreren de klacht in het CRM (Klacht > Nieuw). Antwoord binnen 15 werkdagen. Niet tevreden met ons antwoord? Dan kan hij naar Ombudsfin.
        Hij vond het fijn dat ik hem niet probeerde tegen te houden.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 20,
        title: "Klacht per mail gestuurd naar algemeen adres",
        body: `
          Klant had zijn klacht naar ons algemene mailadres gestuurd en belde twee weken later waarom hij niets hoorde. De mail was doorgestuurd, maar nooit als klacht geregistreerd. Ik heb ze alsnog in het CRM gezet. Een klacht per mail of brief telt evengoed.
        `,
        add: `
          Een klacht per mail of brief is evengoed geldig. Registreer ze toch in het CRM, zodat de termijn van 15 werkdagen loopt vanaf de ontvangst.
        `,
      },
    ],
  },
  {
    title: "Klant zonder app of computer: wat kan er allemaal?",
    tags: ["toegankelijkheid", "overschrijving", "spaarrekening"],
    community: "sparen",
    helpful: 6,
    reuse: 14,
    body: `
      Niet elke klant wil of kan digitaal bankieren. Dat hoeft ook niet.

      **Wat kan zonder app of computer**
      - Overschrijven met papieren overschrijvingsformulieren (te bestellen via CRM > Documenten), af te geven in het kantoor of in de brievenbus van het kantoor.
      - Rekeninguittreksels per post, wekelijks of maandelijks.
      - Geld afhalen aan het loket of aan de automaat met de bankkaart.
      - Doorlopende opdrachten laten instellen door ons of in het kantoor.
      - Een vertrouwenspersoon een volmacht geven (zie 'Volmacht op een spaarrekening geven: de stappen').

      **Kosten:** sommige papieren diensten zijn betalend. Kijk in de tarievenlijst welke diensten gratis zijn voor klanten vanaf 70 jaar.

      Stuur de brochure 'Bankieren zonder app' op (CRM > Documenten); die vat dit samen.
    `,
    source: {
      author: "sofie",
      daysAgo: 59,
      community: "sparen",
      title: "Klant van 84 wil alles op papier",
      body: `
        Klant van 84 heeft geen smartphone en geen computer, en wou weten of ze 'nog wel klant kon blijven'. Natuurlijk. Papieren overschrijvingsformulieren, uittreksels per post, geld afhalen in het kantoor of aan de automaat, en voor de rest belt ze ons.
        Ze was opgelucht. Zou fijn zijn als we een overzichtje hadden om op te sturen.
      `,
    },
    merged: [
      {
        author: "jens",
        daysAgo: 16,
        title: "Dove klant kan ons niet bellen",
        body: `
          Zoon van een dove klant belde namens zijn vader: die kan niet telefoneren en heeft geen app. Hij kan ons een bericht sturen via het contactformulier, of bellen via de tolkendienst voor doven (CAB). In het CRM kan je bij Communicatievoorkeur noteren dat hij alleen schriftelijk contact wil.
        `,
        add: `
          **Kan de klant niet telefoneren** (doof of slechthorend)? Hij kan ons schrijven via het contactformulier of bellen via de tolkendienst voor doven (CAB). Noteer de voorkeur in het CRM (Klant > Communicatievoorkeur).
        `,
      },
    ],
  },
];
