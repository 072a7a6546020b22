// renkei's one HTML template tag, for the product's pages and the emulators' screens alike (the
// emulators import this pure module; the product never imports from emulators/). `html` escapes
// every interpolated value unless it is already SafeHtml, so no page can be injected into.
//
// Decision: one small typed tag kept in the code base rather than a library. What a page needs is
// the escaping of six characters, arrays of parts, and a type (SafeHtml) that marks markup as
// already escaped so the compiler keeps raw strings out of pages; that is these few lines, with no
// dependency and no template language to learn. Libraries that do more (a template engine, a DOM
// renderer) would change how every page is written for nothing the pages need, and the escaping
// ones alone (e.g. escape-html) give no type for safe markup.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Markup that is already safe to send (the emulators' name for it). */
export type Html = SafeHtml;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export const escapeHtml = (s: string): string => s.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);

export type Interpolation = SafeHtml | string | number | boolean | undefined | null | readonly Interpolation[];

function render(v: Interpolation): string {
  if (v === undefined || v === null || typeof v === 'boolean') return '';
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

/** Template tag: literal text is kept, every interpolation is escaped (arrays are concatenated). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** For constant markup written in this code base (a stylesheet), never for input. */
export const trustedHtml = (markup: string): SafeHtml => new SafeHtml(markup);

export const htmlToString = (markup: SafeHtml): string => markup.value;

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
