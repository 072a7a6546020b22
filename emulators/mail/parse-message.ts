// Turns one received message (the raw DATA stream and its SMTP envelope) into a StoredMessage with
// mailparser: RFC 2047 subjects, charsets and transfer encodings decoded, headers flattened to
// strings, attachments listed (not kept).

import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { simpleParser, type AddressObject, type EmailAddress, type HeaderValue } from 'mailparser';
import type { StoredAddress, StoredMessage } from './stored-message';

function flattenAddresses(entries: EmailAddress[]): StoredAddress[] {
  return entries.flatMap((entry) =>
    entry.group !== undefined ? flattenAddresses(entry.group) : entry.address === undefined ? [] : [{ address: entry.address, name: entry.name }],
  );
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): StoredAddress[] {
  if (field === undefined) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((object) => flattenAddresses(object.value));
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item: string | { value: string; params: Record<string, string> }) => headerText(item)).join(', ');
  if ('text' in value) return value.text;
  const params = Object.entries(value.params).map(([name, param]) => `; ${name}=${param}`);
  return value.value + params.join('');
}

export async function parseReceivedMessage(
  source: Readable,
  envelope: { mailFrom: string | null; rcptTo: string[] },
): Promise<StoredMessage> {
  const parsed = await simpleParser(source, { skipTextToHtml: true, skipImageLinks: true });
  const headers: Record<string, string> = {};
  for (const [name, value] of parsed.headers) headers[name.toLowerCase()] = headerText(value);
  const from = addressesOf(parsed.from)[0] ?? (envelope.mailFrom === null ? null : { address: envelope.mailFrom, name: '' });
  return {
    id: randomUUID(),
    from,
    to: envelope.rcptTo.map((address) => address.toLowerCase()),
    headerTo: addressesOf(parsed.to),
    cc: addressesOf(parsed.cc),
    subject: parsed.subject ?? '',
    text: parsed.text ?? null,
    html: parsed.html === false ? null : parsed.html,
    messageId: parsed.messageId ?? null,
    date: parsed.date === undefined ? null : parsed.date.toISOString(),
    headers,
    attachments: parsed.attachments.map((attachment) => ({ filename: attachment.filename ?? null, contentType: attachment.contentType, size: attachment.size })),
    envelope,
    receivedAt: new Date().toISOString(),
  };
}
