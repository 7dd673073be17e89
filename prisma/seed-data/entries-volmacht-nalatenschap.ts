/**
 * Knowledge-base entries about powers of attorney, protection and estates (volmacht, bewind, overlijden, nalatenschap).
 */
import type { EntrySeed } from "./types";

export const estateEntries: EntrySeed[] = [
  {
    title: "Volmacht op een spaarrekening geven: de stappen",
    tags: ["volmacht", "spaarrekening"],
    community: "sparen",
    helpful: 9,
    reuse: 29,
    body: `
      Met een volmacht mag iemand anders (de volmachthebber) verrichtingen doen op de rekening van de titularis. De titularis zelf blijft alles mogen.

      **Stappen**
      1. De titularis vult het volmachtformulier in (website of kantoor) en kiest de rekeningen en de omvang: alleen raadplegen, of ook opnemen en overschrijven.
      2. Titularis en volmachthebber tekenen allebei.
      3. Het formulier wordt binnengebracht in het kantoor, met de identiteitskaarten van beiden (of een kopie van die van de titularis).
      4. De volmacht is actief binnen 2 werkdagen; de volmachthebber ziet de rekening dan in zijn eigen app.

      **De titularis kan zich niet verplaatsen?** Een adviseur kan op huisbezoek komen (CRM > Taken > 'Huisbezoek volmacht').

      Een volmacht eindigt als de titularis ze herroept, bij het overlijden van de titularis, of als een bewindvoerder aangesteld wordt die ze beëindigt.
    `,
    source: {
      author: "sofie",
      daysAgo: 119,
      community: "sparen",
      title: "Dochter wil volmacht op rekening van haar vader",
      body: `
        Dochter belde voor haar vader (87) die niet meer naar het kantoor kan. Een volmacht geeft de titularis zelf, niet de volmachthebber. Opties: de vader tekent het volmachtformulier thuis en de dochter brengt het binnen met beide identiteitskaarten, of een adviseur komt op huisbezoek.
        Dochter was blij dat er een huisbezoek bestaat, dat wist ze niet.
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 61,
        title: "Volmacht door klant die niet meer kan tekenen",
        body: `
          Klant met zware artrose kon niet meer tekenen. Het volmachtformulier kan ook bevestigd worden met een merkteken, in aanwezigheid van twee getuigen, maar alleen in het kantoor of bij een huisbezoek. Het kantoor van Gent wist hoe het moest; even navragen bij hen als je twijfelt.
        `,
        add: `
          **De titularis kan niet meer tekenen?** Het formulier kan ook bevestigd worden met een merkteken in aanwezigheid van twee getuigen, maar alleen in het kantoor of bij een huisbezoek door een adviseur.
        `,
      },
    ],
  },
  {
    title: "Een volmacht intrekken",
    tags: ["volmacht"],
    community: "sparen",
    helpful: 4,
    reuse: 11,
    body: `
      De titularis kan een volmacht altijd intrekken, zonder een reden te geven.

      **Dringend (bijvoorbeeld bij misbruik of een conflict)**
      1. Identificeer de klant met itsme (identificatie-oproep vanuit het CRM).
      2. Blokkeer de volmacht in het CRM (Volmachten > Blokkeren). Vanaf dan kan de volmachthebber niets meer doen.
      3. Vraag de klant het intrekkingsformulier te bevestigen in de app (Instellingen > Volmachten), of stuur het per post als ze geen app heeft.

      **Niet dringend:** de klant trekt de volmacht zelf in, in de app of in het kantoor.

      De volmachthebber krijgt een bericht dat de volmacht beëindigd is; de reden wordt niet vermeld.

      Vermoedt de klant dat er al geld verdwenen is? Noteer de verrichtingen die ze niet herkent en maak een fraudemelding in het CRM.
    `,
    source: {
      author: "ruben",
      daysAgo: 93,
      title: "Volmacht intrekken na ruzie met zoon",
      body: `
        Klant wou dringend de volmacht van haar zoon intrekken. Dat kan de titularis altijd, zonder reden. Telefonisch kunnen we de volmacht meteen blokkeren na identificatie met itsme; daarna moet ze het intrekkingsformulier nog bevestigen in de app.
        Ze was erg emotioneel. Rustig de stappen overlopen hielp.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 50,
        title: "Volmachthebber wil zelf stoppen met zijn volmacht",
        body: `
          Schoonzoon had een volmacht op de rekening van zijn schoonvader en wou daar na een scheiding van af. Dat kan: ook de volmachthebber kan de volmacht beëindigen, in het kantoor of via ons. De titularis krijgt daar een bericht van. Hij was opgelucht dat hij het niet aan zijn schoonvader moest vragen.
        `,
        add: `
          **De volmachthebber wil zelf stoppen?** Dat kan ook: hij meldt het in het kantoor of via ons. De titularis krijgt daarvan een bericht.
        `,
      },
    ],
  },
  {
    title: "Zorgvolmacht: wat kunnen we ermee?",
    tags: ["volmacht"],
    helpful: 6,
    reuse: 14,
    body: `
      Een zorgvolmacht is een volmacht die de klant vooraf geeft voor het geval hij later zelf niet meer in staat is om zijn zaken te regelen. Ze blijft gelden als de klant wilsonbekwaam wordt.

      **Wat we nodig hebben**
      - Een kopie van de akte (notariële of onderhandse zorgvolmacht).
      - De registratie in het Centraal Register van de lastgevingsovereenkomsten; die kijkt het team Volmachten na.
      - De identiteitskaart van de volmachthebber.

      **Doorlooptijd:** 3 tot 5 werkdagen na ontvangst. Zeg dat eerlijk; het gaat niet meteen.

      **Wat de volmachthebber mag:** wat in de akte staat. Twijfel je, laat het team Volmachten beslissen en interpreteer de akte niet zelf.

      Een zorgvolmacht eindigt bij het overlijden van de klant.
    `,
    source: {
      author: "elif",
      daysAgo: 106,
      title: "Zoon komt met zorgvolmacht van de notaris",
      body: `
        Zoon belde dat zijn moeder dement is en dat hij een zorgvolmacht heeft van de notaris. Een zorgvolmacht werkt voor ons pas als ze geregistreerd is in het centraal register. We vragen een kopie van de akte en het team Volmachten kijkt de registratie na; dat duurt een paar dagen.
        Hij dacht dat het meteen zou gaan.
      `,
    },
    merged: [
      {
        author: "sarah",
        daysAgo: 53,
        title: "Zorgvolmacht of gewone volmacht? Klant is nog helder",
        body: `
          Klant (78, nog helemaal helder) had van een kennis gehoord dat ze 'een zorgvolmacht moest regelen' en wou weten hoe dat bij ons ging. Ik heb uitgelegd dat ze daarvoor naar de notaris kan, maar dat ze ook nu al een gewone volmacht kan geven aan haar dochter. Die werkt meteen, zonder registratie.
        `,
        add: `
          Is de klant nog wilsbekwaam, dan kan hij naast een zorgvolmacht ook gewoon een gewone volmacht geven. Die werkt meteen, zonder registratie (zie 'Volmacht op een spaarrekening geven: de stappen').
        `,
      },
    ],
  },
  {
    title: "Bewindvoerder aangesteld: hoe passen we de rekeningen aan?",
    tags: ["volmacht", "spaarrekening"],
    helpful: 4,
    reuse: 9,
    body: `
      Als de vrederechter een bewindvoerder aanstelt, beheert die (een deel van) het vermogen van de klant. Vanaf de verwerking van het vonnis gebeurt alles via de bewindvoerder.

      **Stappen**
      1. De bewindvoerder stuurt het vonnis (de beschikking) naar het team Volmachten; het adres staat in het CRM bij 'Contacten back-office'.
      2. Het team past de rekeningen aan. Gewone volmachten worden beëindigd als het vonnis dat zegt; de klant houdt eventueel een leefgeldrekening.
      3. De bewindvoerder krijgt eigen toegang tot de rekeningen.

      **Aan de telefoon, zolang het vonnis niet verwerkt is:** geef de bewindvoerder geen informatie over de rekeningen. Zeg hoe en waar ze het vonnis bezorgt.

      **De klant zelf belt:** hij kan zijn leefgeldrekening gewoon gebruiken. Voor de andere rekeningen verwijs je vriendelijk naar de bewindvoerder.
    `,
    source: {
      author: "wout",
      daysAgo: 89,
      title: "Bewindvoerder belt voor toegang tot rekeningen van cliënt",
      body: `
        Advocate belde: ze is door de vrederechter aangesteld als bewindvoerder van een klant. Ze heeft het vonnis, maar we mogen aan de telefoon niets zeggen over de rekeningen tot het team Volmachten het vonnis verwerkt heeft. Mailadres van het team gegeven om het vonnis te sturen.
        Ze wist hoe het werkte, het was vooral een check.
      `,
    },
    merged: [
      {
        author: "jens",
        daysAgo: 37,
        title: "Bewindvoerder vraagt uittreksels van de voorbije jaren",
        body: `
          Bewindvoerder vroeg een overzicht van alle verrichtingen van de voorbije drie jaar, voor haar eerste verslag aan de vrederechter. Dat kunnen wij niet zomaar aanmaken aan de telefoon. Ze vraagt het zelf aan bij het team Volmachten; voor een bewindvoerder is dat gratis.
        `,
        add: `
          Vraagt de bewindvoerder oude uittreksels of een overzicht van de voorbije jaren, dan vraagt ze dat zelf aan bij het team Volmachten. Voor een bewindvoerder is dat gratis.
        `,
      },
    ],
  },
  {
    title: "Volmachthebber wil online toegang tot de rekening",
    tags: ["volmacht", "app"],
    community: "digitaal",
    helpful: 5,
    reuse: 12,
    body: `
      Een volmachthebber ziet de rekeningen van de titularis in zijn eigen app, maar alleen als de volmacht ook online geldt.

      **Controleer in het CRM (Volmachten):** staat 'Kanalen' op 'Kantoor' of op 'Kantoor en online'?

      **Online toegang aanzetten**
      - Titularis met de app: Instellingen > Volmachten > Online toegang.
      - Titularis zonder app: het formulier 'Volmacht online' per post laten sturen (CRM > Documenten), te ondertekenen door de titularis.

      De volmachthebber moet zelf klant zijn, of minstens een gratis online profiel hebben.

      Een volmachthebber kan nooit een nieuwe rekening openen of de volmacht uitbreiden op naam van de titularis.
    `,
    source: {
      author: "tom",
      daysAgo: 73,
      community: "digitaal",
      title: "Volmachthebber ziet rekening van moeder niet in app",
      body: `
        Zoon had een volmacht op de rekeningen van zijn moeder, maar zag ze niet in zijn app. De volmacht was alleen voor het kantoor geregistreerd. Online toegang moet de titularis apart aanzetten.
        Moeder kon dat niet zelf in de app, dus het formulier per post gestuurd.
      `,
    },
  },
  {
    title: "Eerste melding van een overlijden: wat doe je aan de telefoon?",
    tags: ["overlijden", "nalatenschap"],
    community: "sparen",
    helpful: 12,
    reuse: 41,
    body: `
      Een overlijden melden is voor de beller vaak een moeilijk gesprek. Neem de tijd; er moet in dit gesprek niets af.

      1. Betuig je medeleven. Vraag hoe je de beller mag aanspreken en wat de band met de overledene is.
      2. Registreer het overlijden in het CRM (Klant > Overlijden melden) met de datum van overlijden. Vanaf dan worden de rekeningen van de overledene geblokkeerd, ook de gezamenlijke rekeningen.
      3. Leg uit wat die blokkering betekent en wat wel kan: een dringende opname door de partner (zie 'Partner heeft dringend geld nodig na een overlijden') en de betaling van de begrafenisfactuur (zie 'Begrafenisfactuur betalen van de rekening van de overledene').
      4. Laat de brochure 'Wat na een overlijden' opsturen (CRM > Documenten) en noteer het adres voor de verdere briefwisseling.
      5. Zeg wat de volgende stap is: het team Nalatenschappen neemt binnen 5 werkdagen contact op.

      Geef geen informatie over saldi aan iemand van wie nog niet vaststaat dat hij erfgenaam is.
    `,
    source: {
      author: "lotte",
      daysAgo: 117,
      community: "sparen",
      title: "Weduwe belt voor het eerst na overlijden van haar man",
      body: `
        Mevrouw belde de dag na het overlijden van haar man, heel emotioneel. Wat werkte:
        - eerst condoleren en haar de tijd geven;
        - het overlijden registreren in het CRM (de rekeningen worden dan geblokkeerd);
        - uitleggen dat ze tot 5.000 euro kan opnemen voor dringende kosten;
        - de brochure 'Wat na een overlijden' laten opsturen.
        Ze zei achteraf dat ze blij was dat iemand het rustig uitlegde.
      `,
    },
    merged: [
      {
        author: "sarah",
        daysAgo: 79,
        title: "Overlijden gemeld door buurman: wat mag ik zeggen?",
        body: `
          Buurman belde dat een klant overleden was; de familie woont in het buitenland. We mogen het overlijden registreren op basis van zijn melding, maar hij krijgt geen enkele info over de rekeningen. Ik heb gevraagd of hij de naam van de notaris kende.
          Het team Nalatenschappen vraagt daarna zelf de overlijdensakte op.
        `,
        add: `
          **Melding door iemand die geen familie is** (buur, woonzorgcentrum, begrafenisondernemer): registreer het overlijden, maar geef geen enkele informatie over rekeningen of saldi. Vraag of de beller de notaris of een familielid kent; het team Nalatenschappen verifieert het overlijden daarna zelf.
        `,
      },
      {
        author: "kaat",
        daysAgo: 35,
        title: "Kluis vergeten bij melding overlijden",
        body: `
          Bij een overlijdensmelding vorige week vergat ik te vragen naar een kluis. De zoon kwam er pas later achter en was boos dat niemand gezegd had dat de kluis ook geblokkeerd is.
          Voortaan vraag ik het standaard: rekeningen, termijnrekeningen, beleggingen, kluis.
        `,
        add: `
          Overloop bij de melding ook de andere producten van de overledene: termijnrekeningen, beleggingen en een eventuele kluis. Ook de kluis wordt geblokkeerd; ze wordt alleen geopend in aanwezigheid van alle erfgenamen (of hun gevolmachtigde of de notaris).
        `,
        reason: "Terechte aanvulling. Ik heb de kluis meteen als vaste vraag in het artikel gezet.",
      },
    ],
  },
  {
    title: "Partner heeft dringend geld nodig na een overlijden",
    tags: ["overlijden", "nalatenschap"],
    community: "sparen",
    helpful: 10,
    reuse: 33,
    body: `
      De langstlevende echtgenoot of wettelijk samenwonende partner mag na een overlijden geld opnemen van de geblokkeerde rekeningen om dringende kosten te betalen.

      **Hoeveel?** Maximaal de helft van het beschikbare saldo van de gezamenlijke rekeningen en de rekeningen van de overledene, met een maximum van € 5.000 voor alle banken samen.

      **Hoe?**
      1. Afspraak in het kantoor (CRM > Afspraak > 'Opname langstlevende').
      2. Meebrengen: identiteitskaart en een uittreksel uit de overlijdensakte.
      3. De partner tekent een verklaring dat hij bij alle banken samen niet meer dan het toegelaten bedrag opneemt.

      **Goed om te weten**
      - Het opgenomen bedrag wordt later verrekend in de nalatenschap.
      - Rekeningen die alleen op naam van de partner staan, worden niet geblokkeerd. Vraag of de partner zo'n rekening heeft.
    `,
    source: {
      author: "sofie",
      daysAgo: 109,
      community: "sparen",
      title: "Weduwnaar kan boodschappen niet betalen: rekeningen geblokkeerd",
      body: `
        Weduwnaar belde dat zijn bankkaart niet meer werkte; alles stond op de gezamenlijke rekening met zijn overleden vrouw. De langstlevende partner mag de helft van het saldo opnemen, met een maximum van 5.000 euro voor alle banken samen. Dat kan in het kantoor met zijn identiteitskaart en de overlijdensakte. Hij moet wel een verklaring tekenen.
        Meteen een afspraak gemaakt in het kantoor bij hem in de buurt.
      `,
    },
    merged: [
      {
        author: "elif",
        daysAgo: 41,
        title: "Opname langstlevende: ook voor feitelijk samenwonende partner?",
        body: `
          Vriendin van een overleden klant (ze woonden 20 jaar samen, niet wettelijk) vroeg naar de 5.000 euro. Die regeling geldt alleen voor gehuwden en wettelijk samenwonenden, niet voor feitelijk samenwonenden. Heel pijnlijk gesprek. Ik heb haar naar de notaris verwezen.
        `,
        add: `
          De regeling geldt voor de echtgenoot en de wettelijk samenwonende partner, **niet** voor een feitelijk samenwonende partner. Verwijs die in dat geval naar de notaris, en breng het met begrip.
        `,
      },
    ],
  },
  {
    title: "Begrafenisfactuur betalen van de rekening van de overledene",
    tags: ["overlijden", "nalatenschap", "overschrijving"],
    helpful: 7,
    reuse: 23,
    body: `
      De begrafeniskosten kunnen betaald worden van de geblokkeerde rekeningen van de overledene, als het saldo volstaat.

      **Nodig**
      - De factuur van de begrafenisondernemer.
      - Een uittreksel uit de overlijdensakte.
      - De gegevens van de aanvrager, meestal een familielid.

      **Hoe**
      1. De familie bezorgt de documenten in het kantoor of via het formulier 'Begrafeniskosten' op de website.
      2. Het team Nalatenschappen betaalt rechtstreeks aan de begrafenisondernemer, binnen 5 werkdagen.

      **Niet via deze weg:** losse facturen (bloemist, koffietafel) die niet op de factuur van de begrafenisondernemer staan. Die worden geregeld bij de vereffening van de nalatenschap.
    `,
    source: {
      author: "jens",
      daysAgo: 97,
      title: "Dochter wil begrafenisfactuur betalen van geblokkeerde rekening",
      body: `
        Dochter vroeg of de begrafenisfactuur van de rekening van haar moeder betaald kon worden, want die was geblokkeerd. Kan: de factuur van de begrafenisondernemer en de overlijdensakte indienen via het formulier of in het kantoor. Wij betalen rechtstreeks aan de begrafenisondernemer, niet aan de familie.
        Bloemen of koffietafel apart: alleen als het op dezelfde factuur staat.
      `,
    },
    merged: [
      {
        author: "wout",
        daysAgo: 58,
        title: "Begrafenisfactuur al betaald door zoon: terugbetaling?",
        body: `
          Zoon had de begrafenisfactuur al zelf betaald en vroeg of hij dat geld terug kon krijgen van de rekening van zijn vader. Kan: het team Nalatenschappen betaalt hem terug op vertoon van de factuur en het betalingsbewijs. Zelfde formulier, ander vakje aanvinken.
        `,
        add: `
          **Heeft een familielid de factuur al zelf betaald?** Het team Nalatenschappen betaalt hem terug op vertoon van de factuur en het betalingsbewijs. Hetzelfde formulier, met het vakje 'Terugbetaling' aangevinkt.
        `,
      },
    ],
  },
  {
    title: "Attest of akte van erfopvolging: wat is het verschil?",
    tags: ["nalatenschap", "attesten"],
    helpful: 8,
    reuse: 26,
    body: `
      Om de rekeningen van een overledene vrij te geven, heeft het team Nalatenschappen een document nodig dat zegt wie de erfgenamen zijn.

      **Attest van erfopvolging**
      - Afgeleverd door het Kantoor Rechtszekerheid van de FOD Financiën (of door een notaris).
      - Gratis bij het Kantoor Rechtszekerheid.
      - Alleen voor eenvoudige situaties: geen testament, geen huwelijkscontract, geen erfgenamen die onbekwaam of onbekend zijn.

      **Akte van erfopvolging**
      - Alleen door een notaris, en betalend.
      - Nodig in alle andere gevallen, bijvoorbeeld bij een testament of een huwelijkscontract.

      Twijfelt de klant welke hij nodig heeft, dan zegt de notaris of het Kantoor Rechtszekerheid het hem. Wij beslissen dat niet.
    `,
    source: {
      author: "elif",
      daysAgo: 103,
      title: "Erfgenamen weten niet welk document ze nodig hebben",
      body: `
        Zoon vroeg of hij naar de notaris moest om de rekeningen van zijn vader vrij te krijgen. Niet altijd: bij een eenvoudige nalatenschap zonder testament of huwelijkscontract volstaat een attest van erfopvolging van het Kantoor Rechtszekerheid (FOD Financiën), en dat is gratis. Anders een akte van erfopvolging bij de notaris.
        Hij had nog nooit van dat kantoor gehoord.
      `,
    },
    merged: [
      {
        author: "ruben",
        daysAgo: 55,
        title: "Attest van erfopvolging aanvragen zonder zich te verplaatsen",
        body: `
          Erfgenaam wou niet naar het Kantoor Rechtszekerheid rijden voor het attest. Dat hoeft ook niet: de aanvraag kan per post of per mail, met het formulier op de site van de FOD Financiën. Klant was blij dat hij er geen halve dag verlof voor moest nemen.
        `,
        add: `
          Het attest aanvragen bij het Kantoor Rechtszekerheid kan ook per post of per e-mail, met het formulier op de website van de FOD Financiën. De erfgenaam hoeft zich dus niet te verplaatsen.
        `,
      },
    ],
  },
  {
    title: "Hoe lang duurt het vrijgeven van een nalatenschap?",
    tags: ["nalatenschap", "overlijden"],
    community: "sparen",
    helpful: 6,
    reuse: 20,
    body: `
      Zodra alle documenten binnen zijn, geeft het team Nalatenschappen de tegoeden vrij binnen ongeveer 10 werkdagen.

      **Wat moet er binnen zijn?**
      - Een uittreksel uit de overlijdensakte.
      - Het attest of de akte van erfopvolging.
      - De verdeling: het rekeningnummer waarop elk deel gestort wordt, ondertekend door alle erfgenamen (of een opdracht van de notaris).

      **Klant belt over de stand van zaken?**
      1. Open het dossier in het CRM (Nalatenschap > Documenten). Daar zie je wat binnen is en wat ontbreekt.
      2. Zeg concreet wat nog ontbreekt en wie het moet sturen.
      3. Is alles binnen, en al langer dan 10 werkdagen? Maak een taak voor het team Nalatenschappen met 'Opvolging gevraagd'.

      Vermijd 'binnenkort' of 'het komt wel in orde'. Geef altijd de volgende concrete stap.
    `,
    source: {
      author: "hanne",
      daysAgo: 99,
      community: "sparen",
      title: "Erfgenamen ongeduldig: na zes weken nog niets vrijgegeven",
      body: `
        Dochter belde boos dat de rekeningen van haar vader na zes weken nog geblokkeerd waren. In het dossier zag ik dat we het attest van erfopvolging nog niet ontvangen hadden; zij dacht dat de notaris het al gestuurd had.
        Wat werkte: in het CRM tonen welke documenten binnen zijn en welke nog ontbreken. Daarna belde ze zelf de notaris.
      `,
    },
    merged: [
      {
        author: "tom",
        daysAgo: 31,
        title: "Nalatenschap: één erfgenaam reageert niet",
        body: `
          Drie van de vier erfgenamen hadden de verdeling getekend, de vierde reageert al maanden niet. Zonder zijn handtekening geven we niets vrij, ook niet een deel. Ik heb gezegd dat ze een notaris kunnen inschakelen. De beller vond het onrechtvaardig, begrijpelijk.
        `,
        add: `
          **Eén erfgenaam tekent niet?** Zonder de handtekening van alle erfgenamen (of een opdracht van de notaris) geven we niets vrij, ook geen deel. De andere erfgenamen kunnen een notaris inschakelen.
        `,
      },
    ],
  },
  {
    title: "Domiciliëringen en doorlopende opdrachten na een overlijden",
    tags: ["overlijden", "overschrijving"],
    helpful: 5,
    reuse: 15,
    body: `
      Na de registratie van het overlijden worden de rekeningen van de overledene geblokkeerd. Gevolgen:

      - **Domiciliëringen** worden geweigerd. De nabestaanden vragen de schuldeiser (energie, telecom, verzekering) om een nieuwe domiciliëring op een andere rekening. Wij kunnen een domiciliëring niet overzetten.
      - **Doorlopende opdrachten** worden stopgezet.
      - **Inkomende betalingen** (pensioen, terugbetalingen) komen nog binnen op de geblokkeerde rekening. Een pensioen voor de maanden na het overlijden vordert de pensioendienst meestal terug.

      Tip: geef de nabestaanden een lijst van de lopende domiciliëringen mee (CRM > Rekening > Domiciliëringen > Afdrukken), zodat ze weten wie ze moeten verwittigen.
    `,
    source: {
      author: "bram",
      daysAgo: 85,
      title: "Energiefactuur geweigerd na overlijden",
      body: `
        Weduwe kreeg een aanmaning van haar energieleverancier: de domiciliëring op de rekening van haar man werd geweigerd sinds de blokkering. Zij moet de domiciliëring zelf laten overzetten naar haar eigen rekening, via de leverancier. Wij kunnen dat niet doen.
        Ze wist niet dat zij dat moest regelen. Lijst met domiciliëringen afgedrukt en opgestuurd.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 22,
        title: "Partner zonder eigen rekening: huur kan niet meer betaald worden",
        body: `
          Weduwnaar had geen enkele rekening op eigen naam, alles liep via de gezamenlijke rekening. Die is geblokkeerd, dus ook de domiciliëring voor de huur. Meteen geholpen om een zichtrekening op zijn naam te openen in het kantoor, en de opname van de langstlevende aangevraagd.
        `,
        add: `
          Heeft de partner geen rekening op eigen naam, help hem dan meteen om er een te openen (kantoor of app). Anders kan hij vaste kosten zoals de huur niet meer betalen.
        `,
      },
    ],
  },
  {
    title: "Erfgenamen die in het buitenland wonen",
    tags: ["nalatenschap"],
    state: "NEEDS_REVIEW",
    reviewMonths: 3,
    helpful: 2,
    reuse: 7,
    body: `
      Woont een erfgenaam in het buitenland, dan kan hij de documenten voor de vrijgave (verdeling, rekeningnummer) niet zomaar in het kantoor tekenen.

      **Mogelijkheden**
      1. De handtekening laten legaliseren bij de Belgische ambassade of het consulaat, of een apostille laten aanbrengen, afhankelijk van het land. Reken op enkele weken.
      2. Een volmacht geven aan een andere erfgenaam of aan de notaris die de nalatenschap regelt.
      3. Regelt een notaris de nalatenschap, dan loopt alles via de notaris.

      **Uitbetaling op een buitenlandse rekening:** kan, in euro, met een SEPA-overschrijving. Buiten de SEPA-zone: vraag eerst raad aan het team Nalatenschappen, omdat er extra controles gelden.

      Dit artikel wordt herbekeken: de regels voor legalisatie en voor uitbetaling buiten de SEPA-zone worden aangepast.
    `,
    source: {
      author: "youssef",
      daysAgo: 115,
      title: "Erfgenaam woont in Marokko: hoe tekent hij de verdeling?",
      body: `
        Een van de erfgenamen woont in Marokko en kan niet naar België komen. Het team Nalatenschappen aanvaardt een handtekening die gelegaliseerd is door de Belgische ambassade of het consulaat. Dat duurt soms weken.
        Alternatief: hij geeft een volmacht aan een andere erfgenaam of aan de notaris. Ik heb beide opties uitgelegd.
      `,
    },
  },
];
