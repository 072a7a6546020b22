// One e-mail the sink received over SMTP, parsed (subject and bodies decoded), as the inbox pages
// show it and `GET /_emulator/messages` answers it. Pure (types only) so the control client shares it.

export interface StoredAddress {
  address: string;
  /** Display name, decoded; empty when none. */
  name: string;
}

export interface StoredAttachment {
  filename: string | null;
  contentType: string;
  size: number;
}

export interface StoredMessage {
  id: string;
  /** The From: header's first address (the envelope sender when the header has none). */
  from: StoredAddress | null;
  /** Every recipient: the SMTP envelope's RCPT TO addresses, lower-cased. */
  to: string[];
  /** The To: and Cc: headers as written. */
  headerTo: StoredAddress[];
  cc: StoredAddress[];
  /** Decoded (RFC 2047) subject; empty when none. */
  subject: string;
  text: string | null;
  html: string | null;
  messageId: string | null;
  /** The Date: header, ISO-8601. */
  date: string | null;
  /** Header name (lower-case) → decoded value; repeated headers joined with ", ". */
  headers: Record<string, string>;
  attachments: StoredAttachment[];
  envelope: { mailFrom: string | null; rcptTo: string[] };
  receivedAt: string;
}

export interface MessageFilter {
  /** A recipient (envelope, To: or Cc:), case-insensitive, exact address. */
  to?: string;
  /** Part of the subject. */
  subject?: string;
}
