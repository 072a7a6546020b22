// A browser without JavaScript in front of several renkei APIs with no sticky sessions: cookies
// kept per host name (the APIs and the emulators all live on 127.0.0.1, as one site behind a load
// balancer would), redirects followed with GET, forms read from the HTML and posted (the emulators'
// BrowserClient, routed), and every request to renkei (a page, a form post, each redirect hop, an OAuth
// callback) sent to the next API in turn. What each API answered is kept, so a test can show that
// both took part in every step.
import { BrowserClient, type BrowserPage, type PageForm } from '../../emulators/browser-client';

/** One request renkei answered: which API (0-based), the method, the path and the status. */
export interface Served {
  api: number;
  method: string;
  path: string;
  status: number;
}

export class AlternatingPages {
  /** Every request renkei answered, in order. */
  readonly served: Served[] = [];
  private readonly client: BrowserClient;

  constructor(apiUrls: string[]) {
    const origins = apiUrls.map((u) => new URL(u).origin);
    let next = 0;
    this.client = new BrowserClient({
      stopAt: () => false,
      headers: { 'accept-language': 'ja-JP' },
      // Each request to renkei goes to the next API in turn (any other address unchanged).
      route: (url) => (origins.includes(url.origin) ? new URL(`${url.pathname}${url.search}`, origins[next++ % origins.length]) : url),
      onResponse: ({ url, method, status }) => {
        const api = origins.indexOf(url.origin);
        if (api >= 0) this.served.push({ api, method, path: url.pathname, status });
      },
    });
  }

  get(url: string): Promise<BrowserPage> {
    return this.client.get(url);
  }

  post(url: string, fields: [string, string][]): Promise<BrowserPage> {
    return this.client.post(url, fields);
  }

  /**
   * Submits the first form of `page` that `pick` accepts, as a browser would: its hidden inputs,
   * filled inputs and checked boxes, with `set` replacing fields (a select, a textarea, what is
   * typed) and `add` appending (the pressed button's name=value, ticked boxes).
   */
  submit(page: BrowserPage, pick: (form: PageForm) => boolean, options: { set?: Record<string, string>; add?: [string, string][] } = {}): Promise<BrowserPage> {
    return this.client.submit(page, { ...options, pick });
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
