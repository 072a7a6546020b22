// 【従業員】ID連携 and ID連携解除 (seed 000): the link the bot gives in the talk room opens here →
// freee login if needed → 「連携を開始しますか?」/「連携を解除しますか?」 with the business and
// [許可する] / [事業所を変更する] → 「連携に成功しました」/「連携を解除しました」. The employee-link
// workflow answers [許可する] synchronously; the OAuth state is the update ID, so a double click is
// one link.
import express, { Router } from 'express';
import { WorkflowNotFoundError } from '@temporalio/client';
import { employeeLinkWorkflowId } from '../../common/ids';
import { employeeLinkStatusQuery } from '../../common/links/messages';
import { LINK_ERRORS } from '../pages/link-messages';
import { consentPage, linkErrorPage, resultPage } from '../pages/link-pages';
import type { ApiDeps } from '../deps';
import type { WebContext } from '../web/context';
import { sendLinkFailure } from '../web/link-failure';
import { StateError } from '../web/oauth-states';
import { sessionOrLogin } from '../web/require-session';

type Action = 'link' | 'unlink';

const TEXT: Record<Action, { title: '連携を開始しますか?' | '連携を解除しますか?'; done: string }> = {
  link: { title: '連携を開始しますか?', done: '連携に成功しました' },
  unlink: { title: '連携を解除しますか?', done: '連携を解除しました' },
};

export function employeeLinkRouter(deps: ApiDeps, web: WebContext): Router {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '8kb' });
  const switchUrl = (back: string): string =>
    `${deps.config.FREEE_ACCOUNTS_BASE_URL}/companies/switch?return_to=${encodeURIComponent(web.url(`/auth/freee/login?return_to=${encodeURIComponent(back)}`))}`;

  // The link from the talk room: a single-use ticket naming the LINE WORKS account.
  router.get('/link/start', async (req, res) => {
    try {
      const ticket = await web.states.consume(req, req.query.ticket, 'lineworks_user');
      const action: Action = ticket.data.action === 'unlink' ? 'unlink' : 'link';
      const issued = await web.states.issue(req, res, 'employee_consent', { ...ticket.data, action });
      res.redirect(303, `/link/consent?s=${encodeURIComponent(issued.state)}`);
    } catch (err) {
      sendLinkFailure(req, res, err);
    }
  });

  router.get('/link/consent', async (req, res) => {
    const session = await sessionOrLogin(web, req, res);
    if (!session) return;
    try {
      const data = await web.states.peek(req, req.query.s, 'employee_consent');
      const action: Action = data.action === 'unlink' ? 'unlink' : 'link';
      const s = typeof req.query.s === 'string' ? req.query.s : '';
      res.type('html').send(
        consentPage({
          title: TEXT[action].title,
          companyName: session.companyName,
          worksAccount: data.worksUserId,
          formAction: '/link/consent',
          hidden: { s, csrf: web.sessions.csrfToken(session, `consent:${s}`) },
          switchUrl: switchUrl(req.originalUrl),
          note: action === 'link' ? '※ 通知を受け取るには、通知を受け取りたい事業所の管理者が事前に連携設定を行っている必要があります。' : undefined,
        }),
      );
    } catch (err) {
      sendLinkFailure(req, res, err);
    }
  });

  router.post('/link/consent', form, async (req, res) => {
    const session = await sessionOrLogin(web, req, res);
    if (!session) return;
    const body = req.body as Record<string, unknown>;
    const s = typeof body.s === 'string' ? body.s : '';
    if (!web.sessions.csrfValid(session, `consent:${s}`, body.csrf)) {
      res.status(403).type('html').send(linkErrorPage(LINK_ERRORS.EXPIRED));
      return;
    }
    let data: Record<string, string>;
    let repeated = false;
    try {
      data = (await web.states.consume(req, s, 'employee_consent')).data;
    } catch (err) {
      if (!(err instanceof StateError && err.problem === 'reused' && err.data)) return sendLinkFailure(req, res, err);
      // A second click on [許可する] (this browser, this page): the same request again. The state is
      // the update ID, so the workflow answers it with the first click's outcome.
      data = err.data;
      repeated = true;
    }
    const action: Action = data.action === 'unlink' ? 'unlink' : 'link';
    const requestId = web.states.stateId(s);
    try {
      if (action === 'link') {
        await web.links.linkEmployee(session.companyId, session.freeeUserId, { worksTenantId: data.worksTenantId ?? '', worksUserId: data.worksUserId ?? '' }, requestId);
        res.type('html').send(resultPage(TEXT.link.done, ['トーク画面下部のリッチメニューが[ID連携]から[ID連携解除]の表示になります。', `${session.companyName}の通知をLINE WORKSで受け取れます。`]));
      } else {
        const state = await currentLink(session.companyId, session.freeeUserId);
        if (repeated && state?.status !== 'linked') {
          res.type('html').send(resultPage(TEXT.unlink.done, ['この操作は既に完了しています。']));
          return;
        }
        if (state?.worksUserId !== data.worksUserId) {
          res.status(409).type('html').send(linkErrorPage(LINK_ERRORS.NOT_LINKED_EMPLOYEE));
          return;
        }
        await web.links.unlinkEmployee(session.companyId, session.freeeUserId, requestId);
        res.type('html').send(resultPage(TEXT.unlink.done, ['トーク画面下部のリッチメニューが[ID連携]の表示に戻ります。']));
      }
    } catch (err) {
      sendLinkFailure(req, res, err);
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
