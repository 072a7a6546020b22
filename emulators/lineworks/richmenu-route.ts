// Rich menus under /v1.0/bots/{botId} (docs/providers/line-works.md#rich-menus), with the documented paths and statuses:
// create 201, list with cursor/count, get, delete 204, image 204 (the attachment must be a PNG or
// JPEG of exactly the menu's size), default set 201 / get / delete 204, per-user set 204 / get /
// delete 204. Scopes: `bot` (reads also `bot.read`).

import { Router, type Request } from 'express';
import { z } from 'zod';
import { authoriseBot } from './bearer-auth';
import { apiError } from './errors';
import { describeInvalidBody } from './message-content';
import { createRichMenuSchema, setRichMenuImageSchema } from './richmenu-schema';
import { richMenuView, type RichMenuImage } from './richmenus';
import type { LineWorksState } from './state';

const WRITE = ['bot'] as const;
const READ = ['bot', 'bot.read'] as const;

const listQuerySchema = z.object({
  cursor: z.string().optional(),
  count: z.coerce.number().int().min(1).max(100).default(50),
});

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw apiError(400, 'INVALID_PARAMETER', describeInvalidBody(parsed.error));
  return parsed.data;
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(offset) || offset < 0) throw apiError(400, 'INVALID_PARAMETER', 'cursor is invalid');
  return offset;
}

export function createRichMenuRouter(state: LineWorksState): Router {
  const router = Router();
  const bot = (req: Request, api: string, scopes: readonly string[]) => authoriseBot(state, req, String(req.params.botId), { api, scopes });
  const menuOf = (botId: string, richmenuId: string) => {
    const menu = state.richMenus.get(botId, richmenuId);
    if (menu === undefined) throw apiError(404, 'NOT_FOUND', 'richmenu not found');
    return menu;
  };
  const userOf = (call: ReturnType<typeof bot>, userId: string) => {
    const user = state.findUser(call.tenant, userId);
    if (user === undefined) throw apiError(404, 'NOT_FOUND', 'user not found');
    return user;
  };

  router.post('/bots/:botId/richmenus', (req, res) => {
    const call = bot(req, 'POST /bots/{botId}/richmenus', WRITE);
    const body = parseBody(createRichMenuSchema, req.body);
    res.status(201).json(richMenuView(state.richMenus.create(call.bot.botId, body)));
  });

  router.get('/bots/:botId/richmenus', (req, res) => {
    const call = bot(req, 'GET /bots/{botId}/richmenus', READ);
    const query = listQuerySchema.safeParse(req.query);
    if (!query.success) throw apiError(400, 'INVALID_PARAMETER', describeInvalidBody(query.error));
    const offset = decodeCursor(query.data.cursor);
    const all = state.richMenus.list(call.bot.botId);
    const page = all.slice(offset, offset + query.data.count);
    const next = offset + page.length < all.length ? Buffer.from(String(offset + page.length)).toString('base64url') : null;
    res.json({ richmenus: page.map(richMenuView), responseMetaData: { nextCursor: next } });
  });

  router.get('/bots/:botId/richmenus/default', (req, res) => {
    const call = bot(req, 'GET /bots/{botId}/richmenus/default', READ);
    const menu = state.richMenus.defaultOf(call.bot.botId);
    if (menu === undefined) throw apiError(404, 'NOT_FOUND', 'no default richmenu');
    res.json({ defaultRichmenuId: menu.richmenuId });
  });

  router.delete('/bots/:botId/richmenus/default', (req, res) => {
    const call = bot(req, 'DELETE /bots/{botId}/richmenus/default', WRITE);
    state.richMenus.clearDefault(call.bot.botId);
    res.status(204).end();
  });

  router.get('/bots/:botId/richmenus/users/:userId', (req, res) => {
    const call = bot(req, 'GET /bots/{botId}/richmenus/users/{userId}', READ);
    const user = userOf(call, req.params.userId);
    const menu = state.richMenus.forUser(call.bot.botId, user.userId);
    if (menu === undefined) throw apiError(404, 'NOT_FOUND', 'no richmenu is set for the user');
    res.json({ richmenuId: menu.richmenuId });
  });

  router.delete('/bots/:botId/richmenus/users/:userId', (req, res) => {
    const call = bot(req, 'DELETE /bots/{botId}/richmenus/users/{userId}', WRITE);
    const user = userOf(call, req.params.userId);
    state.richMenus.deleteForUser(call.bot.botId, user.userId);
    res.status(204).end();
  });

  router.get('/bots/:botId/richmenus/:richmenuId', (req, res) => {
    const call = bot(req, 'GET /bots/{botId}/richmenus/{richmenuId}', READ);
    res.json(richMenuView(menuOf(call.bot.botId, req.params.richmenuId)));
  });

  router.delete('/bots/:botId/richmenus/:richmenuId', (req, res) => {
    const call = bot(req, 'DELETE /bots/{botId}/richmenus/{richmenuId}', WRITE);
    if (!state.richMenus.delete(call.bot.botId, req.params.richmenuId)) throw apiError(404, 'NOT_FOUND', 'richmenu not found');
    res.status(204).end();
  });

  router.post('/bots/:botId/richmenus/:richmenuId/image', (req, res) => {
    const call = bot(req, 'POST /bots/{botId}/richmenus/{richmenuId}/image', WRITE);
    const menu = menuOf(call.bot.botId, req.params.richmenuId);
    const body = parseBody(setRichMenuImageSchema, req.body);
    const images = [body.fileId, ...(body.i18nFileIds ?? []).map((entry) => entry.fileId)].map((fileId): RichMenuImage => {
      const file = state.attachments.get(fileId);
      if (file === undefined || file.botId !== call.bot.botId) throw apiError(400, 'INVALID_PARAMETER', `fileId ${fileId} is unknown or expired`);
      if (file.upload === undefined) throw apiError(400, 'INVALID_PARAMETER', `fileId ${fileId} has not been uploaded`);
      const image = file.upload.image;
      if (image === undefined) throw apiError(400, 'INVALID_PARAMETER', 'the rich menu image must be a JPEG or PNG');
      if (image.width !== menu.size.width || image.height !== menu.size.height) {
        throw apiError(400, 'INVALID_PARAMETER', `image is ${image.width}x${image.height} but the rich menu is ${menu.size.width}x${menu.size.height}`);
      }
      return { ...image, fileId: file.fileId, fileName: file.fileName, data: file.upload.data };
    });
    menu.image = images[0];
    res.status(204).end();
  });

  router.post('/bots/:botId/richmenus/:richmenuId/set-default', (req, res) => {
    const call = bot(req, 'POST /bots/{botId}/richmenus/{richmenuId}/set-default', WRITE);
    const menu = menuOf(call.bot.botId, req.params.richmenuId);
    state.richMenus.setDefault(call.bot.botId, menu.richmenuId);
    res.status(201).json({ botId: call.bot.botId, defaultRichmenuId: menu.richmenuId });
  });

  router.post('/bots/:botId/richmenus/:richmenuId/users/:userId', (req, res) => {
    const call = bot(req, 'POST /bots/{botId}/richmenus/{richmenuId}/users/{userId}', WRITE);
    const menu = menuOf(call.bot.botId, req.params.richmenuId);
    const user = userOf(call, req.params.userId);
    state.richMenus.setForUser(call.bot.botId, user.userId, menu.richmenuId);
    res.status(204).end();
  });

  return router;
}
