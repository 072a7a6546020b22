// Server-rendered pages for the emulators' people-facing screens (login, consent, admin, talk):
// an `html` template tag that escapes every interpolated value unless it is itself `Html`, and
// a link guard so a provider-supplied URL can never become a `javascript:` link.

const RAW: unique symbol = Symbol('html');

/** Markup that is already safe to send. Only `html`, `trustedHtml` and `joinHtml` make it. */
export interface Html {
  readonly [RAW]: string;
}

export type HtmlPart = Html | string | number | boolean | null | undefined | readonly HtmlPart[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ESCAPES[char] ?? char);
}

function isHtml(part: unknown): part is Html {
  return typeof part === 'object' && part !== null && RAW in part;
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || typeof part === 'boolean') return '';
  if (typeof part === 'string') return escapeHtml(part);
  if (typeof part === 'number') return escapeHtml(String(part));
  if (isHtml(part)) return part[RAW];
  return part.map((item) => render(item)).join('');
}

/** Template tag: literal text is kept, every interpolation is escaped (arrays are concatenated). */
export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return { [RAW]: out };
}

/** For constant markup written in this code base (the page stylesheet), never for input. */
export function trustedHtml(markup: string): Html {
  return { [RAW]: markup };
}

export function htmlToString(markup: Html): string {
  return markup[RAW];
}

/** The URL if it is an absolute http(s) URL or a local path, else undefined (render it as text). */
export function safeHref(url: string): string | undefined {
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
