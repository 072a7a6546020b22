// A browser without JavaScript in front of several renkei APIs with no sticky sessions: cookies
// kept per host name (the APIs and the emulators all live on 127.0.0.1, as one site behind a load
// balancer would), redirects followed with GET, forms read from the HTML (emulators/browser-client.ts)
// and posted, and every request to renkei (a page, a form post, each redirect hop, an OAuth
// callback) sent to the next API in turn. What each API answered is kept, so a test can show that
// both took part in every step.
import { pageForms, type BrowserPage, type PageForm } from '../../emulators/browser-client';

/** One request renkei answered: which API (0-based), the method, the path and the status. */
export interface Served {
  api: number;
  method: string;
  path: string;
  status: number;
}

export class AlternatingPages {
  private readonly jar = new Map<string, Map<string, string>>();
  private readonly origins: string[];
  private next = 0;
  /** Every request renkei answered, in order. */
  readonly served: Served[] = [];

  constructor(apiUrls: string[]) {
    this.origins = apiUrls.map((u) => new URL(u).origin);
  }

  get(url: string): Promise<BrowserPage> {
    return this.walk(url, 'GET');
  }

  post(url: string, fields: [string, string][]): Promise<BrowserPage> {
    return this.walk(url, 'POST', new URLSearchParams(fields));
  }

  /**
   * Submits the first form of `page` that `pick` accepts, as a browser would: its hidden inputs,
   * filled inputs and checked boxes, with `set` replacing fields (a select, a textarea, what is
   * typed) and `add` appending (the pressed button's name=value, ticked boxes).
   */
  submit(page: BrowserPage, pick: (form: PageForm) => boolean, options: { set?: Record<string, string>; add?: [string, string][] } = {}): Promise<BrowserPage> {
    const form = pageForms(page).find(pick);
    if (form === undefined) throw new Error(`no such form on ${page.url} (${page.status}): ${page.html.slice(0, 400)}`);
    const replaced = new Set(Object.keys(options.set ?? {}));
    const fields: [string, string][] = [...form.fields.filter(([name]) => !replaced.has(name)), ...Object.entries(options.set ?? {}), ...(options.add ?? [])];
    if (form.method === 'GET') {
      const target = new URL(form.action);
      for (const [name, value] of fields) target.searchParams.append(name, value);
      return this.get(target.href);
    }
    return this.post(form.action, fields);
  }

  /** The renkei address a request goes to: the next API in turn (any other address unchanged). */
  private route(url: URL): { url: URL; api?: number } {
    if (!this.origins.includes(url.origin)) return { url };
    const api = this.next++ % this.origins.length;
    return { url: new URL(`${url.pathname}${url.search}`, this.origins[api]), api };
  }

  private keep(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      if (index <= 0) continue;
      let cookies = this.jar.get(url.hostname);
      if (cookies === undefined) this.jar.set(url.hostname, (cookies = new Map<string, string>()));
      const name = pair.slice(0, index).trim();
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a))) cookies.delete(name);
      else cookies.set(name, pair.slice(index + 1).trim());
    }
  }

  private async walk(start: string, firstMethod: string, firstBody?: URLSearchParams): Promise<BrowserPage> {
    let url = new URL(start);
    let method = firstMethod;
    let body = firstBody;
    for (let hop = 0; hop < 20; hop += 1) {
      const routed = this.route(url);
      const cookies = this.jar.get(routed.url.hostname);
      const headers: Record<string, string> = { accept: 'text/html', 'accept-language': 'ja-JP' };
      if (cookies !== undefined && cookies.size > 0) headers.cookie = [...cookies].map(([n, v]) => `${n}=${v}`).join('; ');
      const response = await fetch(routed.url, { method, headers, body, redirect: 'manual' });
      this.keep(routed.url, response);
      if (routed.api !== undefined) this.served.push({ api: routed.api, method, path: routed.url.pathname, status: response.status });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.arrayBuffer();
        url = new URL(location, routed.url);
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: routed.url.href, status: response.status, html: await response.text() };
    }
    throw new Error(`too many redirects from ${start}`);
  }
}

/** The text of the first element carrying `attribute` (e.g. `data-result`), tags stripped. */
export function textOf(page: BrowserPage, attribute: string): string | undefined {
  const match = new RegExp(`<([a-z0-9]+)\\b[^>]*\\s${attribute}(?:="[^"]*")?[^>]*>([\\s\\S]*?)</\\1>`).exec(page.html);
  return match?.[2]?.replace(/<[^>]*>/g, '').trim();
}

/** The text of the page's first h1. */
export function headingOf(page: BrowserPage): string | undefined {
  return /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(page.html)?.[1]?.replace(/<[^>]*>/g, '').trim();
}

/** The value of `attribute` on the first element carrying it. */
export function attributeOf(page: BrowserPage, attribute: string): string | undefined {
  return new RegExp(`\\s${attribute}="([^"]*)"`).exec(page.html)?.[1];
}

/** Whether a form posts to a path ending in `suffix` (and, when given, carries the field `name`). */
export const postsTo =
  (suffix: string, having?: (form: PageForm) => boolean) =>
  (form: PageForm): boolean =>
    form.method === 'POST' && new URL(form.action).pathname.endsWith(suffix) && (having === undefined || having(form));
