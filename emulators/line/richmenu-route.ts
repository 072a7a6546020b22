// Rich menus of the Messaging API (reference B.1; LINE's per-user rich menu guide): create
// (`POST /v2/bot/richmenu` → {richMenuId}), read, list and delete, upload the image (`POST
// /v2/bot/richmenu/{id}/content`, on api-data.line.me in production: image/png or image/jpeg,
// ≤1 MB, exactly the menu's size, once), and the per-user links (`POST
// /v2/bot/user/{userId}/richmenu/{richMenuId}`, `GET`/`DELETE /v2/bot/user/{userId}/richmenu`).
// A menu without an image cannot be linked (400), as LINE requires.

import express, { Router } from 'express';
import { readImageInfo } from '../lineworks/image-size';
import { invalidBodyError, messagingError } from './errors';
import { authoriseMessaging, refuseRetryKey } from './messaging-auth';
import { errorDetails } from './message-schema';
import { createRichMenuSchema } from './richmenu-schema';
import { richMenuView } from './richmenus';
import { LINE_USER_ID } from './seed-schema';
import type { LineState } from './state';

export const RICHMENU_IMAGE_MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg'];

export function createRichMenuRouter(state: LineState): Router {
  const router = Router();
  const gate = (req: express.Request): void => {
    authoriseMessaging(state, req);
    refuseRetryKey(req);
  };
  const menuOf = (richMenuId: string) => {
    const menu = state.richMenus.get(richMenuId);
    if (menu === undefined) throw messagingError(404, 'Not found');
    return menu;
  };

  router.post('/v2/bot/richmenu', (req, res) => {
    gate(req);
    const body = createRichMenuSchema.safeParse(req.body);
    if (!body.success) throw invalidBodyError(errorDetails(body.error));
    res.json({ richMenuId: state.richMenus.create(body.data).richMenuId });
  });

  router.get('/v2/bot/richmenu/list', (req, res) => {
    gate(req);
    res.json({ richmenus: state.richMenus.list().map(richMenuView) });
  });

  router.get('/v2/bot/richmenu/:richMenuId', (req, res) => {
    gate(req);
    res.json(richMenuView(menuOf(req.params.richMenuId)));
  });

  router.delete('/v2/bot/richmenu/:richMenuId', (req, res) => {
    gate(req);
    if (!state.richMenus.delete(req.params.richMenuId)) throw messagingError(404, 'Not found');
    res.json({});
  });

  router.post(
    '/v2/bot/richmenu/:richMenuId/content',
    (req, _res, next) => {
      gate(req);
      next();
    },
    express.raw({ type: IMAGE_TYPES, limit: RICHMENU_IMAGE_MAX_BYTES }),
    (req, res) => {
      const menu = menuOf(String(req.params.richMenuId));
      const data: unknown = req.body;
      if (!Buffer.isBuffer(data) || data.length === 0) throw messagingError(415, 'Content-Type must be image/jpeg or image/png, with the image as the body');
      const image = readImageInfo(data);
      const contentType = req.get('content-type') ?? '';
      if (image === undefined || !contentType.startsWith(image.type === 'png' ? 'image/png' : 'image/jpeg')) {
        throw messagingError(400, 'The image is not a valid JPEG or PNG of the declared Content-Type');
      }
      if (image.width !== menu.size.width || image.height !== menu.size.height) {
        throw messagingError(400, `The image is ${image.width}x${image.height} but the rich menu is ${menu.size.width}x${menu.size.height}`);
      }
      if (menu.image !== undefined) throw messagingError(400, 'An image has already been uploaded to the richmenu');
      menu.image = { contentType, width: image.width, height: image.height, bytes: data.length };
      res.json({});
    },
  );

  router.post('/v2/bot/user/:userId/richmenu/:richMenuId', (req, res) => {
    gate(req);
    if (!LINE_USER_ID.test(req.params.userId)) throw messagingError(400, 'The user ID is invalid');
    const menu = state.richMenus.get(req.params.richMenuId);
    if (menu === undefined) throw messagingError(400, 'The rich menu ID is invalid');
    if (menu.image === undefined) throw messagingError(400, 'must upload richmenu image before applying it to user');
    state.richMenus.link(req.params.userId, menu.richMenuId);
    res.json({});
  });

  router.get('/v2/bot/user/:userId/richmenu', (req, res) => {
    gate(req);
    const menu = state.richMenus.forUser(req.params.userId);
    if (menu === undefined) throw messagingError(404, 'the user has no richmenu');
    res.json({ richMenuId: menu.richMenuId });
  });

  router.delete('/v2/bot/user/:userId/richmenu', (req, res) => {
    gate(req);
    state.richMenus.unlink(req.params.userId);
    res.json({});
  });

  return router;
}
