// ユーザー登録 (docs/flows/lansmart-line.md ①②): the invitation link from the platform opens the page with the three
// consents; 「LINEでユーザー登録」 posts them (CSRF-bound to this browser: there is no session yet)
// and, with all three, goes to LINE Login for the invited partner. An unknown or used invitation,
// or a company without the LINE option, gets a page that says so instead. A post without all three
// comes back to the page by redirect (post → redirect → get), with the boxes as ticked and the
// message shown once, kept for this browser (form-flash.ts).
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { PlatformInvitation, PlatformPartner } from '../../providers/lansmart/platform-client';
import type { BrowserCsrf } from '../web/csrf';
import type { PartnerWebContext } from './context';
import { formBody } from '../edge/form-body';
import { lineAuthorizeUrl } from './line-login-start';
import { refusePartnerForm } from './page-handler';
import { pageContext } from '../web/page-context';
import { registrationPage } from './pages/registration-page';
import { allConsented, CONSENTS, tickedConsents, type Consent } from './registration-consents';
import { LOGIN_RETRY, PartnerSignInError, registerRetry, sendFailure, type SignInRetry } from '../web/error-pages';
import { keepFlash, takeFlash } from '../web/form-flash';

const invitationToken = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._~-]+$/);

const postedForm = z.object({ invitation: z.unknown().optional(), csrf: z.unknown().optional(), consent: z.unknown().optional() });

/** Invitation problems lead to the login page: there is nothing to register again. */
const INVITATION_RETRY: SignInRetry = { ...LOGIN_RETRY, flow: 'register' };

const csrfForm = (invitation: string): string => `register:${invitation}`;
/** What the page shows once after a post without all three: the boxes that were ticked. */
const consentFlash = z.object({ ticked: z.array(z.enum(CONSENTS)).max(CONSENTS.length) });
const registrationPath = (invitation: string): string => `/partner/register?invitation=${encodeURIComponent(invitation)}`;

export function registrationRouter(pw: PartnerWebContext, csrf: BrowserCsrf): Router {
  const router = Router();
  const form = formBody({ limit: '8kb', parameterLimit: 20 }, refusePartnerForm);

  /** The pending invitation and its partner, whose company has the LINE option; else a refusal. */
  async function invitationOf(token: unknown): Promise<{ token: string; invitation: PlatformInvitation; partner: PlatformPartner }> {
    const parsed = invitationToken.safeParse(token);
    if (!parsed.success) throw new PartnerSignInError('INVITATION_NOT_FOUND', 'no readable invitation token');
    const invitation = await pw.platform.getInvitation(parsed.data);
    if (!invitation) throw new PartnerSignInError('INVITATION_NOT_FOUND', 'the platform does not know the invitation');
    if (invitation.status !== 'pending') throw new PartnerSignInError('INVITATION_USED', 'the invitation was accepted already');
    const partner = await pw.platform.getPartner(invitation.partnerId);
    if (!partner) throw new PartnerSignInError('INVITATION_NOT_FOUND', 'the platform does not know the invited partner');
    if (!partner.lineOption) throw new PartnerSignInError('NO_LINE_OPTION', 'the partner’s company has no LINE option');
    return { token: parsed.data, invitation, partner };
  }

  function render(req: Request, res: Response, status: number, found: { token: string; invitation: PlatformInvitation }, ticked: Set<Consent>, consentMissing: boolean): void {
    res
      .status(status)
      .type('html')
      .send(
        registrationPage(pageContext(req, res, registrationPath(found.token)), {
          invitation: found.token,
          companyName: found.invitation.companyName,
          email: found.invitation.email,
          csrf: csrf.token(req, res, csrfForm(found.token)),
          ticked,
          consentMissing,
        }),
      );
  }

  router.get('/partner/register', async (req, res) => {
    try {
      const found = await invitationOf(req.query.invitation);
      const key = csrf.browserKey(req);
      const flash = key ? await takeFlash(key, csrfForm(found.token), consentFlash) : undefined;
      render(req, res, 200, found, new Set(flash?.ticked ?? []), flash !== undefined);
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', INVITATION_RETRY);
    }
  });

  router.post('/partner/register', form, async (req, res) => {
    const body = postedForm.safeParse(req.body ?? {});
    const posted = body.success ? body.data : { invitation: undefined, csrf: undefined, consent: undefined };
    const token = typeof posted.invitation === 'string' ? posted.invitation : '';
    try {
      if (!csrf.valid(req, csrfForm(token), posted.csrf)) throw new PartnerSignInError('FORM_EXPIRED', 'the registration form’s CSRF token does not match');
      const found = await invitationOf(token);
      const ticked = tickedConsents(posted.consent);
      const key = csrf.browserKey(req);
      if (!allConsented(ticked) && key) {
        await keepFlash(key, csrfForm(found.token), { ticked: [...ticked] });
        res.redirect(303, registrationPath(found.token));
        return;
      }
      if (!allConsented(ticked)) throw new PartnerSignInError('FORM_EXPIRED', 'the registration form came without this browser’s cookie');
      // Recorded once LINE has said who this is (line-callback-route.ts), with the time they were given.
      const url = await lineAuthorizeUrl(pw, req, res, 'line_register', { partnerId: found.partner.partnerId, invitation: found.token, consentedAt: new Date().toISOString() });
      res.redirect(303, url);
    } catch (err) {
      sendFailure(req, res, err, 'sign-in', err instanceof PartnerSignInError && err.kind === 'FORM_EXPIRED' && invitationToken.safeParse(token).success ? registerRetry(token) : INVITATION_RETRY);
    }
  });

  return router;
}
