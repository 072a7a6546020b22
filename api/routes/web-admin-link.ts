// 【管理者】事業所の連携設定 (docs/flows/freee-lineworks.md): 通知設定 → [アカウントを連携する] → the LINE WORKS app page
// → [追加する] → renkei's 「連携を開始しますか?」 → [許可する] → LINE WORKS's app-add screens (terms,
// members, [保存]) → back here, where the tenant link workflow links the tenant to the business.
// Tenants are shown by the domain name LINE WORKS gives ([追加する] and the signed install return
// carry it). A LINE WORKS already linked to another business is told on 「連携を開始しますか?」,
// before the admin leaves for LINE WORKS's install screens.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { CascadeReportRecord, TenantLink } from '../../models';
import { LINK_TEXT } from '../pages/link-catalogue';
import { consentPage } from '../pages/link-pages';
import { renderLinkView, type LinkAction, type LinkView } from '../pages/link-views';
import { notificationSettingsPage } from '../pages/notification-settings';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';
import { formBody } from '../edge/form-body';
import { sendErrorPage, sendFailure, unreadableForm } from '../web/error-pages';
import { isMobile, pageContext } from '../web/page-context';
import { outcomeContext } from '../web/page-snapshot';
import { tenantName, tenantNames } from '../web/tenant-names';

export const domainId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);
/** The tenant's domain name as LINE WORKS gives it (a host name, or a group name). */
export const domainName = z.string().regex(/^[\p{L}\p{N}._-]{1,253}$/u);
export const installReturn = z.object({
  state: z.string().min(1).max(200),
  installation_id: z.string().min(1).max(100),
  domain_id: domainId,
  bot_id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  service_account_id: z.string().min(1).max(200),
  domain_name: domainName,
  signature: z.string().min(1).max(200),
});

