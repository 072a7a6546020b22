// The pages' stylesheets as files the API serves itself (`/assets/<name>.css`), so the pages carry
// no inline style and the Content-Security-Policy can say `style-src 'self'`. Each link names the
// content's hash in its query: the path stays fixed, browsers cache a year, and a changed
// stylesheet is fetched again because its link changed.
import { createHash } from 'node:crypto';
import { html, type SafeHtml } from './html';

export const ASSETS_PATH = '/assets';

export interface Stylesheet {
  /** The file name under /assets (`page.css`). */
  readonly name: string;
  readonly css: string;
  /** Path and version query the pages link to. */
  readonly href: string;
}

export function stylesheet(name: string, css: string): Stylesheet {
  const version = createHash('sha256').update(css).digest('base64url').slice(0, 12);
  return { name, css, href: `${ASSETS_PATH}/${name}?v=${version}` };
}

/** The `<link>` of a stylesheet (allowed in the body too, where a page part needs its own styles). */
export const stylesheetLink = (s: Stylesheet): SafeHtml => html`<link rel="stylesheet" href="${s.href}">`;
