/**
 * Knowledge-base entries about fraud and phishing, the app, itsme, the card reader, limits and transfers.
 * Entries in the "fraude" community are visible to its members only (the community is CLOSED).
 */
import type { EntrySeed } from "./types";

export const fraudEntries: EntrySeed[] = [
  {
    title: "Klant heeft op een phishinglink geklikt: eerste hulp",
    tags: ["phishing", "fraude"],
    helpful: 11,
    reuse: 38,
    body: `
      Een klant belt dat hij op een verdachte link klikte of gegevens ingaf. Snelheid is belangrijk. Wees tegelijk geruststellend: uit schaamte verzwijgen klanten soms iets.

      1. **Vraag wat de klant precies ingaf:** kaartnummer, codes van de kaartlezer, een itsme-bevestiging, een wachtwoord?
      2. **Blokkeer wat nodig is:** de bankkaart in het CRM (Kaart > Blokkeren) of via Cardstop (078 170 170), de online toegang via CRM > Digitaal > Tijdelijk blokkeren.
      3. **Kijk samen de laatste verrichtingen na,** ook de verrichtingen in behandeling.
      4. **Zet door naar het Fraudeteam** met de knop 'Fraudemelding' in het CRM, ook als er nog niets verdwenen is.
      5. **Advies aan de klant:** aangifte doen bij de politie als er geld verdwenen is, en de sms of mail doorsturen naar verdacht@safeonweb.be.

      Zeg nooit dat de klant zijn geld zeker terugkrijgt. Het Fraudeteam beoordeelt elk dossier.
    `,
    source: {
      author: "kaat",
      daysAgo: 113,
      community: "fraude",
      title: "Klant klikte op link in sms 'uw kaartlezer vervalt'",
      body: `
        Klant kreeg een sms dat zijn kaartlezer zou vervallen en klikte op de link. Hij had zijn kaartnummer en een code van de kaartlezer ingegeven. Meteen:
        - kaart geblokkeerd;
        - online toegang tijdelijk geblokkeerd in het CRM;
        - samen de laatste verrichtingen nagekeken: nog niets weg.
        Daarna doorgezet naar het Fraudeteam. Klant was erg beschaamd; ik heb gezegd dat het iedereen kan overkomen.
      `,
    },
    merged: [
      {
        author: "lotte",
        daysAgo: 44,
        community: "fraude",
        title: "Phishing: klant had ook een itsme-verzoek bevestigd",
        body: `
          Klant had na een valse mail van 'de bank' een itsme-verzoek bevestigd. Dan is de kaart blokkeren niet genoeg: de fraudeur kan met die bevestiging aangemeld zijn. Ik heb ook de online toegang geblokkeerd en de klant gevraagd zijn itsme te laten blokkeren via de itsme-helpdesk.
          Misschien toevoegen aan het artikel?
        `,
        add: `
          **Klant bevestigde een itsme-verzoek?** Blokkeer dan zeker ook de online toegang en laat de klant zijn itsme-account blokkeren via itsme zelf (zie 'itsme geblokkeerd of code vergeten'). Een geblokkeerde kaart alleen is dan niet genoeg.
        `,
        reason: "Belangrijke aanvulling, bedankt. Toegevoegd als aparte alinea.",
      },
    ],
  },
  {
    title: "Spoofing: 'de bank' belde de klant",
    tags: ["fraude", "phishing"],
    community: "fraude",
    helpful: 6,
    reuse: 25,
    body: `
      Fraudeurs laten ons telefoonnummer (of dat van Cardstop of de politie) op het scherm van de klant verschijnen. Dat heet spoofing. Het scenario is bijna altijd hetzelfde: 'Er is verdachte activiteit op uw rekening, we moeten uw geld in veiligheid brengen.'

      **Wat wij nooit vragen; zeg het letterlijk tegen de klant:**
      - geld overschrijven naar een 'veilige rekening';
      - codes van de kaartlezer of een itsme-bevestiging doorgeven;
      - de bankkaart meegeven aan een 'koerier';
      - een app installeren om 'mee te kijken'.

      **De klant belt ons terug na zo'n oproep**
      1. Bevestig dat wij het niet waren en dat hij goed deed om terug te bellen.
      2. Vraag of hij iets gedaan of doorgegeven heeft. Zo ja: volg 'Klant heeft op een phishinglink geklikt: eerste hulp'.
      3. Maak een fraudemelding in het CRM met het scenario en het nummer dat de klant zag, ook als er niets gebeurd is. Het Fraudeteam volgt zo de golven op.

      Dit artikel staat in de gesloten community Fraude & Phishing omdat het de interne opvolging beschrijft.
    `,
    source: {
      author: "jens",
      daysAgo: 104,
      community: "fraude",
      title: "Fraudeur belde met ons nummer op het scherm",
      body: `
        Klant werd gebeld door 'de fraudedienst van de bank'; ons echte nummer stond op zijn scherm. Ze vroegen hem zijn geld 'in veiligheid' te brengen naar een 'veilige rekening'. Hij twijfelde en belde ons terug.
        Goed dat hij dat deed: wij vragen NOOIT om geld over te schrijven naar een veilige rekening. Een nummer op het scherm kan vervalst zijn (spoofing).
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 50,
        community: "fraude",
        title: "Spoofing met een 'politieagent' als tweede beller",
        body: `
          Nieuwe variant: de fraudeur belde eerst als 'bank', daarna belde een 'politieagent' die bevestigde dat het dossier echt was. De klant vertrouwde het daardoor meer. Gelukkig belde hij ons voor hij iets deed.
          Zou goed zijn om de 'politie'-stap in het artikel te zetten.
        `,
        add: `
          **Variant met een tweede beller:** na de valse bankmedewerker belt een 'politieagent' of een 'medewerker van Cardstop' die het verhaal bevestigt. Dat maakt het geloofwaardiger. Zeg de klant dat ook de politie nooit vraagt om geld over te schrijven of codes door te geven.
        `,
      },
    ],
  },
  {
    title: "Verdachte sms of mail: waar stuurt de klant ze naartoe?",
    tags: ["phishing"],
    state: "NEEDS_REVIEW",
    reviewMonths: 3,
    helpful: 5,
    reuse: 21,
    body: `
      Een klant die een verdachte mail of sms kreeg, maar niet klikte en niets ingaf, hoeft niets te laten blokkeren.

      - **Mail:** doorsturen naar verdacht@safeonweb.be en daarna verwijderen.
      - **Sms:** een screenshot doorsturen naar verdacht@safeonweb.be en de afzender blokkeren.
      - **Niet naar ons doorsturen.** Onze mailbox verwerkt geen meldingen.

      Klikte de klant wel of gaf hij iets in? Volg dan 'Klant heeft op een phishinglink geklikt: eerste hulp'.

      Te herzien: Safeonweb zou een apart meldpunt voor sms-berichten invoeren. Kijk na of dit artikel nog klopt.
    `,
    source: {
      author: "tom",
      daysAgo: 111,
      title: "Klant wil phishingmail doorsturen: welk adres?",
      body: `
        Klant had een valse mail gekregen in onze huisstijl en wou die 'aan de bank' bezorgen. We vragen om ze door te sturen naar verdacht@safeonweb.be, niet naar ons. Ook handig: een screenshot maken van de sms en de afzender blokkeren.
        Klant had niet geklikt, dus verder niets nodig.
      `,
    },
    merged: [
      {
        author: "elif",
        daysAgo: 47,
        title: "Valse brief met QR-code 'om uw gegevens te bevestigen'",
        body: `
          Klant kreeg een brief per post, in onze huisstijl, met een QR-code om 'uw gegevens te bevestigen voor de nieuwe Europese regels'. Niet van ons. Hij had nog niet gescand. Foto van de brief laten doorsturen naar verdacht@safeonweb.be.
          Ook op parkeerautomaten hangen blijkbaar valse QR-codes.
        `,
        add: `
          **Ook QR-codes** in brieven of op parkeerautomaten kunnen naar valse sites leiden. Een verdachte brief met een QR-code: een foto doorsturen naar verdacht@safeonweb.be en niet scannen.
        `,
      },
    ],
  },
  {
    title: "Klant heeft codes van de kaartlezer doorgegeven",
    tags: ["fraude", "kaartlezer"],
    community: "fraude",
    helpful: 5,
    reuse: 16,
    body: `
      Met codes van de kaartlezer kan een fraudeur aanmelden en betalingen ondertekenen. Elke minuut telt.

      1. **Blokkeer de online toegang** (CRM > Digitaal > Tijdelijk blokkeren). Dat stopt nieuwe aanmeldingen.
      2. **Bekijk de betalingen in behandeling én de geplande betalingen,** niet alleen de uitgevoerde. Fraudeurs plannen overschrijvingen soms voor later.
      3. **Bel het Fraudeteam via de interne fraudelijn** (nummer in het CRM, rubriek Contacten back-office) als er een betaling klaarstaat of net vertrokken is. Zij kunnen een betaling soms nog tegenhouden of terugroepen.
      4. **Maak de fraudemelding** in het CRM, met het tijdstip van de oproep en welke codes doorgegeven werden.
      5. **Blokkeer ook de bankkaart** als de klant zijn kaartnummer of pincode gaf.

      De klant krijgt nieuwe toegang na contact met het Fraudeteam; deblokkeer zelf niets.
    `,
    source: {
      author: "lotte",
      daysAgo: 102,
      community: "fraude",
      title: "Klant gaf codes van kaartlezer door aan 'bankmedewerker'",
      body: `
        Klant had aan de telefoon twee codes van zijn kaartlezer doorgegeven. Wat ik deed:
        - online toegang meteen geblokkeerd;
        - betalingen in behandeling nagekeken: er stond een overschrijving van 2.400 euro klaar voor die avond;
        - het Fraudeteam gebeld via de interne lijn, zij konden ze nog tegenhouden.
        Dus: altijd ook de uitgestelde en geplande betalingen bekijken, niet alleen de uitgevoerde.
      `,
    },
    merged: [
      {
        author: "kaat",
        daysAgo: 34,
        community: "fraude",
        title: "Codes doorgegeven, klant belt pas 's avonds",
        body: `
          Klant had in de namiddag codes doorgegeven, maar belde pas na 20 uur naar Cardstop, die hem de volgende ochtend naar ons doorverwees. Intussen was er al 3.000 euro weg. Klanten weten niet dat ze de online toegang ook zelf kunnen blokkeren in de app, ook 's avonds.
        `,
        add: `
          **Buiten de kantooruren** kan de klant de online toegang zelf blokkeren in de app (Instellingen > Beveiliging > Alles blokkeren) en zijn kaart via Cardstop. Zeg dat aan klanten die ongerust zijn na een verdachte oproep, zodat ze het 's avonds niet hoeven af te wachten.
        `,
      },
    ],
  },
  {
    title: "Overschrijving naar een fraudeur: kunnen we het geld terughalen?",
    tags: ["fraude", "overschrijving"],
    community: "fraude",
    helpful: 4,
    reuse: 14,
    body: `
      Een uitgevoerde overschrijving kunnen we niet eenzijdig terugdraaien. Het Fraudeteam kan wel een terugroeping (recall) vragen aan de bank van de begunstigde.

      **Wat je doet**
      1. Maak meteen een fraudemelding in het CRM, met datum, bedrag en rekening van de begunstigde. Hoe sneller, hoe groter de kans.
      2. Vraag de klant aangifte te doen bij de politie en ons het pv-nummer te bezorgen.
      3. Leg uit dat de bank van de begunstigde het geld alleen kan terugstorten als het nog op de rekening staat, en dat dat weken kan duren.

      **Instant overschrijving:** het geld staat binnen enkele seconden bij de begunstigde. De kans op recuperatie is kleiner, maar de terugroeping loopt op dezelfde manier.

      Beloof nooit een terugbetaling. Of de bank (een deel van) het verlies vergoedt, beslist het Fraudeteam na onderzoek.
    `,
    source: {
      author: "wout",
      daysAgo: 87,
      community: "fraude",
      title: "Klant vraagt of we overschrijving naar oplichter kunnen terugdraaien",
      body: `
        Klant had 1.500 euro overgeschreven voor een tweedehandsauto die niet bestond. Een uitgevoerde overschrijving kunnen wij niet terugdraaien. Het Fraudeteam kan wel een terugroeping vragen aan de bank van de begunstigde, maar die mag weigeren als het geld al weg is.
        Klant moet ook aangifte doen bij de politie. Ik heb niets beloofd.
      `,
    },
    merged: [
      {
        author: "sofie",
        daysAgo: 26,
        community: "fraude",
        title: "Klant belt elke dag voor stand van zijn terugroeping",
        body: `
          Klant belde al voor de vierde keer om te vragen of zijn geld al terug was. In het CRM staat bij de fraudemelding een status ('Terugroeping verstuurd', 'Antwoord ontvangen'). Het Fraudeteam belt zelf zodra er nieuws is. Dat zeggen stelde hem een beetje gerust.
        `,
        add: `
          **Klant vraagt hoe het met zijn dossier staat?** De stand van de terugroeping staat in het CRM (Fraudemelding > Status). Het Fraudeteam belt de klant zelf zodra de andere bank geantwoord heeft.
        `,
      },
    ],
  },
  {
    title: "Klant wil een groot bedrag naar een beleggingsplatform overschrijven",
    tags: ["fraude", "overschrijving", "limieten"],
    helpful: 7,
    reuse: 19,
    body: `
      Beleggingsfraude begint vaak met een advertentie op sociale media, soms met een bekende persoon die het platform 'aanraadt'. De klant wil dan een groot bedrag overschrijven of zijn limiet verhogen.

      **Signalen**
      - Een rendement dat 'gegarandeerd' of erg hoog is.
      - Een 'accountmanager' die de klant vaak belt en onder druk zet.
      - Het platform vraagt om een app te installeren om het scherm te delen.
      - De klant moet eerst 'belasting' of 'kosten' betalen om zijn winst te kunnen opnemen.

      **Wat je doet**
      1. Verhoog de limiet niet tijdens het gesprek, ook niet tijdelijk.
      2. Zeg eerlijk dat het scenario lijkt op fraude die we vaak zien, zonder de klant te beschuldigen.
      3. Laat het Fraudeteam terugbellen (CRM > Fraudemelding > 'Preventief gesprek').
      4. Verwijs naar de waarschuwingslijst van de FSMA, waar de klant het platform kan opzoeken.

      De klant beslist uiteindelijk zelf. Ons doel is dat hij beslist met de juiste informatie.
    `,
    source: {
      author: "sofie",
      daysAgo: 78,
      community: "fraude",
      title: "Klant wil 40.000 euro naar 'crypto-platform', limiet verhogen",
      body: `
        Klant belde om zijn daglimiet te verhogen naar 40.000 euro, voor een 'beleggingsplatform' dat hij via een advertentie met een bekende Vlaming gevonden had. Alarmbellen: advertentie met een BV, rendement 'gegarandeerd', een 'accountmanager' die hem dagelijks belt.
        Ik heb de limiet niet verhoogd en het Fraudeteam laten terugbellen. Klant was geïrriteerd, maar ging akkoord.
      `,
    },
    merged: [
      {
        author: "jens",
        daysAgo: 24,
        community: "fraude",
        title: "Klant hield vol en ging naar het kantoor",
        body: `
          Klant wou zijn limiet verhogen voor een beleggingsplatform, ik weigerde en maakte een fraudemelding. Hij ging de volgende dag naar het kantoor. Het kantoor zag mijn melding en mijn notitie over wat ik gezegd had, en kon meteen op dezelfde lijn verdergaan. Goed om altijd te noteren wat je de klant zei.
        `,
        add: `
          Dringt de klant aan en gaat hij naar het kantoor: het kantoor ziet de fraudemelding en volgt dezelfde aanpak. Noteer daarom in de melding wat je de klant gezegd hebt.
        `,
      },
    ],
  },
  {
    title: "'Hallo mama, dit is mijn nieuwe nummer': fraude via berichtenapps",
    tags: ["phishing", "fraude", "overschrijving"],
    community: "sparen",
    helpful: 6,
    reuse: 17,
    body: `
      Een fraudeur stuurt een bericht alsof hij een kind of een ander familielid is met een nieuw nummer ('mijn gsm is kapot'). Kort daarna volgt een vraag om dringend te betalen: een factuur, een nieuw toestel, een lening.

      **De klant heeft nog niet betaald**
      - Raad aan om het gekende, oude nummer te bellen, of een vraag te stellen die alleen het familielid kan beantwoorden.
      - Het bericht melden en het nummer blokkeren in de berichtenapp.

      **De klant heeft al betaald**
      1. Maak meteen een fraudemelding in het CRM; het Fraudeteam vraagt een terugroeping aan.
      2. Vraag de klant aangifte te doen bij de politie.
      3. Laat het bericht doorsturen naar verdacht@safeonweb.be.

      De naamcontrole bij de overschrijving toont vaak dat de naam van de begunstigde niet overeenkomt met die van het familielid. Vraag de klant of hij zo'n melding kreeg.
    `,
    source: {
      author: "hanne",
      daysAgo: 72,
      community: "sparen",
      title: "Moeder overschreef geld na WhatsApp van 'zoon'",
      body: `
        Klant kreeg een bericht 'Hallo mama, mijn gsm is kapot, dit is mijn nieuwe nummer' en daarna een vraag om dringend een factuur te betalen. Ze schreef 850 euro over. Pas 's avonds belde haar echte zoon.
        Fraudemelding gemaakt, maar het geld was al doorgestort. Tip aan de klant: bij zo'n bericht altijd eerst het oude nummer bellen.
      `,
    },
  },
  {
    title: "Bankkaart gestolen of verloren: blokkeren en vervangen",
    tags: ["bankkaart", "fraude"],
    helpful: 8,
    reuse: 30,
    body: `
      **Blokkeren**
      - Tijdens de kantooruren blokkeren wij de kaart meteen in het CRM (Kaart > Blokkeren, reden 'Diefstal' of 'Verlies').
      - Buiten de kantooruren belt de klant Cardstop (078 170 170) of blokkeert hij de kaart zelf in de app (Kaarten > Blokkeren).

      **Daarna**
      1. Bekijk samen de recente kaartbetalingen. Verrichtingen die de klant niet herkent, gaan als fraudemelding naar het Fraudeteam.
      2. Bestel een nieuwe kaart (CRM > Kaart > Vervangen). Ze komt binnen 5 werkdagen, de pincode apart per post.
      3. Bij diefstal doet de klant aangifte bij de politie.

      Een geblokkeerde kaart kan niet gedeblokkeerd worden. Vindt de klant ze terug, dan knipt hij ze door.
    `,
    source: {
      author: "bram",
      daysAgo: 91,
      title: "Kaart gestolen op de markt, klant kende Cardstop-nummer niet",
      body: `
        Klant was haar portefeuille kwijt op de markt en belde ons in paniek. Wij kunnen de kaart meteen blokkeren in het CRM, ze hoeft Cardstop dan niet meer te bellen. De nieuwe kaart komt binnen 5 werkdagen, de nieuwe pincode apart per post.
        Ze vroeg ook naar haar identiteitskaart: daarvoor naar de gemeente, en de diefstal melden bij de politie.
      `,
    },
    merged: [
      {
        author: "ruben",
        daysAgo: 33,
        title: "Na diefstal: kleine contactloze betalingen zonder pincode",
        body: `
          Klant zag na de diefstal van haar kaart drie kleine betalingen in een supermarkt en een tankstation, alle drie contactloos, zonder pincode. Dat kan tot de kaart geblokkeerd is. Die betalingen ook als fraudemelding doorgegeven.
        `,
        add: `
          Met een gestolen kaart kan een dief contactloos kleine bedragen betalen zonder pincode, tot de kaart geblokkeerd is. Ook die betalingen gaan als fraudemelding naar het Fraudeteam.
        `,
      },
    ],
  },
  {
    title: "De app vraagt om een update en start niet meer",
    tags: ["app"],
    community: "digitaal",
    helpful: 9,
    reuse: 34,
    body: `
      De app toont 'Update vereist' en opent niet verder.

      1. Vraag de klant de app bij te werken via de Play Store of de App Store.
      2. **Geen update zichtbaar?** Vraag naar de versie van het besturingssysteem (Instellingen > Over de telefoon). Is die ouder dan de minimumversie (intranet > Digitale Kanalen > Ondersteunde toestellen), dan werkt de nieuwe app niet meer op dat toestel.
      3. **Toestel te oud:** de klant kan online bankieren in de browser van een computer, met de kaartlezer of itsme.
      4. **Update gedaan, maar de app start nog niet:** de app afsluiten, de telefoon herstarten en als laatste stap de app verwijderen en opnieuw installeren. Dan moet de app opnieuw geactiveerd worden (zie 'Nieuwe smartphone: de app opnieuw activeren').

      Noemen meerdere klanten hetzelfde toestel, meld het dan in de community Digitaal bankieren.
    `,
    source: {
      author: "youssef",
      daysAgo: 107,
      community: "digitaal",
      title: "App blijft hangen op 'update vereist'",
      body: `
        Klant kreeg de melding dat de app bijgewerkt moest worden, maar in de Play Store stond geen update. Oorzaak: zijn Android-versie was te oud voor de nieuwe app. De minimumversie staat op intranet bij 'Ondersteunde toestellen'.
        Hij kan nog online bankieren in de browser met de kaartlezer.
      `,
    },
    merged: [
      {
        author: "tom",
        daysAgo: 48,
        community: "digitaal",
        title: "Update lukt niet: opslag van de telefoon vol",
        body: `
          Klant kon de app niet bijwerken, de Play Store gaf een vage foutmelding. Bleek dat zijn telefoon vol stond met foto's en video's. Na wat ruimte maken lukte de update meteen.
          Goed om te vragen voor je aan verwijderen en opnieuw installeren begint.
        `,
        add: `
          Lukt de update zelf niet, vraag dan of de telefoon vol staat. Met te weinig opslagruimte geeft de Play Store of de App Store een vage foutmelding; ruimte maken lost het meestal op.
        `,
      },
    ],
  },
  {
    title: "Nieuwe smartphone: de app opnieuw activeren",
    tags: ["app", "itsme", "kaartlezer"],
    community: "digitaal",
    helpful: 10,
    reuse: 36,
    body: `
      Op een nieuwe smartphone moet de app opnieuw geactiveerd worden. De activering op het oude toestel vervalt automatisch.

      **Met itsme (het snelst)**
      1. Zet eerst itsme over naar de nieuwe smartphone, via de itsme-app zelf.
      2. Installeer daarna onze app en kies 'Activeren met itsme'.

      **Met de kaartlezer**
      1. Installeer de app en kies 'Activeren met kaartlezer'.
      2. Volg de stappen met de bankkaart en de kaartlezer.

      **Geen itsme en geen kaartlezer?** Laat een activeringscode per post sturen (CRM > Digitaal > Activeringscode). Die komt binnen 3 werkdagen.

      Verkoopt of schenkt de klant zijn oude smartphone? Dan verwijdert hij eerst de app op dat toestel.
    `,
    source: {
      author: "sarah",
      daysAgo: 83,
      community: "digitaal",
      title: "Nieuwe gsm, app vraagt activatie en klant heeft geen kaartlezer",
      body: `
        Klant had een nieuwe gsm en wou de app activeren, maar had geen kaartlezer meer. Met itsme kan het ook, als itsme al op de nieuwe gsm staat. Dus eerst itsme overzetten (via de itsme-app zelf), en pas dan onze app.
        Dat was de volgorde die ze miste.
      `,
    },
    merged: [
      {
        author: "youssef",
        daysAgo: 23,
        community: "digitaal",
        title: "Oude gsm gestolen, app stond er nog op",
        body: `
          Klant had een nieuwe gsm omdat zijn oude gestolen was, en vroeg of de dief nu in zijn app kon. Zonder zijn app-code niet, maar ik heb het oude toestel toch gedeactiveerd in het CRM (Digitaal > Toestellen). Hij was opgelucht.
        `,
        add: `
          **Oude smartphone gestolen of kwijt?** Deactiveer de app op dat toestel in het CRM (Digitaal > Toestellen > Deactiveren), of laat de klant het zelf doen in online bankieren.
        `,
      },
    ],
  },
  {
    title: "itsme geblokkeerd of code vergeten",
    tags: ["itsme"],
    community: "digitaal",
    helpful: 8,
    reuse: 28,
    body: `
      itsme is een dienst van een ander bedrijf. Wij kunnen een itsme-account niet deblokkeren, niet resetten en de code niet wijzigen.

      **De klant is zijn itsme-code vergeten of is geblokkeerd**
      1. Verwijs naar de itsme-app (Hulp nodig?) of naar de helpdesk op de website van itsme.
      2. Meestal moet de klant zich opnieuw registreren met zijn identiteitskaart.
      3. Intussen kan hij bij ons aanmelden met de kaartlezer.

      **Wat wij wel kunnen nakijken:** of de koppeling tussen itsme en onze diensten werkt (CRM > Digitaal > Aanmeldmethodes). Staat itsme daar op 'geweigerd', vraag de klant dan om de koppeling opnieuw te maken in onze app (Instellingen > Aanmelden met itsme).
    `,
    source: {
      author: "elif",
      daysAgo: 81,
      title: "itsme-code vergeten: wij kunnen niets resetten",
      body: `
        Klant had zijn itsme-code drie keer fout ingegeven en was geblokkeerd. Hij dacht dat wij dat konden oplossen. itsme is een aparte dienst: deblokkeren of opnieuw registreren gaat via itsme zelf (app of helpdesk).
        Intussen kan hij aanmelden met de kaartlezer. Dat gaf hem rust.
      `,
    },
    merged: [
      {
        author: "bram",
        daysAgo: 39,
        title: "itsme werkt niet meer na nieuwe identiteitskaart",
        body: `
          Klant kon zich niet meer aanmelden met itsme. Zijn identiteitskaart was vervallen en hij had er net een nieuwe. itsme moet dan bijgewerkt worden met de nieuwe kaart, in de itsme-app. Dat wist hij niet, en ik eerlijk gezegd ook niet meteen.
          Na het bijwerken werkte alles.
        `,
        add: `
          **Nieuwe identiteitskaart?** itsme werkt pas weer nadat de klant zijn itsme-account bijwerkt met de nieuwe kaart, in de itsme-app.
        `,
      },
    ],
  },
  {
    title: "Aanmelden zonder itsme: met de kaartlezer",
    tags: ["kaartlezer", "app", "itsme"],
    helpful: 5,
    reuse: 15,
    body: `
      itsme is niet verplicht. De klant kan aanmelden en ondertekenen met zijn bankkaart en de kaartlezer.

      **Online bankieren (browser)**
      1. Kies 'Aanmelden met kaartlezer'.
      2. Steek de bankkaart in de kaartlezer, druk op de knop 'Login' en geef de pincode in.
      3. Tik de code van het scherm van de kaartlezer over in de browser.

      **App:** activeren kan met de kaartlezer; daarna meldt de klant aan met een eigen app-code of met zijn vingerafdruk.

      Kaartlezer kapot of kwijt? Bestel een nieuwe (CRM > Digitaal > Kaartlezer bestellen); één keer per drie jaar is dat gratis.

      Respecteer de keuze van de klant. Klanten overtuigen om itsme te nemen is niet onze taak.
    `,
    source: {
      author: "jens",
      daysAgo: 77,
      title: "Klant wil geen itsme: hoe dan wel aanmelden?",
      body: `
        Oudere klant wou geen itsme ('ik vertrouw dat niet'). Hij kan gewoon met de kaartlezer blijven aanmelden, in online bankieren en in de app. Wel iets trager.
        Niet proberen te overtuigen, gewoon de weg tonen.
      `,
    },
  },
  {
    title: "De kaartlezer geeft een foutmelding",
    tags: ["kaartlezer", "bankkaart"],
    helpful: 7,
    reuse: 25,
    body: `
      **Leeg scherm of flikkerend scherm:** de batterijen vervangen (2 × CR2032, aan de achterkant).

      **'Err 03' of 'Kaart onleesbaar'**
      - De chip van de bankkaart voorzichtig afvegen met een droge doek.
      - De kaart er helemaal in steken, met de chip naar boven en naar voren.
      - Werkt het nog niet, test de kaart dan aan een betaalterminal. Werkt ze daar ook niet, dan is de kaart defect: bestel een nieuwe.

      **'PIN BLOCKED'**
      De pincode werd drie keer fout ingegeven en de kaart is geblokkeerd voor elk gebruik. Vraag een nieuwe pincode aan (CRM > Kaart > Pincode opnieuw aanvragen); die komt binnen 5 werkdagen per post.

      **De code wordt geweigerd in de browser:** vraag of de klant de juiste knop gebruikte: 'Login' om aan te melden, 'Sign' om te ondertekenen.
    `,
    source: {
      author: "ruben",
      daysAgo: 74,
      title: "Kaartlezer toont 'Err 03'",
      body: `
        Klant kreeg 'Err 03' op zijn kaartlezer. Bleek dat de chip van zijn kaart vuil was; even afvegen met een droge doek en het werkte.
        Andere meldingen die ik al tegenkwam:
        - 'PIN BLOCKED': pincode 3 keer fout, nieuwe pincode aanvragen;
        - leeg scherm: batterijen.
      `,
    },
    merged: [
      {
        author: "sarah",
        daysAgo: 29,
        title: "Nieuwe bankkaart werkt niet in de kaartlezer",
        body: `
          Klant had een nieuwe bankkaart gekregen (de oude was vervallen) en de kaartlezer gaf 'Kaart onleesbaar'. Een nieuwe kaart werkt pas in de kaartlezer nadat je ze één keer met de pincode gebruikt hebt, bijvoorbeeld geld afhalen. Klant ging naar de automaat om de hoek, daarna lukte het.
        `,
        add: `
          **Nieuwe bankkaart?** Die werkt pas in de kaartlezer nadat de klant ze één keer met de pincode gebruikte, bijvoorbeeld om geld af te halen of in een winkel te betalen.
        `,
      },
    ],
  },
  {
    title: "Meldingen van de app komen niet binnen",
    tags: ["app"],
    community: "digitaal",
    helpful: 4,
    reuse: 12,
    body: `
      Meldingen moeten op twee plaatsen aanstaan:

      1. **In de telefoon:** Instellingen > Meldingen (of Apps) > onze app > Meldingen toestaan.
      2. **In de app:** Instellingen > Meldingen, en daar de gewenste meldingen kiezen (betalingen, saldo, spaardoel, beveiliging).

      **Nog steeds niets?**
      - Staat de energiebesparing of 'niet storen' aan? Die kunnen meldingen tegenhouden.
      - Na een update of een herstelling van de telefoon staan de meldingen soms weer uit.
      - Is de app op meerdere toestellen geactiveerd, dan komen de meldingen alleen op het laatst geactiveerde toestel.

      Beveiligingsmeldingen (nieuwe aanmelding, gewijzigde limiet) kunnen niet uitgezet worden.
    `,
    source: {
      author: "hanne",
      daysAgo: 69,
      community: "digitaal",
      title: "Geen pushmeldingen meer na update van de telefoon",
      body: `
        Klant kreeg geen meldingen meer van de app over betalingen op haar rekening. Na een update van haar telefoon stonden de meldingen voor onze app uit. Aanzetten moet op twee plaatsen: in de instellingen van de telefoon én in de app zelf (Instellingen > Meldingen).
        Ze had alleen het tweede gedaan.
      `,
    },
  },
  {
    title: "De app werkt niet op een geroote of gejailbreakte telefoon",
    tags: ["app"],
    community: "digitaal",
    helpful: 2,
    reuse: 6,
    body: `
      Een geroote (Android) of gejailbreakte (iPhone) telefoon is minder goed beveiligd. De app weigert dan te starten, met de melding 'Dit toestel voldoet niet aan de veiligheidsvereisten'.

      - Dat is een bewuste keuze; we maken geen uitzonderingen.
      - De klant kan online bankieren in de browser, met de kaartlezer of itsme.
      - Is de telefoon niet geroot en krijgt de klant toch die melding? Soms ligt het aan een ontwikkelaarsoptie of een niet-officiële systeemupdate. Noteer merk, model en versie van het besturingssysteem en meld het in de community Digitaal bankieren.
    `,
    source: {
      author: "tom",
      daysAgo: 12,
      community: "digitaal",
      title: "App weigert: 'toestel voldoet niet aan de veiligheidsvereisten'",
      body: `
        Klant kreeg de melding 'Dit toestel voldoet niet aan de veiligheidsvereisten'. Hij had zijn telefoon zelf geroot om andere software te kunnen installeren. Dan werkt de app niet, en dat is bewust.
        Hij was er niet blij mee, maar het is om zijn geld te beschermen. Online bankieren in de browser met de kaartlezer kan wel.
      `,
    },
  },
  {
    title: "Daglimiet voor overschrijvingen tijdelijk verhogen",
    tags: ["limieten", "overschrijving", "app"],
    helpful: 9,
    reuse: 32,
    body: `
      De klant kan zijn limieten zelf aanpassen in de app: Instellingen > Limieten.

      **Tijdelijke verhoging**
      - Voor maximaal 7 dagen; daarna valt de limiet automatisch terug.
      - Zelf in de app tot € 50.000 per dag, te bevestigen met itsme of de kaartlezer.
      - Boven € 50.000: via ons (CRM > Limieten > Tijdelijke verhoging) na identificatie met itsme, of in het kantoor.

      **Let op bij een vraag om de limiet te verhogen**
      - Vraag waarvoor de betaling dient. Een notaris, een aannemer of een autoverkoper is gebruikelijk.
      - Hoor je 'beleggingsplatform', 'veilige rekening' of 'iemand helpt me aan de telefoon'? Zie dan 'Klant wil een groot bedrag naar een beleggingsplatform overschrijven'.
    `,
    source: {
      author: "lotte",
      daysAgo: 88,
      title: "Klant moet voorschot notaris betalen, limiet te laag",
      body: `
        Klant moest 25.000 euro voorschot aan de notaris betalen en zijn daglimiet was 5.000. In de app kan hij de limiet zelf tijdelijk verhogen, tot 7 dagen (Instellingen > Limieten), en bevestigen met itsme. Voor meer dan 50.000 moet het via ons of via het kantoor.
        Hij had het zelf al gevonden, maar durfde het niet te doen zonder bevestiging.
      `,
    },
    merged: [
      {
        author: "wout",
        daysAgo: 30,
        title: "Limiet verhoogd, maar betaling aan notaris blijft geweigerd",
        body: `
          Klant had zijn limiet verhoogd en probeerde meteen de notaris te betalen, maar de betaling bleef geweigerd. Reden: nieuwe begunstigde, en dan geldt de verhoging pas na 2 uur. Klant had dat wel gelezen, maar niet begrepen.
          Voortaan zeg ik het er meteen bij: verhoog op tijd, liefst niet op de dag zelf.
        `,
        add: `
          **Nieuwe begunstigde:** een verhoogde limiet geldt meteen voor begunstigden die de klant al betaalde, maar pas na 2 uur voor een nieuwe begunstigde. Raad de klant aan de limiet op tijd te verhogen, niet op het moment van de betaling.
        `,
        reason: "Dank je, die wachttijd van 2 uur stond nergens. Toegevoegd.",
      },
    ],
  },
  {
    title: "Limieten in de app en met de kaartlezer: wat is het verschil?",
    tags: ["limieten", "kaartlezer", "app"],
    helpful: 4,
    reuse: 11,
    body: `
      Limieten gelden per kanaal. De klant ziet ze allemaal in de app (Instellingen > Limieten); jij ziet ze in het CRM (Limieten).

      - **App** (bevestigen met app-code of itsme): standaard € 10.000 per dag.
      - **Online bankieren met de kaartlezer:** standaard € 2.500 per dag.
      - **Bankkaart** (betalen en geld afhalen): aparte limieten per week.

      Elke limiet kan apart aangepast worden, binnen de maximumgrenzen uit de tarievenlijst. Een hogere limiet in de app verhoogt de limiet met de kaartlezer niet.

      Oudere klanten die alleen met de kaartlezer werken, botsen vaker op de lagere limiet. Verhoog dan liever tijdelijk dan blijvend.
    `,
    source: {
      author: "kaat",
      daysAgo: 19,
      title: "Klant verward: limiet 10.000 in de app, maar kaartlezer zegt 2.500",
      body: `
        Klant begreep niet waarom hij in de app 10.000 euro kon overschrijven en in online bankieren met de kaartlezer maar 2.500. De limieten zijn per kanaal anders; met de kaartlezer is de standaard lager. Hij kan ze elk apart aanpassen.
        Goed om te weten voor oudere klanten die met de kaartlezer werken.
      `,
    },
  },
  {
    title: "Instant overschrijving: waarom staat het geld er (nog) niet?",
    tags: ["overschrijving"],
    community: "sparen",
    helpful: 6,
    reuse: 18,
    body: `
      Een instant overschrijving staat binnen enkele seconden op de rekening van de begunstigde, ook in het weekend. Soms lukt dat niet:

      - **De bank van de begunstigde is tijdelijk onbereikbaar of weigert de instant betaling:** de betaling wordt automatisch als gewone overschrijving uitgevoerd. In de details van de betaling staat dan 'Verwerkt als gewone overschrijving'. Het geld komt de volgende werkdag aan.
      - **Het bedrag ligt boven de limiet voor instant betalingen:** ook dan wordt het een gewone overschrijving.
      - **Extra controle door het Fraudeteam:** de betaling staat 'In behandeling'. Zeg niet dat het om fraude gaat, wel dat het om een veiligheidscontrole gaat die meestal binnen enkele uren afgerond is.

      Een instant overschrijving kan niet geannuleerd worden zodra ze uitgevoerd is.
    `,
    source: {
      author: "sofie",
      daysAgo: 68,
      community: "sparen",
      title: "Instant overschrijving 'uitgevoerd', maar verhuurder ziet niets",
      body: `
        Klant had een instant overschrijving gedaan naar zijn verhuurder; volgens onze app uitgevoerd, maar de verhuurder zag niets. Zijn bank had de instant betaling niet aanvaard, dus ging ze als gewone overschrijving, de volgende werkdag. In de details van de betaling staat 'Verwerkt als gewone overschrijving'.
        Dat tonen stelde de klant gerust.
      `,
    },
    merged: [
      {
        author: "ruben",
        daysAgo: 27,
        title: "Betaling 'In behandeling': klant wil weten hoe lang nog",
        body: `
          Klant had een instant overschrijving naar een nieuwe begunstigde die 'In behandeling' stond. Hij wou weten wanneer ze vertrok. In het CRM (Betalingen > In behandeling) zie je of het Fraudeteam de betaling al bekeken heeft. Ik wou het Fraudeteam bellen, maar collega zei dat dat pas nodig is na 4 werkuren.
        `,
        add: `
          Vraagt de klant wanneer de controle klaar is: het CRM (Betalingen > In behandeling) toont of het Fraudeteam de betaling al bekeken heeft. Bel het Fraudeteam pas als de betaling langer dan 4 werkuren in behandeling staat.
        `,
      },
    ],
  },
  {
    title: "Naamcontrole bij een overschrijving: 'de naam komt niet overeen'",
    tags: ["overschrijving", "fraude"],
    community: "sparen",
    helpful: 7,
    reuse: 22,
    body: `
      Bij elke overschrijving controleert de bank van de begunstigde of de ingevulde naam bij het rekeningnummer past. De klant krijgt een van deze resultaten:

      - **Naam komt overeen:** niets aan de hand.
      - **Naam komt bijna overeen:** de app toont de juiste naam. Vaak een tikfout of een ontbrekende voornaam.
      - **Naam komt niet overeen:** de naam hoort niet bij het rekeningnummer.
      - **Controle niet mogelijk:** de bank van de begunstigde antwoordde niet.

      **Wat je zegt**
      1. Gaat het om een bedrijf? Dan moet vaak de officiële bedrijfsnaam ingevuld worden, niet de naam van de zaakvoerder.
      2. Bij 'komt niet overeen' zonder duidelijke verklaring: niet betalen en de begunstigde bellen op een gekend nummer, niet op een nummer uit de factuur of het bericht.
      3. Betaalt de klant toch, dan is dat zijn keuze en zijn verantwoordelijkheid. Zeg dat duidelijk.

      Een 'komt niet overeen' is een van de beste signalen van factuurfraude.
    `,
    source: {
      author: "youssef",
      daysAgo: 57,
      community: "sparen",
      title: "Melding 'naam komt niet overeen' bij betaling aan aannemer",
      body: `
        Klant kreeg bij zijn overschrijving de melding dat de naam niet overeenkwam met de rekening. Hij had de voornaam en naam van de aannemer ingevuld in plaats van de firmanaam. Na aanpassing: 'naam komt overeen'.
        Wel altijd zeggen: bij twijfel niet betalen en de begunstigde bellen op een gekend nummer.
      `,
    },
    merged: [
      {
        author: "wout",
        daysAgo: 18,
        title: "'Naam komt bijna overeen': klant durft niet te betalen",
        body: `
          Klant kreeg 'naam komt bijna overeen' bij een betaling aan zijn tandarts en durfde niet verder. De app toonde de naam zoals de bank van de tandarts hem kent (met de naam van de praktijk erbij). Dat was gewoon juist. Klant nam de voorgestelde naam over en betaalde.
        `,
        add: `
          Bij 'bijna overeen' toont de app de naam die de bank van de begunstigde kent. Is dat duidelijk de persoon of het bedrijf dat de klant wil betalen, dan kan hij de voorgestelde naam gerust overnemen.
        `,
      },
    ],
  },
  {
    title: "Overschrijving naar een verkeerd rekeningnummer",
    tags: ["overschrijving"],
    helpful: 5,
    reuse: 16,
    body: `
      Bestaat het rekeningnummer niet, dan komt het geld binnen enkele werkdagen automatisch terug. Bestaat het wel, dan staat het geld op de rekening van iemand anders.

      **Wat je doet**
      1. Controleer samen het rekeningnummer en de betaling (CRM > Rekening > Verrichtingen).
      2. Dien een terugvraagverzoek in (CRM > Betalingen > Terugvraag 'Foutieve begunstigde'). Kosten: zie de tarievenlijst.
      3. Leg uit wat er gebeurt: de bank van de begunstigde vraagt de begunstigde om akkoord. Zonder akkoord stort die bank niets terug, maar bezorgt ze ons wel de gegevens die de klant nodig heeft om zelf stappen te zetten.

      Reken op enkele weken en beloof geen resultaat.

      De naamcontrole helpt dit te voorkomen. Kreeg de klant 'naam komt niet overeen' en betaalde hij toch? Noteer dat in het dossier.
    `,
    source: {
      author: "elif",
      daysAgo: 26,
      title: "Klant maakte typfout in rekeningnummer",
      body: `
        Klant had 300 euro naar een verkeerd nummer overgeschreven (twee cijfers omgewisseld), en dat nummer bestond toevallig. Wij kunnen het niet terugdraaien, maar wel via het CRM een terugvraagverzoek indienen. De bank van de begunstigde contacteert die persoon, en die moet zelf akkoord gaan.
        Duurt een paar weken, geen garantie.
      `,
    },
  },
];
