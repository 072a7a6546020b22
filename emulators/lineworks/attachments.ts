// Bot attachments (docs/providers/line-works.md#bot-messages): `POST /bots/{botId}/attachments` hands out a fileId and an
// upload URL; the URL accepts one upload, both are valid 24 hours, files are at most 1 MB. The bytes
// are kept, so that a rich menu can show its image in the talk room.

import { randomBytes } from 'node:crypto';
import type { ImageInfo } from './image-size';

export const ATTACHMENT_TTL_MS = 24 * 3600_000;
export const MAX_ATTACHMENT_BYTES = 1024 * 1024;

export interface Attachment {
  fileId: string;
  botId: string;
  tenantId: string;
  fileName: string;
  uploadToken: string;
  expiresAt: number;
  upload?: { bytes: number; contentType?: string; image?: ImageInfo; data: Buffer };
}

export class AttachmentStore {
  private readonly files = new Map<string, Attachment>();

  constructor(private readonly now: () => number = Date.now) {}

  create(botId: string, tenantId: string, fileName: string): Attachment {
    const attachment: Attachment = {
      fileId: `kr1.${randomBytes(12).toString('hex')}`,
      botId,
      tenantId,
      fileName,
      uploadToken: randomBytes(24).toString('base64url'),
      expiresAt: this.now() + ATTACHMENT_TTL_MS,
    };
    this.files.set(attachment.fileId, attachment);
    return attachment;
  }

  /** A live attachment by fileId. */
  get(fileId: string): Attachment | undefined {
    const attachment = this.files.get(fileId);
    return attachment !== undefined && attachment.expiresAt > this.now() ? attachment : undefined;
  }

  /** The attachment an upload URL belongs to, if the URL is live and unused. */
  forUpload(uploadToken: string): Attachment | undefined {
    for (const attachment of this.files.values()) {
      if (attachment.uploadToken === uploadToken) return attachment.expiresAt > this.now() && attachment.upload === undefined ? attachment : undefined;
    }
    return undefined;
  }

  clear(): void {
    this.files.clear();
  }
}
