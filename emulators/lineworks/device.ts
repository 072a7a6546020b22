// Which LINE WORKS app a browser stands for. LINE WORKS shows a rich menu's image in its mobile app
// only; the browser and PC versions list the areas' labels (docs/providers/line-works.md#rich-menus).
// The emulator takes a browser that says it is a phone (a mobile User-Agent, or the
// `Sec-CH-UA-Mobile: ?1` client hint, as a phone or a browser's device emulation sends) for the
// mobile app, and any other for the PC version.
import type { Request } from 'express';

export type TalkDevice = 'mobile' | 'desktop';

const MOBILE_AGENT = /\b(Mobile|Android|iPhone|iPad|iPod)\b/;

export function talkDeviceOf(req: Pick<Request, 'get'>): TalkDevice {
  if (req.get('sec-ch-ua-mobile') === '?1') return 'mobile';
  return MOBILE_AGENT.test(req.get('user-agent') ?? '') ? 'mobile' : 'desktop';
}
