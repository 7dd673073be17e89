/**
 * The e-mails Gilde sends, in the recipient's language: a plain-text part and an HTML part built from the
 * same pieces. Everything people wrote (titles, reasons, names) is escaped in the HTML; links are absolute.
 */
import type { Locale } from "~/schemas/enums";
import type { NotificationType } from "~/models/notification.server";
import { formatDate, translator, type Translate } from "~/utils/i18n";

export type MailContent = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** A subject line is one line: line breaks in a title would start new headers in some clients. */
function oneLine(value: string, max = 160): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

type MailItem = { html: string; text: string };
type Layout = { locale: Locale; t: Translate; name: string; paragraphs: string[]; quote?: string; highlights?: { heading: string; items: MailItem[] }; items?: MailItem[]; more?: string; action: { url: string; label: string }; footer: string; preferencesUrl: string };

/** Both parts from the same pieces; every piece arrives as plain text and is escaped here. */
function layout(subject: string, { locale, t, name, paragraphs, quote, highlights, items, more, action, footer, preferencesUrl }: Layout): MailContent {
  const text = [
    t("mail.greeting", { name }),
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(quote ? [quote.split("\n").map((line) => `> ${line}`).join("\n"), ""] : []),
    ...(highlights ? [highlights.heading, ...highlights.items.map((item) => item.text), ""] : []),
    ...(items ? [...items.map((item) => item.text), ...(more ? [more] : []), ""] : []),
    `${action.label}: ${action.url}`,
    "",
    "-- ",
    footer,
    preferencesUrl,
  ].join("\n");
  const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #d9dde3;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-weight:bold;color:#1d4f91">Gilde</p>
${p(escapeHtml(t("mail.greeting", { name })))}
${paragraphs.map((paragraph) => p(escapeHtml(paragraph))).join("\n")}
${quote ? `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:4px solid #d9dde3;color:#3e4c59">${escapeHtml(quote).replace(/\n/g, "<br>")}</blockquote>` : ""}
${highlights ? `<p style="margin:0 0 8px;font-weight:bold">${escapeHtml(highlights.heading)}</p><ul style="margin:0 0 16px;padding-left:20px">${highlights.items.map((item) => `<li style="margin-bottom:8px">${item.html}</li>`).join("")}</ul>` : ""}
${items ? `<ul style="margin:0 0 16px;padding-left:20px">${items.map((item) => `<li style="margin-bottom:8px">${item.html}</li>`).join("")}</ul>${more ? p(escapeHtml(more)) : ""}` : ""}
<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4f91;color:#ffffff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action.label)}</a></p>
<hr style="border:none;border-top:1px solid #d9dde3;margin:24px 0 12px">
<p style="margin:0;font-size:13px;color:#52606d">${escapeHtml(footer)} <a href="${escapeHtml(preferencesUrl)}" style="color:#1d4f91">${escapeHtml(t("mail.preferences"))}</a></p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

export type NotificationMailInput = {
  locale: Locale;
  recipientName: string;
  type: NotificationType;
  /** What the event stored: a title and a reason or comment are shown when present. */
  data: Record<string, unknown>;
  subjectUrl: string;
  preferencesUrl: string;
};

const textOf = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/** One notification as an e-mail: what happened, its title, a reason if there is one, a link to it. */
export function renderNotificationMail(input: NotificationMailInput): MailContent {
  const t = translator(input.locale);
  const title = textOf(input.data.title);
  const reason = textOf(input.data.reason) ?? textOf(input.data.comment);
  const what = t(`mail.type.${input.type}.subject`);
  const subject = oneLine(title ? `${what}: ${title}` : what);
  return layout(subject, {
    locale: input.locale,
    t,
    name: input.recipientName,
    paragraphs: [t(`mail.type.${input.type}.body`), ...(title ? [`“${title}”`] : [])],
    // A thank-you's own words are the point of its mail (issue 17).
    quote: reason ? t("mail.reason", { reason }) : textOf(input.data.message),
    action: { url: input.subjectUrl, label: t("mail.open") },
    footer: t("mail.footer"),
    preferencesUrl: input.preferencesUrl,
  });
}

export type DigestMailItem = { title: string; url: string; change: "new" | "changed"; communityName: string | null; at: Date };

/** A community's skill spotlight in the digest: the entry or topic, with the lead's note. */
export type DigestSpotlight = { communityName: string; title: string; note: string; url: string };

export type DigestMailInput = {
  locale: Locale;
  recipientName: string;
  since: Date;
  /** The current spotlights of the person's communities (issue 17). */
  spotlights?: DigestSpotlight[];
  /** The entries to list (the most recent first), out of `total`. */
  items: DigestMailItem[];
  total: number;
  whatsNewUrl: string;
  preferencesUrl: string;
};

/** The morning digest: what is new or changed in the person's communities and topics since the last one. */
export function renderDigestMail(input: DigestMailInput): MailContent {
  const t = translator(input.locale);
  const items = input.items.map((item) => {
    const label = t(item.change === "new" ? "whatsNew.new" : "whatsNew.changed");
    const where = item.communityName ?? t("whatsNew.noCommunity");
    const when = formatDate(input.locale, item.at, true);
    return {
      text: `- ${oneLine(item.title)} (${label}, ${where}, ${when})\n  ${item.url}`,
      html: `<a href="${escapeHtml(item.url)}" style="color:#1d4f91;font-weight:bold">${escapeHtml(oneLine(item.title))}</a><br><span style="font-size:13px;color:#52606d">${escapeHtml(label)} · ${escapeHtml(where)} · ${escapeHtml(when)}</span>`,
    };
  });
  const rest = input.total - input.items.length;
  const spotlights = input.spotlights ?? [];
  const highlights = spotlights.length
    ? {
        heading: t("recognition.spotlight.digestHeading"),
        items: spotlights.map((s) => ({
          text: `- ${oneLine(s.title)} (${oneLine(s.communityName)})\n  ${s.url}\n  ${oneLine(s.note, 300)}`,
          html: `<a href="${escapeHtml(s.url)}" style="color:#1d4f91;font-weight:bold">${escapeHtml(oneLine(s.title))}</a> <span style="font-size:13px;color:#52606d">${escapeHtml(oneLine(s.communityName))}</span><br>${escapeHtml(oneLine(s.note, 300))}`,
        })),
      }
    : undefined;
  // A digest with only a new spotlight says so in its subject, not "0 entries".
  const subject = input.total === 0 && spotlights[0] ? t("recognition.spotlight.digestSubject", { community: oneLine(spotlights[0].communityName) }) : t("mail.digest.subject", { count: input.total });
  return layout(subject, {
    locale: input.locale,
    t,
    name: input.recipientName,
    paragraphs: input.total > 0 ? [t("mail.digest.intro", { from: formatDate(input.locale, input.since, true) })] : [],
    highlights,
    items: input.total > 0 ? items : undefined,
    more: rest > 0 ? t("mail.digest.more", { count: rest }) : undefined,
    action: { url: input.whatsNewUrl, label: t("mail.digest.all") },
    footer: t("mail.digest.footer"),
    preferencesUrl: input.preferencesUrl,
  });
}
