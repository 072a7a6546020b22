// `npm run event:freee` names the missing step when nothing arrived: the walk's employee who
// unlinked is told to ID-link again in the talk room, the seeded business to seed again.
import { strict as assert } from 'node:assert';
import { nextStepHint, type HintInput, type TenantLinksView } from '../../scripts/lib/event-hint';

const base: Omit<HintInput, 'tenant' | 'walk'> = {
  companyId: '1001',
  freeeUserId: '2001',
  worksUserId: 'yamada@works-demo',
  urls: { settings: 'http://api/settings/notifications', talk: 'http://lw/talk' },
};
const linked = (links: TenantLinksView['links'], status = 'active'): TenantLinksView => ({ tenant: { status, companyId: '1001' }, links });

describe('event:freee next-step hint', () => {
  it('tells a walk employee who unlinked to tap [ID連携] again, not to seed', () => {
    const hint = nextStepHint({ ...base, walk: true, tenant: linked([]) });
    assert.match(hint, /\[ID連携\] in the talk room http:\/\/lw\/talk/);
    assert.doesNotMatch(hint, /seed:demo/);
  });
  it('tells the walk admin to link on 通知設定 when the business was never linked or the app was removed', () => {
    assert.match(nextStepHint({ ...base, walk: true, tenant: 'not_linked' }), /not linked to LINE WORKS yet: .*通知設定 http:\/\/api\/settings\/notifications/);
    assert.match(nextStepHint({ ...base, walk: true, tenant: linked([], 'removed') }), /app was removed/);
  });
  it('suggests seed:demo for the seeded business, and re-authentication for a suspended tenant', () => {
    assert.match(nextStepHint({ ...base, companyId: '1009', walk: false, tenant: 'not_linked' }), /npm run seed:demo/);
    const suspended = nextStepHint({ ...base, walk: true, tenant: linked([{ freeeUserId: '2001', worksUserId: 'yamada@works-demo' }], 'suspended') });
    assert.match(suspended, /再認証する/);
  });
});