export function adminLinkRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  const form = formBody({ limit: '8kb' }, (req, res, status) => sendErrorPage(req, res, unreadableForm('link', status)));
  const c = deps.config;
  const appPage = `${c.LINEWORKS_ADMIN_BASE_URL}/apps/${encodeURIComponent(c.LINEWORKS_CLIENT_ID)}`;
  const switchUrl = `${c.FREEE_ACCOUNTS_BASE_URL}/companies/switch?return_to=${encodeURIComponent(web.url('/auth/freee/login?return_to=/settings/notifications'))}`;
  const toSettings: LinkAction = { href: '/settings/notifications', label: 'backToSettings' };

  /** The business a tenant is linked to, when it is another than `companyId`. */
  const linkedElsewhere = async (worksTenantId: string, companyId: string): Promise<boolean> => {
    const link = await TenantLink.findById(worksTenantId, { companyId: 1, status: 1 }).lean();
    return !!link && link.status !== 'removed' && link.companyId !== companyId;
  };

  /** 「このLINE WORKSは他の事業所と連携済みです」 with what to do: switch to the linked business (then 通知設定 lists it), or back. */
  const sendTenantTaken = (req: Request, res: Response, tenant: string): void => {
    const view: LinkView = { page: 'result', result: 'tenantTaken', tenant, actions: [{ href: switchUrl, label: 'changeBusiness' }, toSettings] };
    res.status(409).type('html').send(renderLinkView(outcomeContext(req, res, view), view));
  };

  /** The install redirect is signed with the client secret: a forged one is refused. */
  const installSignatureValid = (q: z.infer<typeof installReturn>): boolean => {
    const expected = createHmac('sha256', c.LINEWORKS_CLIENT_SECRET)
      .update([q.installation_id, q.domain_id, q.bot_id, q.service_account_id, q.domain_name].join('\n'))
      .digest();
    const given = Buffer.from(q.signature, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const adminOnly = (req: Request, res: Response, role: string): boolean => {
    if (role === 'admin') return true;
    sendErrorPage(req, res, { page: 'link', code: 'ADMIN_ONLY' });
    return false;
  };

  router.get('/settings/notifications', async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    const others = (session.companyIds ?? []).filter((id) => id !== session.companyId);
    const [tenants, reports, taken] = await Promise.all([
      TenantLink.find({ companyId: session.companyId, status: { $in: ['active', 'suspended'] } }).sort({ linkedAt: 1 }).lean(),
      CascadeReportRecord.find({ companyId: session.companyId }).sort({ finishedAt: -1 }).limit(5).lean(),
      // Told before [アカウントを連携する] leads to LINE WORKS, whose app page would only offer [設定する].
      session.role === 'admin' && others.length ? TenantLink.find({ companyId: { $in: others }, status: { $in: ['active', 'suspended'] } }).lean() : Promise.resolve([]),
    ]);
    const names = await tenantNames(reports.map((r) => r.worksTenantId));
    const nameOf = (id: string, known?: string | null): string => known ?? names.get(id) ?? id;
    res.type('html').send(
      notificationSettingsPage(pageContext(req, res), {
        companyName: session.companyName,
        displayName: session.displayName,
        isAdmin: session.role === 'admin',
        mobile: isMobile(req),
        csrf: web.sessions.csrfToken(session, 'connect'),
        tenants: tenants.map((t) => ({ worksTenantId: t._id, name: nameOf(t._id, t.domainName), status: t.status, linkedAt: t.linkedAt, reauthCsrf: web.sessions.csrfToken(session, `add:${t._id}`) })),
        takenElsewhere: taken.map((t) => ({ worksTenantId: t._id, name: nameOf(t._id, t.domainName) })),
        reports: reports.map((r) => ({ worksTenantId: r.worksTenantId, name: nameOf(r.worksTenantId), revoked: r.revoked, alreadyGone: r.alreadyGone, failed: r.failed, finishedAt: r.finishedAt })),
      }),
    );
  });

  router.post('/lineworks/admin/connect', form, async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session || !adminOnly(req, res, session.role)) return;
    if (!web.sessions.csrfValid(session, 'connect', (req.body as Record<string, unknown>).csrf)) {
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED' });
      return;
    }
    res.redirect(303, appPage);
  });

  // LINE WORKS's [追加する] lands here with the tenant's domain.
  router.get('/lineworks/admin/add', async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session || !adminOnly(req, res, session.role)) return;
    const domain = domainId.safeParse(req.query.domain_id);
    if (!domain.success) {
      sendErrorPage(req, res, { page: 'link', code: 'BAD_PROVIDER_RETURN' });
      return;
    }
    // The name LINE WORKS's [追加する] gives, else the one renkei kept, else the ID.
    const name = domainName.safeParse(req.query.domain_name).data ?? (await tenantName(domain.data));
    if (await linkedElsewhere(domain.data, session.companyId)) {
      sendTenantTaken(req, res, name);
      return;
    }
    const ctx = pageContext(req, res);
    res.type('html').send(
      consentPage(ctx, {
        kind: 'link',
        companyName: session.companyName,
        worksAccount: LINK_TEXT[ctx.locale].lineWorksTenant(name),
        formAction: '/lineworks/admin/add',
        hidden: { domain_id: domain.data, csrf: web.sessions.csrfToken(session, `add:${domain.data}`) },
        switchUrl,
        note: 'adminChangedBusiness',
      }),
    );
  });

  router.post('/lineworks/admin/add', form, async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session || !adminOnly(req, res, session.role)) return;
    const body = req.body as Record<string, unknown>;
    const domain = domainId.safeParse(body.domain_id);
    if (!domain.success || !web.sessions.csrfValid(session, `add:${domain.data}`, body.csrf)) {
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED' });
      return;
    }
    if (await linkedElsewhere(domain.data, session.companyId)) {
      sendTenantTaken(req, res, await tenantName(domain.data));
      return;
    }
    const issued = await web.states.issue(req, res, 'lineworks_install', { domainId: domain.data, companyId: session.companyId });
    const returnTo = web.url(`/lineworks/admin/installed?state=${encodeURIComponent(issued.state)}`);
    res.redirect(303, `${appPage}/install?return_to=${encodeURIComponent(returnTo)}`);
  });

  // LINE WORKS sends the admin back here after [保存].
  router.get('/lineworks/admin/installed', async (req, res) => {
    const q = installReturn.safeParse(req.query);
    if (!q.success || !installSignatureValid(q.data)) {
      req.log.warn({ query: Object.keys(req.query) }, 'install return refused');
      sendErrorPage(req, res, { page: 'link', code: 'BAD_PROVIDER_RETURN', actions: [toSettings] });
      return;
    }
    const actions = (kind: string): LinkAction[] =>
      kind === 'TENANT_LINKED_ELSEWHERE' ? [{ href: switchUrl, label: 'changeBusiness' }, toSettings] : [toSettings];
    try {
      const flow = await web.states.consume(req, q.data.state, 'lineworks_install');
      const session = await web.sessions.read(req);
      if (flow.data.domainId !== q.data.domain_id || !session || session.companyId !== flow.data.companyId) {
        sendErrorPage(req, res, { page: 'link', code: 'STATE_EXPIRED', actions: actions('EXPIRED') });
        return;
      }
      await web.links.linkTenant(
        q.data.domain_id,
        {
          companyId: session.companyId,
          botId: q.data.bot_id,
          serviceAccountId: q.data.service_account_id,
          installationId: q.data.installation_id,
          installedAt: new Date().toISOString(),
          domainName: q.data.domain_name,
        },
        // The flow's state, not the installation: a reinstall by another business is a new request.
        web.states.stateId(q.data.state),
      );
      const view: LinkView = { page: 'result', result: 'adminLinked', company: session.companyName, actions: [toSettings, { href: appPage, label: 'openAppPage' }] };
      res.type('html').send(renderLinkView(outcomeContext(req, res, view), view));
    } catch (err) {
      sendFailure(req, res, err, 'link', actions);
    }
  });
  return router;
}
