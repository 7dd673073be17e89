import { describe, expect, it } from "vitest";
import { escapeHtml, renderDigestMail, renderNotificationMail } from "./templates";

const links = { subjectUrl: "https://gilde.example.org/entries/e1", preferencesUrl: "https://gilde.example.org/settings/notifications" };

describe("notification mail", () => {
  it("speaks the recipient's language, with both links in both parts", () => {
    const nl = renderNotificationMail({ locale: "nl", recipientName: "An", type: "note.declined", data: { title: "Kaartlezer", reason: "Staat al in de kennisbank" }, ...links });
    expect(nl.subject).toBe("Je notitie is niet opgenomen: Kaartlezer");
    expect(nl.text).toContain("Hallo An,");
    expect(nl.text).toContain("> Toelichting: Staat al in de kennisbank");
    for (const part of [nl.text, nl.html]) {
      expect(part).toContain(links.subjectUrl);
      expect(part).toContain(links.preferencesUrl);
    }
    const en = renderNotificationMail({ locale: "en", recipientName: "Dan", type: "note.declined", data: { title: "Card reader" }, ...links });
    expect(en.subject).toBe("Your note was declined: Card reader");
    expect(en.html).toContain('lang="en"');
    expect(en.text).not.toContain(">");
  });

  it("escapes everything people wrote in the HTML part and keeps the subject on one line", () => {
    const mail = renderNotificationMail({
      locale: "nl",
      recipientName: "<b>Eve</b>",
      type: "report.commented",
      data: { title: 'Rapport <script>alert("x")</script>\nBcc: x@evil.example', comment: "<img src=x onerror=alert(1)>" },
      ...links,
    });
    expect(mail.html).not.toMatch(/<script|<img|<b>Eve/);
    expect(mail.html).toContain("&lt;script&gt;");
    expect(mail.subject).not.toContain("\n");
    expect(escapeHtml(`a&"'<>`)).toBe("a&amp;&quot;&#39;&lt;&gt;");
  });

  it("has a text for every type and works without data", () => {
    const mail = renderNotificationMail({ locale: "en", recipientName: "X", type: "mandatoryRead.reminder", data: {}, ...links });
    expect(mail.subject).toBe("Reminder: required reading");
  });
});

describe("digest mail", () => {
  it("lists the entries with links, counts the rest and links to the page", () => {
    const items = [
      { title: "Spaarrekening <nieuw>", url: "https://g/entries/a", change: "new" as const, communityName: "Sparen", at: new Date("2026-12-07T07:00:00Z") },
      { title: "Volmacht", url: "https://g/entries/b", change: "changed" as const, communityName: null, at: new Date("2026-12-06T15:00:00Z") },
    ];
    const mail = renderDigestMail({ locale: "nl", recipientName: "An", since: new Date("2026-12-04T07:00:00Z"), items, total: 12, whatsNewUrl: "https://g/new", preferencesUrl: "https://g/settings/notifications" });
    expect(mail.subject).toBe("Gilde: 12 artikels nieuw of gewijzigd");
    expect(mail.text).toContain("https://g/entries/a");
    expect(mail.text).toContain("… en nog 10 artikels.");
    expect(mail.html).toContain("Spaarrekening &lt;nieuw&gt;");
    expect(mail.html).toContain("Hele organisatie");
    const en = renderDigestMail({ locale: "en", recipientName: "Dan", since: new Date("2026-12-04T07:00:00Z"), items: items.slice(0, 1), total: 1, whatsNewUrl: "https://g/new", preferencesUrl: "https://g/p" });
    expect(en.subject).toBe("Gilde: 1 entry new or changed");
    expect(en.text).not.toContain("more");
  });
});

describe("the spotlight in the digest (issue 17)", () => {
  const spotlight = { communityName: "Sparen <aan> de lijn", title: "Getrouwheidspremie", note: "Ken dit tegen vrijdag.\nEcht.", url: "https://g/entries/s" };
  it("comes before the entries, escaped, with its note and link", () => {
    const items = [{ title: "Volmacht", url: "https://g/entries/b", change: "changed" as const, communityName: null, at: new Date("2026-12-06T15:00:00Z") }];
    const mail = renderDigestMail({ locale: "nl", recipientName: "An", since: new Date("2026-12-04T07:00:00Z"), spotlights: [spotlight], items, total: 1, whatsNewUrl: "https://g/new", preferencesUrl: "https://g/p" });
    expect(mail.subject).toBe("Gilde: 1 artikel nieuw of gewijzigd");
    expect(mail.text.indexOf("In de kijker in je communities:")).toBeLessThan(mail.text.indexOf("Volmacht"));
    expect(mail.text).toContain("Ken dit tegen vrijdag. Echt.");
    expect(mail.html).toContain("Sparen &lt;aan&gt; de lijn");
    expect(mail.html).toContain('href="https://g/entries/s"');
  });
  it("alone makes a digest about itself, in the reader's language", () => {
    const mail = renderDigestMail({ locale: "en", recipientName: "Dan", since: new Date("2026-12-04T07:00:00Z"), spotlights: [spotlight], items: [], total: 0, whatsNewUrl: "https://g/new", preferencesUrl: "https://g/p" });
    expect(mail.subject).toBe("Gilde: new in the spotlight in Sparen <aan> de lijn");
    expect(mail.text).toContain("In the spotlight in your communities:");
    expect(mail.text).not.toContain("or changed in your communities");
  });
});
