// 【従業員】ID連携 and ID連携解除 (docs/flows/freee-lineworks.md): the link the bot gives in the talk room opens here →
// freee login if needed → (for ID連携: the LINE WORKS login, web-lineworks-login.ts, on every device) →
// 「連携を開始しますか?」/「連携を解除しますか?」 with the business and [許可する] / [事業所を変更する]
// → 「連携に成功しました」/「連携を解除しました」. The employee-link workflow answers [許可する]
// synchronously; the OAuth state is the update ID, so a double click is one link.
import { Router } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { employeeLinkWorkflowId } from '../../common/ids';
import { employeeLinkStatusQuery } from '../../common/links/messages';
import { LINK_TEXT } from '../pages/link-catalogue';
import { consentPage, resultPage } from '../pages/link-pages';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';
import { formBody } from '../edge/form-body';
import { sendErrorPage, sendFailure, unreadableForm } from '../web/error-pages';
import { StateError } from '../web/oauth-states';
import { pageContext } from '../web/page-context';
import { lineWorksLoginRouter, lineWorksLoginUrl, needsLineWorksLogin } from './web-lineworks-login';

type Action = 'link' | 'unlink';

export function employeeLinkRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  const form = formBody({ limit: '8kb' }, (req, res, status) => sendErrorPage(req, res, unreadableForm('link', status)));
  const switchUrl = (back: string): string =>
    `${deps.config.FREEE_ACCOUNTS_BASE_URL}/companies/switch?return_to=${encodeURIComponent(web.url(`/auth/freee/login?return_to=${encodeURIComponent(back)}`))}`;

  router.use(lineWorksLoginRouter(web));

  // The link from the talk room: a single-use ticket naming the LINE WORKS account.
  router.get('/link/start', async (req, res) => {
    try {
      const ticket = await web.states.consume(req, req.query.ticket, 'lineworks_user');
      const action: Action = ticket.data.action === 'unlink' ? 'unlink' : 'link';
      const issued = await web.states.issue(req, res, 'employee_consent', { ...ticket.data, action });
      res.redirect(303, `/link/consent?s=${encodeURIComponent(issued.state)}`);
    } catch (err) {
      sendFailure(req, res, err, 'link');
    }
  });

  router.get('/link/consent', async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    try {
      const data = await web.states.peek(req, req.query.s, 'employee_consent');
      const s = typeof req.query.s === 'string' ? req.query.s : '';
      if (needsLineWorksLogin(data)) {
        res.redirect(303, lineWorksLoginUrl(s));
        return;
      }
      const action: Action = data.action === 'unlink' ? 'unlink' : 'link';
      // Coming back here after switching the business: the same page, without the language choice.
      const back = new URL(req.originalUrl, 'http://renkei.invalid');
      back.searchParams.delete('lang');
      res.type('html').send(
        consentPage(pageContext(req, res), {
          kind: action,
          companyName: session.companyName,
          worksAccount: data.worksUserId,
          formAction: '/link/consent',
          hidden: { s, csrf: web.sessions.csrfToken(session, `consent:${s}`) },
          switchUrl: switchUrl(`${back.pathname}${back.search}`),
          note: action === 'link' ? 'adminPrerequisite' : undefined,
        }),
      );
    } catch (err) {
      sendFailure(req, res, err, 'link');
    }
  });

  router.post('/link/consent', form, async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    const body = req.body as Record<string, unknown>;
    const s = typeof body.s === 'string' ? body.s : '';
    if (!web.sessions.csrfValid(session, `consent:${s}`, body.csrf)) {
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED' });
      return;
    }
    let data: Record<string, string>;
    let repeated = false;
    try {
      data = (await web.states.consume(req, s, 'employee_consent')).data;
    } catch (err) {
      if (!(err instanceof StateError && err.problem === 'reused' && err.data)) return sendFailure(req, res, err, 'link');
      // A second click on [許可する] (this browser, this page): the same request again. The state is
      // the update ID, so the workflow answers it with the first click's outcome.
      data = err.data;
      repeated = true;
    }
    if (needsLineWorksLogin(data)) {
      // An ID-link links only the account its LINE WORKS login verified; this page never offered [許可する].
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED' });
      return;
    }
    const action: Action = data.action === 'unlink' ? 'unlink' : 'link';
    const requestId = web.states.stateId(s);
    const ctx = pageContext(req, res);
    const t = LINK_TEXT[ctx.locale];
    try {
      if (action === 'link') {
        await web.links.linkEmployee(session.companyId, session.freeeUserId, { worksTenantId: data.worksTenantId ?? '', worksUserId: data.worksUserId ?? '' }, requestId);
        res.type('html').send(resultPage(ctx, t.linked, [t.linkedMenu, t.linkedNotices(session.companyName)]));
      } else {
        const state = await currentLink(session.companyId, session.freeeUserId);
        if (repeated && state?.status !== 'linked') {
          res.type('html').send(resultPage(ctx, t.unlinked, [t.alreadyDone]));
          return;
        }
        // Only the signed-in person's own link, and only to the account the talk room's link names:
        // a forwarded [ID連携解除] link unlinks nobody else.
        if (state?.worksUserId !== data.worksUserId || state?.worksTenantId !== data.worksTenantId) {
          sendErrorPage(req, res, { page: 'link', code: 'NOT_LINKED_EMPLOYEE' });
          return;
        }
        await web.links.unlinkEmployee(session.companyId, session.freeeUserId, requestId);
        res.type('html').send(resultPage(ctx, t.unlinked, [t.unlinkedMenu]));
      }
    } catch (err) {
      sendFailure(req, res, err, 'link');
    }
  });

  async function currentLink(companyId: string, freeeUserId: string) {
    try {
      return await deps.temporal.workflow.getHandle(employeeLinkWorkflowId(companyId, freeeUserId)).query(employeeLinkStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
  }
  return router;
}
