// The admin console (emulator pages under /admin, for a signed-in administrator of a tenant): the
// app list and detail pages, the app-add screens (`/admin/apps/:clientId/install?return_to=`:
// terms → members → [保存] → back to return_to with installation_id, domain_id, bot_id,
// service_account_id, domain_name and signature), the settings page and app removal (confirmation → [削除]).
// The install/uninstall contract is emulator-specific: see emulators/README.md.

import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { appendQuery, sharesOriginWith } from '../harness/redirect-uri';
import { formList, formValue } from '../harness/validate';
import { domainIdOf } from './domain-id';
import { installApp, installRedirectParams, uninstallApp } from './install';
import { requireSignedIn, type SignedIn } from './page-session';
import { sendAppDetailPage, sendAppListPage, sendAppSettingsPage } from './pages/admin';
import { MEMBERS_REQUIRED_MESSAGE, sendMembersPage, sendTermsPage, TERMS, TERMS_REQUIRED_MESSAGE } from './pages/install';
import { ADMIN_REQUIRED_MESSAGE, sendInvalidClientPage, sendMessagePage } from './pages/layout';
import { sendUninstallConfirmPage, sendUninstalledPage } from './pages/uninstall';
import type { InstallWizard, LineWorksState, RegisteredApp } from './state';

const installQuerySchema = z.object({ return_to: formValue() });
const installFormSchema = z.object({
  wizard: formValue(),
  step: formValue(),
  agree: formList(),
  scope: formValue(),
  member: formList(),
});
const wizardQuerySchema = z.object({ wizard: formValue() });

