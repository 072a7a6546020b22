// 【従業員】ID連携 and ID連携解除 (docs/flows/freee-lineworks.md): the link the bot gives in the talk room opens here →
// freee login if needed → (for ID連携: the LINE WORKS login, web-lineworks-login.ts, on every device) →
// 「連携を開始しますか?」/「連携を解除しますか?」 with the business and [許可する] / [事業所を変更する]
// → 「連携に成功しました」/「連携を解除しました」. The employee-link workflow answers [許可する]
// synchronously; the OAuth state is the update ID, so a double click is one link. A refused ID-link
// offers its way forward: for a 事業所 mismatch, freee's business switch and then the same
// 「連携を開始しますか?」 again; for a passing failure, the same consent again.
import { Router, type Request, type Response } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { employeeLinkWorkflowId } from '../../common/ids';
import { employeeLinkStatusQuery } from '../../common/links/messages';
import { LINK_TEXT } from '../pages/link-catalogue';
import { consentPage } from '../pages/link-pages';
import { renderLinkView, type LinkAction, type LinkView } from '../pages/link-views';
import type { LinkErrorKind } from '../pages/link-messages';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';
import { formBody } from '../edge/form-body';
import { sendErrorPage, sendFailure, unreadableForm, type LinkErrorActions } from '../web/error-pages';
import { StateError } from '../web/oauth-states';
import { pageContext } from '../web/page-context';
import { outcomeContext } from '../web/page-snapshot';
import { tenantName } from '../web/tenant-names';
import { lineWorksLoginRouter, lineWorksLoginUrl, needsLineWorksLogin } from './web-lineworks-login';

type Action = 'link' | 'unlink';

/** Refusals a new try of the same consent may overcome (after switching the business, or later). */
const RETRYABLE: ReadonlySet<LinkErrorKind> = new Set(['BUSINESS_MISMATCH', 'TRANSIENT', 'UNEXPECTED', 'TOKEN_INVALID']);

