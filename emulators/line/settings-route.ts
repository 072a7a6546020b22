// LINE's settings pages down to the linked apps (emulator pages under /settings): 設定 → アカウント
// → 連動アプリ → the LINE Login app → 「連動の解除」, which ends the app's access and refresh
// tokens for the user at once and forgets the consent (reference C.4; no webhook is sent).

import { Router } from 'express';
import { requireSignedIn } from './page-session';
import { sendMessagePage } from './pages/layout';
import { LINKED_APPS_PATH, sendAccountPage, sendLinkedAppPage, sendLinkedAppsPage, sendSettingsPage } from './pages/settings';
import type { LineState } from './state';
import { unlinkApp } from './user-actions';

export function createSettingsRouter(state: LineState): Router {
  const router = Router();

  const appName = (channelId: string): string => (state.loginChannel?.channelId === channelId ? state.loginChannel.name : channelId);

  router.get('/settings', (req, res) => {
    if (requireSignedIn(state, req, res) === undefined) return;
    sendSettingsPage(res);
  });

  router.get('/settings/account', (req, res) => {
    const user = requireSignedIn(state, req, res);
    if (user === undefined) return;
    sendAccountPage(res, user.displayName);
  });

  router.get(LINKED_APPS_PATH, (req, res) => {
    const user = requireSignedIn(state, req, res);
    if (user === undefined) return;
    sendLinkedAppsPage(res, state.consents.list({ userId: user.userId }).map((consent) => ({ channelId: consent.channelId, name: appName(consent.channelId) })));
  });

  router.get(`${LINKED_APPS_PATH}/:channelId`, (req, res) => {
    const user = requireSignedIn(state, req, res);
    if (user === undefined) return;
    const consent = state.consents.get(req.params.channelId, user.userId);
    if (consent === undefined) {
      sendMessagePage(res, 404, '連動アプリ', 'このアプリとは連動していません。', [{ href: LINKED_APPS_PATH, label: '連動アプリ' }]);
      return;
    }
    sendLinkedAppPage(res, { name: appName(consent.channelId), consent });
  });

  router.post(`${LINKED_APPS_PATH}/:channelId/unlink`, (req, res) => {
    const user = requireSignedIn(state, req, res);
    if (user === undefined) return;
    const channelId = req.params.channelId;
    const outcome = unlinkApp(state, user.userId, channelId);
    if (!outcome.consentForgotten) {
      sendMessagePage(res, 404, '連動アプリ', 'このアプリとは連動していません。', [{ href: LINKED_APPS_PATH, label: '連動アプリ' }]);
      return;
    }
    sendMessagePage(res, 200, '連動を解除しました', `${appName(channelId)}との連動を解除しました。`, [{ href: LINKED_APPS_PATH, label: '連動アプリ' }]);
  });

  return router;
}