export function createAdminRouter(state: LineWorksState): Router {
  const router = Router();

  /** The signed-in administrator, or undefined after answering (login redirect or 403 page). */
  const admin = (req: Request, res: Response): SignedIn | undefined => {
    const signedIn = requireSignedIn(state, req, res);
    if (signedIn === undefined) return undefined;
    if (!signedIn.user.isAdministrator) {
      sendMessagePage(res, 403, ADMIN_REQUIRED_MESSAGE, `${ADMIN_REQUIRED_MESSAGE}。管理者アカウントでログインし直してください。`, [
        { href: '/logout', label: 'ログアウト' },
      ]);
      return undefined;
    }
    return signedIn;
  };

  const appOf = (req: Request, res: Response): RegisteredApp | undefined => {
    const app = state.apps.get(String(req.params.clientId));
    if (app === undefined) sendInvalidClientPage(res, 'このアプリは登録されていません。');
    return app;
  };

  const wizardFor = (signedIn: SignedIn, app: RegisteredApp, wizardId: string | undefined): InstallWizard | undefined => {
    const wizard = state.installWizards.get(wizardId);
    return wizard !== undefined && wizard.clientId === app.clientId && wizard.tenantId === signedIn.tenant.tenantId && wizard.userId === signedIn.user.userId
      ? wizard
      : undefined;
  };

  const wizardExpired = (res: Response, app: RegisteredApp): void =>
    sendMessagePage(res, 400, '操作の有効期限が切れました', 'もう一度最初からアプリを追加してください。', [
      { href: `/admin/apps/${encodeURIComponent(app.clientId)}`, label: 'アプリ詳細に戻る' },
    ]);

  router.get('/apps', (req, res) => {
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const apps = [...state.apps.values()].map((app) => ({ app, installed: state.installations.active(signedIn.tenant.tenantId, app.clientId) !== undefined }));
    sendAppListPage(res, signedIn.tenant, apps);
  });

  router.get('/apps/:clientId', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const returnTo = installQuerySchema.safeParse(req.query).data?.return_to;
    const installPage = `/admin/apps/${encodeURIComponent(app.clientId)}/install${returnTo === undefined ? '' : `?${new URLSearchParams({ return_to: returnTo }).toString()}`}`;
    const addHref = app.appUrl === undefined ? installPage : appendQuery(app.appUrl, { domain_id: String(domainIdOf(signedIn.tenant.tenantId)), domain_name: signedIn.tenant.domainName });
    sendAppDetailPage(res, { app, tenant: signedIn.tenant, installation: state.installations.active(signedIn.tenant.tenantId, app.clientId), addHref });
  });

  router.get('/apps/:clientId/install', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const returnTo = installQuerySchema.safeParse(req.query).data?.return_to;
    if (returnTo !== undefined && !sharesOriginWith(returnTo, app.redirectUris)) {
      sendInvalidClientPage(res, 'return_to がアプリのリダイレクトURIと同じオリジンではありません。');
      return;
    }
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const live = state.installations.active(signedIn.tenant.tenantId, app.clientId);
    if (live !== undefined && returnTo !== undefined) {
      res.redirect(303, appendQuery(returnTo, installRedirectParams(live, app, signedIn.tenant.domainName)));
      return;
    }
    const wizardId = state.installWizards.put({
      clientId: app.clientId,
      tenantId: signedIn.tenant.tenantId,
      userId: signedIn.user.userId,
      termsAccepted: false,
      ...(returnTo === undefined ? {} : { returnTo }),
    });
    sendTermsPage(res, { app, wizardId, checked: [] });
  });

  router.get('/apps/:clientId/install/members', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const wizardId = wizardQuerySchema.safeParse(req.query).data?.wizard;
    const wizard = wizardFor(signedIn, app, wizardId);
    if (wizard === undefined || wizardId === undefined || !wizard.termsAccepted) {
      wizardExpired(res, app);
      return;
    }
    sendMembersPage(res, { app, tenant: signedIn.tenant, wizardId });
  });

  router.post('/apps/:clientId/install', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const form = installFormSchema.safeParse(req.body);
    const wizardId = form.data?.wizard;
    const wizard = wizardFor(signedIn, app, wizardId);
    if (!form.success || wizard === undefined || wizardId === undefined) {
      wizardExpired(res, app);
      return;
    }

    if (form.data.step === 'terms') {
      const checked = form.data.agree;
      if (!TERMS.every((term) => checked.includes(term.value))) {
        sendTermsPage(res, { app, wizardId, checked, error: TERMS_REQUIRED_MESSAGE });
        return;
      }
      wizard.termsAccepted = true;
      res.redirect(303, `/admin/apps/${encodeURIComponent(app.clientId)}/install/members?${new URLSearchParams({ wizard: wizardId }).toString()}`);
      return;
    }

    if (form.data.step !== 'members' || !wizard.termsAccepted) {
      wizardExpired(res, app);
      return;
    }
    const selected = form.data.member.filter((userId) => signedIn.tenant.users.has(userId));
    if (form.data.scope === 'selected' && selected.length === 0) {
      sendMembersPage(res, { app, tenant: signedIn.tenant, wizardId, error: MEMBERS_REQUIRED_MESSAGE });
      return;
    }
    state.installWizards.take(wizardId);
    const installation = installApp(state, signedIn.tenant, app, form.data.scope === 'selected' ? selected : 'all');
    if (wizard.returnTo !== undefined) {
      res.redirect(303, appendQuery(wizard.returnTo, installRedirectParams(installation, app, signedIn.tenant.domainName)));
      return;
    }
    sendMessagePage(res, 200, `${app.name}を追加しました`, `${app.name}をこのドメインに追加しました。`, [
      { href: `/admin/apps/${encodeURIComponent(app.clientId)}`, label: 'アプリ詳細に戻る' },
    ]);
  });

  router.get('/apps/:clientId/settings', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const installation = state.installations.active(signedIn.tenant.tenantId, app.clientId);
    if (installation === undefined) {
      res.redirect(303, `/admin/apps/${encodeURIComponent(app.clientId)}`);
      return;
    }
    const memberNames =
      installation.members === 'all' ? [] : [...installation.members].map((userId) => signedIn.tenant.users.get(userId)?.name ?? userId);
    sendAppSettingsPage(res, { app, installation, memberNames });
  });

  router.get('/apps/:clientId/uninstall', (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    if (state.installations.active(signedIn.tenant.tenantId, app.clientId) === undefined) {
      res.redirect(303, `/admin/apps/${encodeURIComponent(app.clientId)}`);
      return;
    }
    sendUninstallConfirmPage(res, app);
  });

  router.post('/apps/:clientId/uninstall', async (req, res) => {
    const app = appOf(req, res);
    if (app === undefined) return;
    const signedIn = admin(req, res);
    if (signedIn === undefined) return;
    const installation = state.installations.active(signedIn.tenant.tenantId, app.clientId);
    if (installation === undefined) {
      sendMessagePage(res, 404, 'アプリが見つかりません', 'このアプリはこのドメインに追加されていません。');
      return;
    }
    await uninstallApp(state, installation);
    sendUninstalledPage(res, app);
  });

  return router;
}
