// The e-mail form of a partner notification: the seed's title as subject, the body, and the link
// to the page where the partner acts; plain text and a small inline-styled HTML part.
import type { PartnerNotificationText } from '../../common/partners/notifications';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function emailText(text: PartnerNotificationText, url: string): string {
  return [text.title, '', text.body, '', `${text.linkLabel}: ${url}`, '', '—', 'Lansmart by SmartHR'].join('\n');
}

export function emailHtml(text: PartnerNotificationText, url: string): string {
  const body = escapeHtml(text.body).replace(/\n/g, '<br>');
  return `<!doctype html><html lang="ja"><body style="font-family:sans-serif;line-height:1.6">
<h1 style="font-size:18px">${escapeHtml(text.title)}</h1>
<p>${body}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;background:#06c755;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(text.linkLabel)}</a></p>
<p style="color:#666;font-size:12px">Lansmart by SmartHR</p>
</body></html>`;
}
