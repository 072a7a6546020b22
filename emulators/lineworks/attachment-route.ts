// Attachments (docs/providers/line-works.md#bot-messages): `POST /v1.0/bots/{botId}/attachments` {fileName} → 200 {fileId,
// uploadUrl}, and the upload URL itself (`POST /storage/attachments/{token}`, emulator path): one
// multipart (any field; LINE WORKS' samples use "Filedata") or raw upload, at most 1 MB, PNG or
// JPEG (the format and pixel size are read from the header). A Bearer token is optional there;
// when sent it must be valid for the bot's tenant.

import express, { Router } from 'express';
import { originOf } from '../harness/origin';
import { firstMultipartFile } from '../harness/multipart';
import { authorise, authoriseBot } from './bearer-auth';
import { MAX_ATTACHMENT_BYTES } from './attachments';
import { apiError } from './errors';
import { readImageInfo } from './image-size';
import { describeInvalidBody } from './message-content';
import { createAttachmentSchema } from './richmenu-schema';
import type { LineWorksState } from './state';

export const UPLOAD_PATH = '/storage/attachments';

export function createAttachmentRouter(state: LineWorksState): Router {
  const router = Router();
  router.post('/bots/:botId/attachments', (req, res) => {
    const call = authoriseBot(state, req, req.params.botId, { api: 'POST /bots/{botId}/attachments', scopes: ['bot'] });
    const body = createAttachmentSchema.safeParse(req.body);
    if (!body.success) throw apiError(400, 'INVALID_PARAMETER', describeInvalidBody(body.error));
    const attachment = state.attachments.create(call.bot.botId, call.tenant.tenantId, body.data.fileName);
    res.json({ fileId: attachment.fileId, uploadUrl: `${originOf(req)}${UPLOAD_PATH}/${attachment.uploadToken}` });
  });
  return router;
}

export function createUploadRouter(state: LineWorksState): Router {
  const router = Router();
  router.post('/:uploadToken', express.raw({ type: () => true, limit: '5mb' }), (req, res) => {
    const raw: unknown = req.body;
    const data = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const contentType = req.get('content-type') ?? '';
    const part = contentType.toLowerCase().startsWith('multipart/form-data') ? firstMultipartFile(contentType, data) : { data, contentType };
    // Record a summary, not the bytes.
    req.body = { bytes: part?.data.length ?? 0, contentType: part?.contentType ?? contentType, fileName: part && 'fileName' in part ? part.fileName : undefined };

    const attachment = state.attachments.forUpload(req.params.uploadToken);
    if (attachment === undefined) throw apiError(404, 'NOT_FOUND', 'upload URL is unknown, expired or already used');
    if (req.get('authorization') !== undefined) {
      const { tenant } = authorise(state, req, { api: 'POST upload', scopes: ['bot'] });
      if (tenant.tenantId !== attachment.tenantId) throw apiError(403, 'FORBIDDEN', 'the token belongs to another domain');
    }
    if (part === undefined || part.data.length === 0) throw apiError(400, 'INVALID_PARAMETER', 'no file in the request');
    if (part.data.length > MAX_ATTACHMENT_BYTES) throw apiError(413, 'INVALID_PARAMETER', 'the file must be at most 1 MB');
    const image = readImageInfo(part.data);
    if (image === undefined) throw apiError(400, 'INVALID_PARAMETER', 'only JPEG or PNG files are accepted');
    attachment.upload = { bytes: part.data.length, image, data: part.data, ...(part.contentType === undefined ? {} : { contentType: part.contentType }) };
    res.json({ fileId: attachment.fileId });
  });
  return router;
}
