/**
 * Knowledge-base entries about savings: spaarrekening, rente, termijnrekening, fiscaliteit, minderjarigen.
 * Each entry carries the note it was published from and the notes merged into it later.
 */
import type { EntrySeed } from "./types";

export const savingsEntries: EntrySeed[] = [
  {
    title: "Getrouwheidspremie: wanneer verliest de klant ze?",
    tags: ["getrouwheidspremie", "spaarrekening"],
    community: "sparen",
    helpful: 9,
    reuse: 31,
    body: `
      De getrouwheidspremie is extra rente op elk bedrag dat 12 maanden ononderbroken op dezelfde spaarrekening blijft staan. Elke storting start haar eigen periode van 12 maanden.

      **De klant verliest de premie in opbouw op het bedrag dat hij:**
      - afhaalt of overschrijft naar een zichtrekening of naar iemand anders voor de 12 maanden om zijn;
      - laat staan op een rekening die hij afsluit voor het einde van de periode.

      **De premie blijft wel lopen bij een tariefwijziging:** voor bedragen die al in een periode zitten, blijft het premietarief van de dag van de storting gelden tot de 12 maanden om zijn.

      Een opname wordt altijd eerst aangerekend op het geld dat het laatst gestort werd. Zo verliest de klant zo weinig mogelijk premie.

      Tip voor het gesprek: open in het CRM 'Premie in opbouw'. Daar zie je per storting tot wanneer de periode loopt.
    `,
    source: {
      author: "sarah",
      daysAgo: 118,
      community: "sparen",
      title: "Klant boos: premie kwijt na overschrijving naar zichtrekening",
      body: `
        Klant had 8.000 euro van zijn spaarrekening naar zijn zichtrekening gezet om een auto te betalen en snapte niet waarom zijn getrouwheidspremie op dat bedrag weg was. Uitgelegd dat de premie pas verworven is na 12 maanden ononderbroken op de rekening.
        Wat werkte: samen met hem in het CRM bij 'Premie in opbouw' kijken, storting per storting. Toen zag hij dat de rest van zijn spaargeld wel nog premie opbouwt en was hij gerust.
      `,
    },
    merged: [
      {
        author: "lotte",
        daysAgo: 74,
        title: "Interne overschrijving tussen twee spaarrekeningen: premie loopt door",
        body: `
          Klant wou geld van haar gewone spaarrekening naar haar spaarrekening met spaardoel zetten en was bang haar premie te verliezen. Bij ons loopt de getrouwheidsperiode gewoon door, op voorwaarde dat het geld al 3 maanden op de eerste rekening stond. Maximaal 3 keer per kalenderjaar, daarna start de periode opnieuw.
          Misschien goed om in het artikel over de getrouwheidspremie te zetten?
        `,
        add: `
          **Interne overschrijving naar een andere spaarrekening van dezelfde klant:** de getrouwheidsperiode loopt door als het bedrag al minstens 3 maanden op de eerste spaarrekening stond. Dat kan maximaal 3 keer per kalenderjaar; vanaf de vierde keer start voor dat bedrag een nieuwe periode van 12 maanden.
        `,
        reason: "Goede aanvulling, die vraag krijgen we vaak. Toegevoegd onderaan het artikel.",
      },
    ],
  },
  {
    title: "Basisrente en getrouwheidspremie: hoe leg ik het verschil kort uit?",
    tags: ["basisrente", "getrouwheidspremie"],
    community: "sparen",
    helpful: 7,
    reuse: 22,
    body: `
      Klanten zien in reclame vaak één totaalcijfer. Leg uit dat dat uit twee delen bestaat:

      - **Basisrente:** loopt per dag dat het geld op de rekening staat en wordt één keer per jaar uitbetaald.
      - **Getrouwheidspremie:** extra rente op elk bedrag dat 12 maanden ononderbroken op de rekening blijft. Ze wordt uitbetaald na het kwartaal waarin de 12 maanden vol zijn.

      Een beeld dat goed werkt aan de telefoon: de basisrente is het loon per dag, de premie is de bonus voor wie een jaar blijft.

      Geef pas daarna de actuele tarieven (tarievenlijst op intranet, rubriek Sparen). Noem nooit een 'totaalrente' zonder erbij te zeggen dat de premie pas na 12 maanden komt.
    `,
    source: {
      author: "jens",
      daysAgo: 112,
      community: "sparen",
      title: "Uitleg basisrente vs premie die klanten wél snappen",
      body: `
        Veel klanten denken dat ze de rente uit de reclame meteen krijgen. Ik gebruik nu altijd dit beeld: de basisrente is je 'loon' per dag dat het geld er staat, de getrouwheidspremie is een 'bonus' als je het een jaar laat staan. Daarna pas de cijfers geven.
        Scheelt echt veel heen-en-weer gepraat.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 60,
        title: "Rekenvoorbeeld helpt meer dan percentages",
        body: `
          Ik reken nu altijd een voorbeeld voor met het bedrag van de klant: 10.000 euro een heel jaar laten staan, zoveel basisrente en zoveel premie, met de tarieven van vandaag uit de tarievenlijst. Klanten onthouden een bedrag veel beter dan een percentage. En ze bellen minder terug.
        `,
        add: `
          Reken een voorbeeld voor met het bedrag van de klant en de tarieven van vandaag: 'Als u 10.000 euro een heel jaar laat staan, krijgt u zoveel basisrente en zoveel premie.' Een bedrag onthouden klanten beter dan een percentage.
        `,
      },
    ],
  },
  {
    title: "Wanneer wordt de rente op de spaarrekening uitbetaald?",
    tags: ["basisrente", "getrouwheidspremie", "spaarrekening"],
    community: "sparen",
    helpful: 6,
    reuse: 19,
    body: `
      **Basisrente:** één keer per jaar, met valutadatum 1 januari. In de app verschijnt de boeking soms pas enkele werkdagen later; de klant verliest niets, want de valutadatum telt.

      **Getrouwheidspremie:** per kwartaal, na afloop van het kwartaal waarin de 12 maanden voor een bedrag vol zijn. Valutadatum: de eerste dag van het volgende kwartaal.

      **Bij het afsluiten van de rekening:** de basisrente tot de afsluitdatum en de verworven premies worden meteen berekend en mee overgeschreven.

      Waar vindt de klant het? In de app via Rekening > Details > Rente. Het fiscaal attest geeft het totaal per jaar.
    `,
    source: {
      author: "wout",
      daysAgo: 105,
      community: "sparen",
      title: "Waar blijft de rente? Klant verwachtte elk kwartaal iets",
      body: `
        Klant verwachtte elk kwartaal rente te zien, zoals bij zijn vorige bank. Bij ons komt de basisrente één keer per jaar, met valutadatum 1 januari, en de getrouwheidspremie per kwartaal zodra ze verworven is.
        Ik heb het hem getoond in het rentedetail in de app (Rekening > Details > Rente). Dat scherm kende hij niet.
      `,
    },
    merged: [
      {
        author: "hanne",
        daysAgo: 60,
        title: "Rente bij afsluiten niet apart zichtbaar op uittreksel",
        body: `
          Klant had zijn spaarrekening afgesloten en vond de rente niet terug op zijn uittreksel. Die zit in dezelfde boeking als het saldo, met als omschrijving 'Afsluiting rekening incl. rente'. In de detailweergave staat het bedrag apart. Klant was gerust toen ik het aan de telefoon voor hem uitsplitste.
        `,
        add: `
          Let op: bij het afsluiten staan saldo en rente in één boeking met de omschrijving 'Afsluiting rekening incl. rente'. Open de detailweergave van de boeking om de rente apart te tonen.
        `,
      },
    ],
  },
  {
    title: "Rentedaling: hoe breng ik het nieuws aan een ontevreden klant?",
    tags: ["basisrente", "getrouwheidspremie", "klacht"],
    community: "sparen",
    state: "NEEDS_REVIEW",
    reviewMonths: 3,
    helpful: 5,
    reuse: 17,
    body: `
      Bij een tariefwijziging krijgt de klant vooraf een bericht. Veel klanten bellen daarna. Een aanpak die werkt:

      1. Erken eerst de frustratie, zonder meteen uit te leggen of te verdedigen.
      2. Leg uit wat er verandert: de nieuwe basisrente geldt vanaf de wijzigingsdatum.
      3. Zeg duidelijk wat niet verandert: voor bedragen die al in een getrouwheidsperiode zitten, blijft het premietarief van de dag van storting gelden tot de 12 maanden om zijn.
      4. Wil de klant een formele klacht indienen, verwijs dan naar 'Klacht over de rente of de dienstverlening: hoe en waar?'.

      Vermijd discussies over de marktrente of over tarieven van andere banken; dat klinkt als een excuus.

      De actuele tarieven staan in de tarievenlijst op intranet. Dit artikel wordt nagekeken bij elke tariefwijziging.
    `,
    source: {
      author: "elif",
      daysAgo: 116,
      community: "sparen",
      title: "Veel bellers over verlaagde basisrente",
      body: `
        Sinds de brief over de nieuwe tarieven krijg ik veel bellers die boos zijn. Wat werkte:
        - eerst erkennen ('ik begrijp dat dat vervelend is');
        - dan uitleggen dat de premie die al loopt niet verloren gaat;
        - niet beginnen over de marktrente, dat klinkt als een excuus.
        Wie echt wil klagen: doorverwijzen naar het klachtenformulier.
      `,
    },
    merged: [
      {
        author: "jens",
        daysAgo: 40,
        title: "Klant vraagt of hij zijn geld moet weghalen na rentedaling",
        body: `
          Klant vroeg na de rentedaling letterlijk 'moet ik mijn geld weghalen?'. Geen advies gegeven. Wel getoond hoeveel premie hij zou verliezen als hij nu alles afhaalt: bijna 90 euro die over twee maanden verworven is. Hij besliste zelf om te wachten.
        `,
        add: `
          Vraagt de klant of hij zijn geld beter elders zet: geef geen advies. Toon wel hoeveel premie in opbouw hij zou verliezen (CRM > Premie in opbouw) en laat hem zelf kiezen.
        `,
      },
    ],
  },
  {
    title: "Nieuwe spaarrekening openen in de app: hoe gaat dat?",
    tags: ["spaarrekening", "app"],
    helpful: 5,
    reuse: 14,
    body: `
      De klant kan zelf een extra spaarrekening openen in de app, als hij meerderjarig is en al een zichtrekening bij ons heeft.

      1. Ga naar Producten > Sparen > Rekening openen (niet onder 'Rekeningen').
      2. Kies het type spaarrekening en, als de klant dat wil, een naam of een spaardoel.
      3. Duid de zichtrekening aan waarop rente en opnames terechtkomen.
      4. Bevestig met itsme of met de kaartlezer.

      De rekening staat meteen in het overzicht en kan dezelfde dag gestort worden.

      Lukt het niet? Controleer of de app up-to-date is en of de beller geen volmachthebber is: een volmachthebber kan geen rekening openen op naam van de titularis.
    `,
    source: {
      author: "bram",
      daysAgo: 98,
      title: "Spaarrekening openen in app: knop zit verstopt",
      body: `
        Klant zocht 10 minuten naar hoe ze een extra spaarrekening kon openen in de app. Het zit onder Producten > Sparen > Rekening openen, niet onder Rekeningen. Daarna ging het vlot: bevestigen met itsme en de rekening staat er meteen.
        Tip: vragen of ze meteen een spaardoel wil koppelen.
      `,
    },
    merged: [
      {
        author: "hanne",
        daysAgo: 31,
        title: "Knop 'Rekening openen' ontbreekt bij klant zonder zichtrekening",
        body: `
          Klant zag de knop 'Rekening openen' helemaal niet staan. Ze had alleen een spaarrekening bij ons, haar zichtrekening is bij een andere bank. Dan kan het niet in de app, alleen in het kantoor. Ze was er niet blij mee, maar begreep het.
        `,
        add: `
          Heeft de klant geen zichtrekening bij ons, dan verschijnt de knop niet. Een extra spaarrekening openen kan dan alleen in het kantoor, of de klant opent eerst een zichtrekening.
        `,
      },
    ],
  },
  {
    title: "Spaarrekening afsluiten: wat gebeurt er met de rente en de premie?",
    tags: ["spaarrekening", "getrouwheidspremie"],
    community: "sparen",
    helpful: 6,
    reuse: 16,
    body: `
      Bij het afsluiten van een spaarrekening:

      - wordt de basisrente berekend tot de afsluitdatum;
      - worden alle verworven getrouwheidspremies uitbetaald;
      - vervalt de premie in opbouw voor bedragen die nog geen 12 maanden op de rekening staan.

      **Wat je doet**
      1. Toon de klant in het CRM (Premie in opbouw) welke bedragen bijna hun 12 maanden halen.
      2. Laat de klant zelf beslissen; geef geen advies om te blijven of te vertrekken.
      3. Afsluiten kan in de app (Rekening > Instellingen > Rekening afsluiten) of met een ondertekend formulier dat wij opsturen.

      Het saldo gaat naar de gekoppelde zichtrekening of naar een andere rekening op naam van de klant.
    `,
    source: {
      author: "ruben",
      daysAgo: 101,
      title: "Afsluiten spaarrekening: klant wist niet dat premie verloren gaat",
      body: `
        Klant wou zijn spaarrekening afsluiten om naar een andere bank te gaan met 'betere rente'. Ik heb hem eerst laten zien hoeveel premie hij zou verliezen: op twee stortingen liep de periode nog maar een paar weken. Hij heeft beslist om nog een maand te wachten.
        Niet pushen, gewoon de cijfers tonen.
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 52,
        title: "Spaarrekening afgesloten, doorlopende opdracht liep nog",
        body: `
          Klant sloot zijn spaarrekening af in de app, maar er liep nog een doorlopende opdracht van zijn zichtrekening naar die spaarrekening. Die faalt dan elke maand en hij kreeg telkens een melding 'betaling mislukt'. Altijd even vragen of er nog opdrachten naar de rekening lopen.
        `,
        add: `
          Vraag altijd of er nog doorlopende opdrachten naar de spaarrekening lopen. Die worden niet automatisch stopgezet en mislukken anders elke maand, met een melding 'betaling mislukt' voor de klant.
        `,
      },
    ],
  },
  {
    title: "Waarom kan de klant niet rechtstreeks van zijn spaarrekening naar iemand anders overschrijven?",
    tags: ["spaarrekening", "overschrijving"],
    helpful: 4,
    reuse: 12,
    body: `
      Een gereglementeerde spaarrekening is geen betaalrekening. De verrichtingen zijn daarom beperkt; daartegenover staat de fiscale vrijstelling op de rente.

      **Wat wel kan vanaf de spaarrekening**
      - Overschrijven naar een zichtrekening of spaarrekening op naam van de klant zelf.
      - Contant geld afhalen aan het loket in het kantoor.

      **Wat niet kan:** facturen of aankopen rechtstreeks betalen, domiciliëringen, kaartbetalingen.

      Voor overschrijvingen naar familieleden gelden aparte voorwaarden; kijk ze na in de tarievenlijst (rubriek Voorwaarden) voor je iets belooft.

      Aan de telefoon: leg uit dat de klant eerst naar zijn zichtrekening overschrijft. Een interne overschrijving staat er meteen.
    `,
    source: {
      author: "kaat",
      daysAgo: 95,
      title: "Overschrijving naar derde vanaf spaarrekening geweigerd",
      body: `
        Klant wou de factuur van de aannemer rechtstreeks van zijn spaarrekening betalen en kreeg een foutmelding. Een gereglementeerde spaarrekening is om te sparen, niet om te betalen. Oplossing: eerst naar zijn zichtrekening, dan betalen.
        Hij vond het omslachtig, maar begreep het toen ik zei dat dat de voorwaarde is voor de vrijstelling op zijn rente.
      `,
    },
    merged: [
      {
        author: "ruben",
        daysAgo: 38,
        title: "Geld afhalen aan automaat rechtstreeks van spaarrekening?",
        body: `
          Klant vroeg waarom hij met zijn bankkaart geen geld kon afhalen van zijn spaarrekening. Kan niet, de kaart hangt aan de zichtrekening. Eerst in de app overschrijven naar de zichtrekening (staat er meteen) en dan afhalen. Twee minuten werk, maar hij wist het niet.
        `,
        add: `
          Geld afhalen aan de automaat kan niet rechtstreeks van de spaarrekening: de bankkaart hangt aan de zichtrekening. De klant schrijft eerst over naar zijn zichtrekening (in de app staat het er meteen) en haalt dan af.
        `,
      },
    ],
  },
  {
    title: "Spaardoel instellen of aanpassen in de app",
    tags: ["spaardoel", "app", "spaarrekening"],
    community: "digitaal",
    helpful: 5,
    reuse: 13,
    body: `
      Een spaardoel is een naam, een bedrag en eventueel een datum die de klant aan een spaarrekening koppelt. De app toont dan de voortgang.

      **Spaardoel instellen**
      1. Open de spaarrekening in de app.
      2. Tik op 'Spaardoel toevoegen'.
      3. Vul de naam, het doelbedrag en eventueel een einddatum in.

      **Aanpassen of verwijderen:** via het potloodje rechtsboven op de doelkaart, niet via Instellingen.

      **Automatisch sparen voor het doel:** op de doelkaart 'Maandelijks storten' kiezen. Dat maakt een doorlopende opdracht vanaf de zichtrekening.

      Een spaardoel is alleen een weergave: het beperkt geen opnames en verandert niets aan rente of premie.
    `,
    source: {
      author: "tom",
      daysAgo: 90,
      community: "digitaal",
      title: "Spaardoel: klant wil bedrag aanpassen maar vindt het niet",
      body: `
        Klant had een spaardoel 'Reis Japan' van 4.000 euro en wou dat verhogen. Aanpassen kan via het potloodje rechtsboven op de doelkaart, niet via Instellingen.
        Ook handig: je kan een automatische maandelijkse storting koppelen aan het doel.
      `,
    },
    merged: [
      {
        author: "lotte",
        daysAgo: 41,
        title: "Spaardoel bereikt: klant dacht dat haar geld geblokkeerd was",
        body: `
          Klant kreeg de melding 'Proficiat, doel bereikt!' en dacht dat ze nu niet meer aan haar geld kon. Uitgelegd dat een doel niets blokkeert. Ze vroeg ook of het doel vanzelf verdwijnt: nee, het blijft staan tot ze het zelf verwijdert of een nieuw bedrag ingeeft.
        `,
        add: `
          **Doel bereikt?** De klant krijgt een melding, maar er wordt niets geblokkeerd. Het doel blijft zichtbaar tot de klant het zelf verwijdert of een nieuw doelbedrag ingeeft.
        `,
      },
    ],
  },
  {
    title: "Automatisch sparen: een doorlopende opdracht naar de spaarrekening instellen",
    tags: ["spaarrekening", "overschrijving", "spaardoel"],
    community: "sparen",
    helpful: 4,
    reuse: 9,
    body: `
      De klant kan zelf een doorlopende opdracht maken van zijn zichtrekening naar zijn spaarrekening.

      1. In de app: Betalen > Doorlopende opdrachten > Nieuwe opdracht.
      2. Kies de spaarrekening als begunstigde, het bedrag en de frequentie.
      3. Kies de uitvoeringsdag. Tip: een dag na het loon of de uitkering.
      4. Bevestig met itsme of de kaartlezer.

      Valt de uitvoeringsdag op een weekend of feestdag, dan gebeurt de overschrijving de volgende werkdag.

      Onvoldoende saldo op de zichtrekening? Dan wordt de opdracht die maand niet uitgevoerd en krijgt de klant een melding. Er wordt later niet opnieuw geprobeerd.
    `,
    source: {
      author: "hanne",
      daysAgo: 88,
      community: "sparen",
      title: "Automatisch sparen: klant wou zelf de dag van de maand kiezen",
      body: `
        Klant wou elke maand 100 euro laten sparen, maar pas een dag na haar loon. In de app kan je de uitvoeringsdag zelf kiezen bij een doorlopende opdracht. Valt die dag in het weekend, dan gebeurt het de volgende werkdag.
        Ze was blij dat ze het later zelf kon wijzigen zonder ons te bellen.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 27,
        title: "Wisselgeld sparen als alternatief voor vaste opdracht",
        body: `
          Jonge klant vond een vast bedrag per maand te veel. Ik heb haar 'Wisselgeld sparen' getoond: elke kaartbetaling wordt afgerond naar de volgende euro en het verschil gaat naar de spaarrekening. Aanzetten via Spaarrekening > Automatisch sparen. Ze zette het meteen aan.
        `,
        add: `
          **Alternatief: Wisselgeld sparen** (Spaarrekening > Automatisch sparen). Elke kaartbetaling wordt afgerond naar de volgende euro en het verschil gaat naar de spaarrekening. Handig voor klanten die geen vast bedrag willen vastleggen.
        `,
      },
    ],
  },
  {
    title: "Gezamenlijke spaarrekening: wie mag wat doen?",
    tags: ["spaarrekening", "volmacht"],
    community: "sparen",
    helpful: 6,
    reuse: 15,
    body: `
      Een spaarrekening kan op naam van twee (of meer) titularissen staan. Wat elk van hen mag, hangt af van de beschikkingsregeling die bij de opening gekozen werd. Die staat in het CRM bij 'Beschikkingsregeling'.

      - **Elk afzonderlijk:** elke titularis mag alleen opnemen, overschrijven en de rekening raadplegen.
      - **Gezamenlijk (onverdeeld):** voor opnames en overschrijvingen zijn alle titularissen samen nodig; raadplegen mag elk afzonderlijk.

      De rekening afsluiten of de regeling wijzigen kan altijd alleen met alle titularissen samen.

      **Conflict tussen titularissen** (scheiding, ruzie over geld): beloof niets, geef geen advies over wie recht heeft op wat en verwijs voor een wijziging naar een afspraak in het kantoor. Bij een echtscheiding kan een titularis vragen om de rekening te laten blokkeren tot er een akkoord is.
    `,
    source: {
      author: "sofie",
      daysAgo: 84,
      community: "sparen",
      title: "Medetitularis wil alles afhalen zonder de andere",
      body: `
        Klant (gescheiden, nog samen titularis van een spaarrekening met haar ex) wou weten of ze alles mocht afhalen. Hangt af van hoe de rekening geopend is: 'onverdeeld' betekent beide handtekeningen nodig, 'elk afzonderlijk' betekent dat elk alleen mag. In het CRM staat het bij Beschikkingsregeling.
        Bij een conflict: niets beloven en doorverwijzen naar het kantoor.
      `,
    },
    merged: [
      {
        author: "wout",
        daysAgo: 45,
        title: "Medetitularis overleden: gezamenlijke rekening ook geblokkeerd",
        body: `
          Klant belde dat ze niet meer aan de gezamenlijke spaarrekening kon sinds haar man overleden is. Ze dacht dat 'elk afzonderlijk' betekende dat zij gewoon verder kon. Nee: bij een overlijden wordt de hele gezamenlijke rekening geblokkeerd. Verwezen naar de regeling voor dringende opnames door de partner.
        `,
        add: `
          **Overlijdt een van de titularissen,** dan wordt de gezamenlijke rekening volledig geblokkeerd, ook voor de andere titularis en ook bij 'elk afzonderlijk'. Zie 'Eerste melding van een overlijden: wat doe je aan de telefoon?'.
        `,
      },
    ],
  },
  {
    title: "Termijnrekening vervroegd opnemen: kan dat?",
    tags: ["termijnrekening"],
    helpful: 5,
    reuse: 18,
    body: `
      Een termijnrekening loopt tot de vervaldag. Het geld vroegtijdig opnemen is in principe niet mogelijk.

      **Uitzonderingen**
      - Overlijden van de (enige) titularis: de erfgenamen kunnen de termijnrekening laten afsluiten in het kader van de nalatenschap, zonder vergoeding.
      - In andere gevallen kan het kantoor uitzonderlijk een vroegtijdige opname toestaan, mits een wederbeleggingsvergoeding. Dat is geen recht van de klant.

      **Aan de telefoon**
      1. Leg uit dat de termijn in principe vastligt.
      2. Beloof geen uitzondering en noem geen bedrag voor de vergoeding.
      3. Maak een terugbelverzoek voor het kantoor aan (CRM > Taken > 'Vervroegde opname termijnrekening').
    `,
    source: {
      author: "wout",
      daysAgo: 110,
      title: "Termijnrekening openbreken voor dringende herstelling",
      body: `
        Klant had een termijnrekening van 5 jaar en had geld nodig voor een dringende herstelling aan zijn dak. Vroegtijdig opnemen kan bij ons niet zomaar. Enige uitzonderingen: overlijden van de titularis, of een akkoord van het kantoor met een vergoeding.
        Klant was teleurgesteld. Ik heb gezegd dat het kantoor zijn vraag bekijkt, zonder iets te beloven.
      `,
    },
    merged: [
      {
        author: "sarah",
        daysAgo: 63,
        title: "Gedeeltelijke opname termijnrekening kan niet",
        body: `
          Klant vroeg of hij een deel van zijn termijnrekening kon opnemen en de rest laten staan. Kan niet: het is alles of niets, ook bij een uitzondering via het kantoor. Goed om dat meteen te zeggen, dan verwacht de klant niet te veel.
        `,
        add: `
          Een gedeeltelijke opname bestaat niet: ook bij een toegestane uitzondering wordt de volledige termijnrekening afgesloten. Zeg dat meteen, zodat de klant niet te veel verwacht.
        `,
      },
    ],
  },
  {
    title: "Wat gebeurt er op de vervaldag van een termijnrekening?",
    tags: ["termijnrekening", "spaarrekening"],
    community: "sparen",
    helpful: 4,
    reuse: 11,
    body: `
      Op de vervaldag gebeurt wat de klant bij de opening koos. De keuze staat in de app en in het CRM bij 'Instructie op vervaldag'.

      - **Automatische verlenging:** dezelfde looptijd, aan het tarief dat geldt op de vervaldag (niet aan het oude tarief).
      - **Uitbetaling:** kapitaal en rente (na roerende voorheffing) gaan naar de gekozen rekening, meestal de spaarrekening.

      **Instructie wijzigen:** kan tot en met de werkdag voor de vervaldag, in de app (Termijnrekening > Instructie op vervaldag) of via ons.

      **Na de vervaldag:** een uitbetaalde termijnrekening kan niet meer verlengd worden; de klant opent een nieuwe, aan het tarief van dat moment.

      De klant krijgt 30 dagen voor de vervaldag een bericht.
    `,
    source: {
      author: "jens",
      daysAgo: 100,
      community: "sparen",
      title: "Termijnrekening vervallen: geld staat op spaarrekening, klant verrast",
      body: `
        Klant dacht dat zijn termijnrekening automatisch verlengd zou worden, maar het geld stond ineens op zijn spaarrekening. Bij de opening was 'uitbetaling op vervaldag' gekozen. Dat staat op het contract en in de app bij 'Instructie op vervaldag'.
        Verlengen kan tot de vervaldag in de app, daarna moet hij een nieuwe openen aan het tarief van dan.
      `,
    },
    merged: [
      {
        author: "elif",
        daysAgo: 33,
        title: "Bericht over vervaldag niet gezien: meldingen stonden uit",
        body: `
          Klant zei dat hij nooit verwittigd was van de vervaldag. Het bericht stond wel in de app bij Berichten, maar hij had pushmeldingen uitgezet en opent dat scherm nooit. Klanten zonder app krijgen een brief, hij dus niet.
        `,
        add: `
          Het bericht komt in de app bij Berichten, met een pushmelding als de klant die niet uitzette. Klanten zonder app krijgen een brief. Zegt de klant dat hij niets kreeg, kijk dan samen bij Berichten.
        `,
      },
    ],
  },
  {
    title: "Termijnrekening of spaarrekening? De verschillen uitleggen zonder te adviseren",
    tags: ["termijnrekening", "spaarrekening", "roerende voorheffing"],
    community: "sparen",
    helpful: 8,
    reuse: 24,
    body: `
      We geven aan de telefoon geen persoonlijk advies. Je mag wel de verschillen feitelijk uitleggen. Wil de klant advies, maak dan een afspraak met een adviseur in het kantoor.

      **Spaarrekening**
      - Geld altijd beschikbaar.
      - Rente kan wijzigen; getrouwheidspremie na 12 maanden.
      - Rente vrijgesteld van roerende voorheffing tot een jaarlijks bedrag per persoon.

      **Termijnrekening**
      - Geld vast tot de vervaldag.
      - Rente vast voor de hele looptijd.
      - 30% roerende voorheffing op alle rente, zonder vrijstelling.

      Zinnen die werken: 'Ik kan u de verschillen uitleggen; de keuze is aan u.' en 'Wilt u dat een adviseur u daarover terugbelt?'
    `,
    source: {
      author: "sofie",
      daysAgo: 94,
      community: "sparen",
      title: "Klant vraagt 'wat is het beste voor mij': geen advies geven",
      body: `
        Oudere klant vroeg wat hij moest doen met 20.000 euro: spaarrekening of termijnrekening. We mogen geen advies geven.
        Wat werkte: de verschillen naast elkaar zetten (wanneer beschikbaar, rente vast of niet, belasting) en hem zelf laten kiezen. Voor echt advies: afspraak met een adviseur in het kantoor.
      `,
    },
  },
  {
    title: "Roerende voorheffing op een termijnrekening",
    tags: ["termijnrekening", "roerende voorheffing"],
    helpful: 3,
    reuse: 10,
    body: `
      Op de rente van een termijnrekening houden we 30% roerende voorheffing in. De vrijstelling die voor een gereglementeerde spaarrekening geldt, bestaat hier niet.

      - De voorheffing wordt ingehouden op het moment dat de rente uitbetaald wordt: op de vervaldag, of jaarlijks bij een meerjarige termijnrekening met jaarlijkse rente.
      - Met die inhouding is de belasting definitief geregeld; de klant hoeft de rente niet aan te geven.
      - Op het rekeninguittreksel staan bruto rente, voorheffing en netto rente apart.

      Tip: reken het nettobedrag voor met de klant (bruto rente × 0,70). Dat voorkomt de meeste misverstanden.
    `,
    source: {
      author: "elif",
      daysAgo: 86,
      title: "Klant verbaasd over 30% op rente termijnrekening",
      body: `
        Klant vergeleek de rente van zijn termijnrekening met die van zijn spaarrekening en vond dat hij minder kreeg dan beloofd. Het verschil: op een termijnrekening houden we 30% roerende voorheffing in, zonder vrijstelling. Ik heb het nettobedrag voorgerekend.
        Zou handig zijn als dat ook op de simulatie in de app stond.
      `,
    },
  },
  {
    title: "Vrijstelling van roerende voorheffing op spaarrente: hoe werkt het?",
    tags: ["roerende voorheffing", "spaarrekening"],
    community: "sparen",
    helpful: 8,
    reuse: 27,
    body: `
      De rente van een gereglementeerde spaarrekening (basisrente en getrouwheidspremie) is vrijgesteld van belasting tot een bedrag per persoon per jaar. Dat bedrag wordt elk jaar geïndexeerd; het actuele bedrag staat in de tarievenlijst (rubriek Fiscaliteit).

      - Rente tot dat bedrag: geen roerende voorheffing.
      - Rente boven dat bedrag: we houden 15% roerende voorheffing in op het deel erboven.
      - De vrijstelling geldt per persoon, niet per rekening. Voor gehuwden en wettelijk samenwonenden: zie 'Dubbele vrijstelling voor gehuwden en wettelijk samenwonenden'.

      We houden alleen rekening met de rekeningen bij ons. Wat de klant bij andere banken heeft, zien wij niet.
    `,
    source: {
      author: "youssef",
      daysAgo: 108,
      community: "sparen",
      title: "Klant snapt niet waarom er plots voorheffing op zijn spaarrente zit",
      body: `
        Klant met een flinke spaarpot zag voor het eerst roerende voorheffing op zijn spaarrente. Zijn rente kwam dit jaar boven het vrijgestelde bedrag uit. Alleen op het deel erboven houden we 15% in.
        Ik heb het bedrag van de vrijstelling opgezocht in de tarievenlijst, want dat wordt elk jaar geïndexeerd. Niet uit het hoofd zeggen dus.
      `,
    },
    merged: [
      {
        author: "ruben",
        daysAgo: 47,
        title: "Spaarrekeningen bij drie banken: moet klant iets doen?",
        body: `
          Klant heeft spaarrekeningen bij ons en bij twee andere banken. Elke bank past de vrijstelling apart toe, dus samen kan hij erboven zitten zonder dat iemand voorheffing inhoudt. Dan moet hij het deel boven de vrijstelling zelf aangeven in zijn belastingaangifte.
          Ik heb gezegd dat we daar geen fiscaal advies over geven, maar dat het in de toelichting bij de aangifte staat.
        `,
        add: `
          **Spaarrekeningen bij meerdere banken:** elke bank past de vrijstelling apart toe. Komt de klant samen boven het vrijgestelde bedrag, dan moet hij het deel erboven zelf aangeven in zijn belastingaangifte. Geef hierover geen verder fiscaal advies; verwijs naar de toelichting bij de aangifte of naar de FOD Financiën.
        `,
      },
    ],
  },
  {
    title: "Fiscaal attest: waar vindt de klant het en wat staat erop?",
    tags: ["roerende voorheffing", "attesten"],
    helpful: 5,
    reuse: 20,
    body: `
      Het fiscaal attest geeft per jaar de rente en de ingehouden roerende voorheffing, per rekening.

      **Waar vindt de klant het?**
      - In de app en in online bankieren: Documenten > Fiscale attesten.
      - Per post: alleen als de klant voor papieren documenten gekozen heeft.

      **Klant heeft geen app of vindt het niet?** Vraag het aan in het CRM (Documenten > Attest aanvragen > Fiscaal attest). Het komt binnen 5 werkdagen per post.

      Het attest van een gezamenlijke rekening staat op naam van alle titularissen. Dat van de rekening van een minderjarige staat op naam van het kind.
    `,
    source: {
      author: "hanne",
      daysAgo: 80,
      title: "Fiscaal attest niet ontvangen",
      body: `
        Klant zocht zijn fiscaal attest voor de aangifte. Wij sturen het niet meer per post, tenzij de klant daarvoor gekozen heeft. Het staat in de app onder Documenten > Fiscale attesten.
        Voor wie geen app heeft: aanvragen via ons, dan komt het binnen 5 werkdagen per post.
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 26,
        title: "Fiscaal attest van overleden vader voor de notaris",
        body: `
          Dochter vroeg het fiscaal attest van haar overleden vader, de notaris had het nodig. Dat kan niet meer uit de app, want de online toegang van de overledene is afgesloten. Loopt via het team Nalatenschappen, zij sturen het naar de notaris of naar de erfgenamen.
        `,
        add: `
          **Attest voor een overleden klant:** de erfgenamen of de notaris vragen het aan via het team Nalatenschappen. Het staat niet meer in de app, want de online toegang van de overledene is afgesloten.
        `,
      },
    ],
  },
  {
    title: "Saldo- of renteattest opvragen voor OCMW, notaris of studietoelage",
    tags: ["attesten", "spaarrekening"],
    helpful: 4,
    reuse: 13,
    body: `
      Klanten hebben soms een officieel attest nodig: voor het OCMW, een notaris, een studietoelage, een huurwaarborg of een visumaanvraag.

      **Soorten attesten** (CRM > Documenten > Attest aanvragen)
      - Saldo-attest: het saldo van een of meer rekeningen op een gekozen datum.
      - Renteattest: de rente van een jaar per rekening (niet te verwarren met het fiscaal attest).
      - Attest van titularis: bevestigt dat de klant titularis is van de rekening.

      **Vraag altijd**
      1. Voor welke instantie is het attest?
      2. Op welke datum moet het saldo staan? Dat staat meestal in de brief van de instantie.
      3. Wil de klant het in de app (Documenten) of per post?

      Attesten zijn gratis. Ze staan binnen 3 werkdagen in de app, of komen binnen 5 werkdagen per post.
    `,
    source: {
      author: "tom",
      daysAgo: 76,
      title: "Saldo-attest voor aanvraag studietoelage",
      body: `
        Studente moest voor haar studietoelage een saldo-attest van haar spaarrekening binnenbrengen. Dat kan niet uit de app, wel via het CRM: Documenten > Attest aanvragen > Saldo-attest, met de datum die de dienst vraagt.
        Let op: vragen op welke datum het saldo moet staan. Vaak staat dat in de brief van de dienst.
      `,
    },
  },
  {
    title: "Dubbele vrijstelling voor gehuwden en wettelijk samenwonenden",
    tags: ["roerende voorheffing", "spaarrekening"],
    community: "sparen",
    helpful: 6,
    reuse: 15,
    body: `
      Gehuwden en wettelijk samenwonenden hebben elk recht op de vrijstelling van roerende voorheffing op spaarrente. Ze krijgen die dubbele vrijstelling alleen als het spaargeld ook op hun beider naam staat.

      - **Gezamenlijke rekening (beide partners titularis):** we passen automatisch de dubbele vrijstelling toe.
      - **Elk een eigen rekening:** elk zijn eigen vrijstelling.
      - **Eén rekening op naam van één partner:** alleen de vrijstelling van die partner.

      **Wat kan de klant doen?**
      1. De partner als medetitularis laten toevoegen (afspraak in het kantoor, beide partners aanwezig).
      2. Of een tweede spaarrekening openen op naam van de partner (app of kantoor).

      Controleer in het CRM of de burgerlijke staat juist staat. Een wettelijke samenwoning die bij ons niet geregistreerd is, wordt niet automatisch meegenomen.
    `,
    source: {
      author: "lotte",
      daysAgo: 92,
      title: "Gehuwd koppel, spaarrekening op naam van één partner",
      body: `
        Koppel vroeg waarom ze voorheffing betalen terwijl 'iedereen' zegt dat gehuwden een dubbele vrijstelling hebben. Dat klopt alleen als de rekening op naam van beide partners staat, of als ze elk een eigen rekening hebben. Hun rekening stond op naam van de man alleen.
        Oplossing: een tweede titularis toevoegen (in het kantoor) of een rekening op haar naam openen.
      `,
    },
  },
  {
    title: "Roerende voorheffing op de spaarrente van een kind",
    tags: ["roerende voorheffing", "minderjarigen"],
    helpful: 3,
    reuse: 8,
    body: `
      Een spaarrekening op naam van een minderjarige heeft een eigen vrijstelling van roerende voorheffing, los van die van de ouders.

      - De rente telt niet mee voor de vrijstelling van de ouders.
      - Het fiscaal attest staat op naam van het kind.
      - Fiscaal kan het ouderlijk vruchtgenot een rol spelen (de ouders genieten tot 18 jaar de inkomsten van het kind). Daarover geven we geen advies; verwijs naar de toelichting bij de belastingaangifte.

      Zie ook 'Vrijstelling van roerende voorheffing op spaarrente: hoe werkt het?'.
    `,
    source: {
      author: "bram",
      daysAgo: 70,
      title: "Rente op spaarrekening van de kinderen: telt die bij de ouders?",
      body: `
        Vader vroeg of de rente op de spaarrekeningen van zijn twee kinderen meetelt voor zijn eigen vrijstelling. Nee: elk kind heeft een eigen vrijstelling, want de rekening staat op naam van het kind. Hij was opgelucht.
        Wel vermelden dat het fiscaal attest op naam van het kind komt.
      `,
    },
  },
  {
    title: "Spaarrekening openen voor een minderjarige: wat hebben we nodig?",
    tags: ["minderjarigen", "spaarrekening"],
    community: "sparen",
    helpful: 7,
    reuse: 21,
    body: `
      **Kind jonger dan 12 jaar**
      - De rekening wordt geopend in het kantoor, door een ouder (wettelijke vertegenwoordiger).
      - Mee te brengen: de identiteitskaart van de ouder(s) en de Kids-ID of het rijksregisternummer van het kind.
      - Beide ouders tekenen. Komt maar één ouder, dan brengt die het formulier mee dat de andere ouder vooraf ondertekende.

      **Kind van 12 tot 18 jaar**
      - Kan ook in de app van een ouder die zelf klant is: Producten > Sparen > Rekening voor mijn kind.
      - Het kind kan daarnaast een eigen jongerenrekening met bankkaart krijgen.

      In beide gevallen staat de rekening op naam van het kind; de ouders beheren ze tot 18 jaar. Zie ook 'Geld afhalen van de spaarrekening van een minderjarige'.
    `,
    source: {
      author: "kaat",
      daysAgo: 114,
      community: "sparen",
      title: "Mama wil spaarrekening openen voor haar baby",
      body: `
        Mama belde om een spaarrekening te openen voor haar pasgeboren dochter. Kan niet in de app: een rekening voor een kind jonger dan 12 opent een ouder in het kantoor. Meebrengen: eigen identiteitskaart en de Kids-ID of het rijksregisternummer van het kind.
        Beide ouders moeten tekenen, of de afwezige ouder tekent het formulier vooraf.
      `,
    },
    merged: [
      {
        author: "elif",
        daysAgo: 58,
        title: "Spaarrekening kind: gescheiden ouders, één ouder weigert te tekenen",
        body: `
          Moeder wou een spaarrekening openen voor haar zoon, maar de vader (haar ex) weigert te tekenen. Zonder beide handtekeningen kunnen we de rekening niet openen, behalve als zij een vonnis heeft dat haar het exclusieve ouderlijk gezag geeft. Dan dat vonnis meebrengen naar het kantoor.
        `,
        add: `
          **Gescheiden ouders:** tekent een ouder niet, dan kunnen we de rekening niet openen. Uitzondering: een vonnis dat het exclusieve ouderlijk gezag aan één ouder geeft; die ouder brengt het vonnis mee naar het kantoor.
        `,
      },
    ],
  },
  {
    title: "Geld afhalen van de spaarrekening van een minderjarige",
    tags: ["minderjarigen", "spaarrekening"],
    community: "sparen",
    helpful: 5,
    reuse: 14,
    body: `
      Het geld op de rekening van een minderjarige is van het kind. De ouders mogen het beheren, maar alleen in het belang van het kind.

      **Opname door de ouders**
      - Beide ouders gaan akkoord (in het kantoor of met het formulier 'Opname rekening minderjarige').
      - Ze vermelden waarvoor het geld dient, bijvoorbeeld schoolkosten, een kamp of een beugel.
      - Bij grote bedragen, of opnames die niet duidelijk in het belang van het kind zijn, kan het kantoor een machtiging van de vrederechter vragen.

      **Opname door het kind zelf (vanaf 12 jaar)**
      - Met een eigen bankkaart tot de limiet die de ouders kozen, meestal alleen van de jongerenrekening.
      - Van de spaarrekening zelf alleen overschrijvingen naar de eigen jongerenrekening, binnen de limiet.

      Een spaardoel op de rekening van het kind beperkt niets.
    `,
    source: {
      author: "sarah",
      daysAgo: 96,
      title: "Ouder wil geld van spaarrekening kind gebruiken voor schoolreis",
      body: `
        Vader wou 400 euro van de spaarrekening van zijn zoon afhalen voor een schoolreis. Kan, maar alleen in het belang van het kind en met het akkoord van beide ouders. Het geld gaat naar een rekening op naam van het kind of van de ouders, met vermelding waarvoor.
        Hij vond het veel gedoe voor een schoolreis, maar het is er om het kind te beschermen.
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 25,
        title: "Opname rekening kind: gescheiden ouders, wie moet tekenen?",
        body: `
          Gescheiden vader dacht dat hij alleen mocht beslissen omdat het kind bij hem woont. Ook bij gescheiden ouders moeten beide ouders akkoord gaan voor een opname, tenzij een vonnis het exclusieve ouderlijk gezag aan één ouder geeft. Hij ging het met zijn ex bespreken.
        `,
        add: `
          **Gescheiden ouders:** ook dan gaan beide ouders akkoord, waar het kind ook woont. Alleen met een vonnis dat het exclusieve ouderlijk gezag aan één ouder geeft, volstaat de handtekening van die ouder.
        `,
      },
    ],
  },
  {
    title: "Wat verandert er als een kind 18 wordt?",
    tags: ["minderjarigen", "spaarrekening", "volmacht"],
    helpful: 4,
    reuse: 9,
    body: `
      Op de 18de verjaardag wordt de klant meerderjarig. Wat er automatisch gebeurt:

      - De toegang van de ouders tot de rekeningen van het kind in hun app vervalt.
      - De limieten die de ouders instelden, worden vervangen door de standaardlimieten voor volwassenen.
      - De jongerenrekening wordt een gewone zichtrekening; het rekeningnummer en de kaart blijven.
      - De jongere krijgt een bericht om zijn gegevens te controleren en zelf itsme of de kaartlezer te activeren.

      Willen de ouders toegang houden? Dat kan alleen als de jongere hen een volmacht geeft (zie 'Volmacht op een spaarrekening geven: de stappen').
    `,
    source: {
      author: "jens",
      daysAgo: 82,
      title: "Zoon net 18: moeder ziet zijn rekening niet meer",
      body: `
        Moeder belde in paniek omdat ze de rekening van haar zoon niet meer zag in haar app. Hij was die week 18 geworden. Vanaf 18 beheert hij alles zelf en vervalt de toegang van de ouders automatisch.
        Als de zoon wil, kan hij zijn moeder een volmacht geven. Ze lachte, ze ging het hem vragen.
      `,
    },
  },
  {
    title: "Grootouders willen sparen voor een kleinkind: welke mogelijkheden zijn er?",
    tags: ["minderjarigen", "spaardoel", "overschrijving"],
    community: "sparen",
    helpful: 5,
    reuse: 12,
    body: `
      Grootouders kunnen geen rekening openen op naam van een kleinkind; dat kunnen alleen de ouders (zie 'Spaarrekening openen voor een minderjarige: wat hebben we nodig?'). Wel mogelijk:

      1. **Storten op de rekening van het kind:** de ouders openen een spaarrekening op naam van het kind en de grootouders maken een doorlopende opdracht naar dat rekeningnummer.
      2. **Zelf sparen met een spaardoel:** de grootouders openen een spaarrekening op eigen naam en koppelen een spaardoel per kleinkind. Het geld blijft van de grootouders tot ze het schenken.

      Let op: geld op de rekening van het kind is van het kind. Het kan niet teruggevraagd worden.

      Vragen over schenken of erfbelasting: geen advies, verwijzen naar een notaris.
    `,
    source: {
      author: "hanne",
      daysAgo: 66,
      community: "sparen",
      title: "Oma wil maandelijks sparen voor haar kleinkinderen",
      body: `
        Oma wou elke maand 25 euro sparen voor elk van haar drie kleinkinderen. Ze kan geen rekening openen op naam van de kleinkinderen, dat kunnen alleen de ouders.
        Wat werkte: de ouders openen een spaarrekening voor het kind en oma zet een doorlopende opdracht vanaf haar eigen rekening. Of ze spaart op een eigen spaarrekening met een spaardoel per kleinkind.
      `,
    },
    merged: [
      {
        author: "sofie",
        daysAgo: 32,
        title: "Meter wil bedrag storten bij geboorte",
        body: `
          Meter belde om 'een spaarboekje te openen' voor haar petekind dat net geboren was. Spaarboekjes bestaan niet meer en zij kan geen rekening openen op naam van het kindje. Geadviseerd om het rekeningnummer aan de ouders te vragen zodra die een spaarrekening geopend hebben, en het bedrag daarop te storten.
        `,
        add: `
          Hetzelfde geldt voor een peter of meter die bij een geboorte, doopsel of communie een bedrag wil geven: het rekeningnummer van het kind opvragen bij de ouders en daarop storten.
        `,
      },
    ],
  },
];