export function employeeLinkRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  const form = formBody({ limit: '8kb' }, (req, res, status) => sendErrorPage(req, res, unreadableForm('link', status)));
  const switchUrl = (back: string): string =>
    `${deps.config.FREEE_ACCOUNTS_BASE_URL}/companies/switch?return_to=${encodeURIComponent(web.url(`/auth/freee/login?return_to=${encodeURIComponent(back)}`))}`;

  const toTalk: LinkAction = { href: deps.config.LINEWORKS_TALK_URL, label: 'backToTalk' };
  const backToTalk = (): LinkAction[] => [toTalk];

  router.use(lineWorksLoginRouter(web, backToTalk));

  // The link from the talk room: a single-use ticket naming the LINE WORKS account.
  router.get('/link/start', async (req, res) => {
    try {
      const ticket = await web.states.consume(req, req.query.ticket, 'lineworks_user');
      const action: Action = ticket.data.action === 'unlink' ? 'unlink' : 'link';
      const issued = await web.states.issue(req, res, 'employee_consent', { ...ticket.data, action });
      res.redirect(303, `/link/consent?s=${encodeURIComponent(issued.state)}`);
    } catch (err) {
      sendFailure(req, res, err, 'link', backToTalk);
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
      const ctx = pageContext(req, res);
      const domain = await tenantName(data.worksTenantId ?? '');
      res.type('html').send(
        consentPage(ctx, {
          kind: action,
          companyName: session.companyName,
          worksAccount: data.worksUserId ? LINK_TEXT[ctx.locale].lineWorksAccount(data.worksUserId, domain) : undefined,
          formAction: '/link/consent',
          hidden: { s, csrf: web.sessions.csrfToken(session, `consent:${s}`) },
          switchUrl: switchUrl(`${back.pathname}${back.search}`),
          note: action === 'link' ? 'adminPrerequisite' : undefined,
        }),
      );
    } catch (err) {
      sendFailure(req, res, err, 'link', backToTalk);
    }
  });

  router.post('/link/consent', form, async (req, res) => {
    const session = await web.sessions.readOrLogin(req, res);
    if (!session) return;
    const body = req.body as Record<string, unknown>;
    const s = typeof body.s === 'string' ? body.s : '';
    if (!web.sessions.csrfValid(session, `consent:${s}`, body.csrf)) {
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED', actions: backToTalk() });
      return;
    }
    let data: Record<string, string>;
    let repeated = false;
    try {
      data = (await web.states.consume(req, s, 'employee_consent')).data;
    } catch (err) {
      if (!(err instanceof StateError && err.problem === 'reused' && err.data)) return sendFailure(req, res, err, 'link', backToTalk);
      // A second click on [許可する] (this browser, this page): the same request again. The state is
      // the update ID, so the workflow answers it with the first click's outcome.
      data = err.data;
      repeated = true;
    }
    if (needsLineWorksLogin(data)) {
      // An ID-link links only the account its LINE WORKS login verified; this page never offered [許可する].
      sendErrorPage(req, res, { page: 'link', code: 'FORM_EXPIRED', actions: backToTalk() });
      return;
    }
    const action: Action = data.action === 'unlink' ? 'unlink' : 'link';
    const requestId = web.states.stateId(s);
    const show = (view: LinkView): void => {
      res.type('html').send(renderLinkView(outcomeContext(req, res, view), view));
    };
    try {
      if (action === 'link') {
        await web.links.linkEmployee(session.companyId, session.freeeUserId, { worksTenantId: data.worksTenantId ?? '', worksUserId: data.worksUserId ?? '' }, requestId);
        show({ page: 'result', result: 'linked', company: session.companyName, actions: [toTalk] });
      } else {
        const state = await currentLink(session.companyId, session.freeeUserId);
        if (repeated && state?.status !== 'linked') {
          show({ page: 'result', result: 'unlinkedAlready', actions: [toTalk] });
          return;
        }
        // Only the signed-in person's own link, and only to the account the talk room's link names:
        // a forwarded [ID連携解除] link unlinks nobody else.
        if (state?.worksUserId !== data.worksUserId || state?.worksTenantId !== data.worksTenantId) {
          sendErrorPage(req, res, { page: 'link', code: 'NOT_LINKED_EMPLOYEE', actions: backToTalk() });
          return;
        }
        await web.links.unlinkEmployee(session.companyId, session.freeeUserId, requestId);
        show({ page: 'result', result: 'unlinked', actions: [toTalk] });
      }
    } catch (err) {
      // Without a new consent to offer (its store unavailable), the error page alone.
      sendFailure(req, res, err, 'link', await retryActions(req, res, data).catch(() => backToTalk));
    }
  });

  /**
   * The ways forward of a refused [許可する]: the same consent again, in this browser, as a new
   * request — after freee's business switch for a 事業所 mismatch (the help page's remedy), at once
   * for a passing failure (after a new LINE WORKS login when LINE WORKS refused the token).
   */
  async function retryActions(req: Request, res: Response, data: Record<string, string>): Promise<LinkErrorActions> {
    const consentAgain = async (ticket: Record<string, string>): Promise<string> =>
      `/link/consent?s=${encodeURIComponent((await web.states.issue(req, res, 'employee_consent', ticket)).state)}`;
    const { worksAccountVerified: _verified, ...unverified } = data;
    const [same, relogin] = await Promise.all([consentAgain(data), consentAgain(unverified)]);
    return (kind) => {
      if (!RETRYABLE.has(kind)) return [toTalk];
      if (kind === 'BUSINESS_MISMATCH') return [{ href: switchUrl(same), label: 'changeBusiness' }, toTalk];
      return [{ href: kind === 'TOKEN_INVALID' ? relogin : same, label: 'retry' }, toTalk];
    };
  }

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
