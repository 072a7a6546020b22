// What `npm run event:freee` suggests when no LINE WORKS message arrived: the step that is missing
// for that business, read from the operator API's view of its LINE WORKS tenant — never linked,
// removed by the admin, or linked while the employee is not (e.g. after [ID連携解除]). The walk's
// business (scripts/lib/demo-people.ts) is fixed by walking again; the seeded one by seed:demo.

export interface TenantLinksView {
  tenant: { status: string; companyId: string };
  links: Array<{ freeeUserId: string; worksUserId: string }>;
}

export interface HintInput {
  companyId: string;
  freeeUserId: string;
  worksUserId: string;
  /** The tenant's links as the operator API answered, or `not_linked` (404), or undefined (no answer). */
  tenant: TenantLinksView | 'not_linked' | undefined;
  /** Whether the business is the one the browser walk links (else `npm run seed:demo`'s). */
  walk: boolean;
  urls: { settings: string; talk: string };
}

export function nextStepHint(i: HintInput): string {
  const seed = 'npm run seed:demo links it again';
  if (i.tenant === undefined) return 'renkei did not answer about the LINE WORKS link: is `npm run dev` running? (see its logs)';
  if (i.tenant === 'not_linked' || i.tenant.tenant.status === 'removed' || i.tenant.tenant.companyId !== i.companyId) {
    const why = i.tenant === 'not_linked' ? 'is not linked to LINE WORKS yet' : 'is no longer linked to LINE WORKS (the app was removed)';
    return i.walk
      ? `business ${i.companyId} ${why}: as its admin, link it on 通知設定 ${i.urls.settings} ([アカウントを連携する]), then ID-link the employee from the talk room ${i.urls.talk}`
      : `business ${i.companyId} ${why}: ${seed}`;
  }
  if (!i.tenant.links.some((l) => l.freeeUserId === i.freeeUserId && l.worksUserId === i.worksUserId)) {
    return i.walk
      ? `${i.worksUserId} is not ID-linked to freee user ${i.freeeUserId} (unlinked with [ID連携解除]?): tap [ID連携] in the talk room ${i.urls.talk}, link again, then re-run this`
      : `${i.worksUserId} is not ID-linked to freee user ${i.freeeUserId}: ${seed}`;
  }
  if (i.tenant.tenant.status === 'suspended') return `LINE WORKS refused the tenant's token: the admin re-authenticates on 通知設定 ${i.urls.settings} ([再認証する]); the notification is delivered then`;
  return 'the employee is linked; the message may still be on its way (retries): see the Web UI link below and the worker log';
}
