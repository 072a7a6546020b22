// A cookie-keeping HTTP client that walks the emulators' pages the way a browser without
// JavaScript would: cookies kept per host name (ports share them, as in browsers), redirects
// followed with GET, forms read from the HTML (hidden fields, filled inputs, checked boxes) and
// submitted. Redirects leaving loopback (a client's redirect_uri such as https://renkei.example/cb)
// are not followed but handed back, so a test can read the code and state from them. A `route`
// option sends each request (every redirect hop included) to another address, e.g. to several
// replicas of one app in turn, and `onResponse` sees what each address answered.

export interface BrowserPage {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  html: string;
  /** Set when the walk stopped at a redirect it did not follow. */
  location?: string;
}

export interface PageForm {
  /** Absolute action URL. */
  action: string;
  method: string;
  /** Hidden inputs, filled text inputs and checked checkboxes / radios, as the browser would send them. */
  fields: [string, string][];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#96;': '`' };

function unescapeHtml(value: string): string {
  return value.replace(/&(?:amp|lt|gt|quot|#39|#96);/g, (entity) => ENTITIES[entity] ?? entity);
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g)) {
    const name = match[1];
    if (name !== undefined) found[name.toLowerCase()] = unescapeHtml(match[2] ?? '');
  }
  return found;
}

/** Every form of a page, in document order. */
export function pageForms(page: BrowserPage): PageForm[] {
  const forms: PageForm[] = [];
  for (const match of page.html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const formAttributes = attributes(match[1] ?? '');
    const fields: [string, string][] = [];
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/g)) {
      const field = attributes(input[1] ?? '');
      const type = (field.type ?? 'text').toLowerCase();
      if (field.name === undefined) continue;
      if ((type === 'checkbox' || type === 'radio') && !('checked' in field)) continue;
      fields.push([field.name, field.value ?? (type === 'checkbox' ? 'on' : '')]);
    }
    forms.push({ action: new URL(formAttributes.action ?? page.url, page.url).href, method: (formAttributes.method ?? 'get').toUpperCase(), fields });
  }
  return forms;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface BrowserClientOptions {
  /** Redirects to these addresses are handed back, not followed (default: any off loopback). */
  stopAt?: (url: URL) => boolean;
  /** Where a request for `url` is sent (default: `url` itself). */
  route?: (url: URL) => URL;
  /** Told of every answer, redirects included, with the address it came from. */
  onResponse?: (answer: { url: URL; method: string; status: number }) => void;
  /** Sent with every request (e.g. `accept-language`). */
  headers?: Record<string, string>;
}

export class BrowserClient {
  private readonly jar = new Map<string, Map<string, string>>();
  private readonly stopAt: (url: URL) => boolean;
  private readonly route: (url: URL) => URL;
  private readonly onResponse: BrowserClientOptions['onResponse'];
  private readonly headers: Record<string, string>;

  constructor(options: BrowserClientOptions = {}) {
    this.stopAt = options.stopAt ?? ((url) => !LOOPBACK.has(url.hostname));
    this.route = options.route ?? ((url) => url);
    this.onResponse = options.onResponse;
    this.headers = options.headers ?? {};
  }

  get(url: string): Promise<BrowserPage> {
    return this.walk(url, { method: 'GET' });
  }

  /** POSTs a form (application/x-www-form-urlencoded); repeated names as repeated pairs. */
  post(url: string, fields: [string, string][] | Record<string, string>): Promise<BrowserPage> {
    const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
    return this.walk(url, { method: 'POST', body });
  }

  /**
   * Submits the form whose action contains `actionPart`, or the first one `pick` accepts (the first
   * form when neither is given). `set` replaces fields, `add` appends (a clicked button's
   * name=value, a ticked checkbox), `remove` drops names.
   */
  submit(
    page: BrowserPage,
    options: { actionPart?: string; pick?: (form: PageForm) => boolean; set?: Record<string, string>; add?: [string, string][]; remove?: string[] } = {},
  ): Promise<BrowserPage> {
    const form = pageForms(page).find((candidate) => (options.actionPart === undefined || candidate.action.includes(options.actionPart)) && (options.pick?.(candidate) ?? true));
    if (form === undefined) throw new Error(`no form${options.actionPart === undefined ? '' : ` posting to ${options.actionPart}`} on ${page.url} (${page.status}): ${page.html.slice(0, 400)}`);
    const replaced = new Set([...Object.keys(options.set ?? {}), ...(options.remove ?? [])]);
    const fields: [string, string][] = [
      ...form.fields.filter(([name]) => !replaced.has(name)),
      ...Object.entries(options.set ?? {}),
      ...(options.add ?? []),
    ];
    if (form.method === 'GET') {
      const target = new URL(form.action);
      for (const [name, value] of fields) target.searchParams.append(name, value);
      return this.get(target.href);
    }
    return this.post(form.action, fields);
  }

  /** The cookies held for a host name. */
  cookies(hostname: string): Record<string, string> {
    return Object.fromEntries(this.jar.get(hostname) ?? []);
  }

  clearCookies(): void {
    this.jar.clear();
  }

  private cookieHeader(url: URL): string | undefined {
    const cookies = this.jar.get(url.hostname);
    if (cookies === undefined || cookies.size === 0) return undefined;
    return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private keep(url: URL, response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributesPart] = line.split(';');
      const index = pair.indexOf('=');
      if (index <= 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      let cookies = this.jar.get(url.hostname);
      if (cookies === undefined) {
        cookies = new Map();
        this.jar.set(url.hostname, cookies);
      }
      const expired = attributesPart.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || /^\s*expires=thu, 01 jan 1970/i.test(attribute));
      if (expired) cookies.delete(name);
      else cookies.set(name, value);
    }
  }

  private async walk(start: string, request: { method: string; body?: URLSearchParams }): Promise<BrowserPage> {
    let url = new URL(start);
    let method = request.method;
    let body = request.body;
    for (let hop = 0; hop < 20; hop += 1) {
      const target = this.route(url);
      const headers: Record<string, string> = { accept: 'text/html', ...this.headers };
      const cookie = this.cookieHeader(target);
      if (cookie !== undefined) headers.cookie = cookie;
      const response = await fetch(target, { method, headers, body, redirect: 'manual' });
      this.keep(target, response);
      this.onResponse?.({ url: target, method, status: response.status });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        const next = new URL(location, target);
        if (this.stopAt(next)) return { url: target.href, status: response.status, html: await response.text(), location: next.href };
        await response.arrayBuffer();
        url = next;
        method = 'GET';
        body = undefined;
        continue;
      }
      return { url: target.href, status: response.status, html: await response.text() };
    }
    throw new Error(`too many redirects from ${start}`);
  }
}
