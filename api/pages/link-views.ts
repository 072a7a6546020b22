// What a freee × LINE WORKS outcome page shows, as data: an error of the help page's table or a
// result, and the ways forward it offers (retry, [事業所を変更する], back to the talk room or to
// 通知設定). Being data, a page shown once after a form or a provider's redirect can be shown again —
// in the other language, with the same ways forward — from a signed copy (api/web/page-snapshot.ts).
import { z } from 'zod';
import { LINK_TEXT } from './link-catalogue';
import { isLinkErrorKind, type LinkErrorKind } from './link-messages';
import { linkErrorPage, resultPage } from './link-pages';
import type { PageContext } from './locale';

export const LINK_ACTION_LABELS = ['retry', 'changeBusiness', 'backToTalk', 'backToSettings', 'openAppPage'] as const;
export type LinkActionLabel = (typeof LINK_ACTION_LABELS)[number];

/** A way forward: where it leads and which catalogue label it wears. */
export interface LinkAction {
  href: string;
  label: LinkActionLabel;
}

export const LINK_RESULTS = ['linked', 'unlinked', 'unlinkedAlready', 'adminLinked', 'tenantTaken'] as const;
export type LinkResult = (typeof LINK_RESULTS)[number];

export type LinkView =
  /** `code`: the failure of the one error table (api/web/error-pages.ts) the page shows, when known. */
  | { page: 'error'; kind: LinkErrorKind; code?: string; status: number; ref?: string; actions: LinkAction[] }
  | { page: 'result'; result: LinkResult; company?: string; tenant?: string; actions: LinkAction[] };

const href = z.string().min(1).max(2000).refine((h) => h.startsWith('/') ? !h.startsWith('//') : /^https?:\/\//.test(h), 'a local path or an http(s) URL');
const action = z.object({ href, label: z.enum(LINK_ACTION_LABELS) });
const text = z.string().max(300);

/** The shape of a view read back from a signed copy. */
export const linkViewSchema: z.ZodType<LinkView> = z.discriminatedUnion('page', [
  z.object({
    page: z.literal('error'),
    kind: z.string().refine(isLinkErrorKind) as unknown as z.ZodType<LinkErrorKind>,
    code: z.string().regex(/^[A-Z_]{1,40}$/).optional(),
    status: z.number().int().min(400).max(599),
    ref: text.optional(),
    actions: z.array(action).max(4),
  }),
  z.object({ page: z.literal('result'), result: z.enum(LINK_RESULTS), company: text.optional(), tenant: text.optional(), actions: z.array(action).max(4) }),
]);

export function renderLinkView(ctx: PageContext, view: LinkView): string {
  const t = LINK_TEXT[ctx.locale];
  const links = view.actions.map((a) => ({ href: a.href, label: t[a.label], action: a.label }));
  if (view.page === 'error') return linkErrorPage(ctx, view.kind, view.ref, links, view.code ? `link.${view.code}` : undefined);
  const company = view.company ?? '';
  const tenant = view.tenant ?? '';
  switch (view.result) {
    case 'linked':
      return resultPage(ctx, t.linked, [t.linkedMenu, t.linkedNotices(company)], links);
    case 'unlinked':
      return resultPage(ctx, t.unlinked, [t.unlinkedMenu], links);
    case 'unlinkedAlready':
      return resultPage(ctx, t.unlinked, [t.alreadyDone], links);
    case 'adminLinked':
      return resultPage(ctx, t.adminLinked, [t.adminLinkedBusiness(company), t.adminLinkedNext], links);
    case 'tenantTaken':
      return resultPage(ctx, t.tenantTakenTitle, [t.tenantTaken(t.lineWorksTenant(tenant)), t.tenantTakenRule, t.tenantTakenRemedy], links, 'tenant-taken');
  }
}
