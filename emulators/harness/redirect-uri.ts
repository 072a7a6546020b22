// Building the redirects an authorization server sends back to a client: parameters appended to
// the registered URI's own query, and the origin check used for `return_to` style targets.

export function appendQuery(url: string, params: Record<string, string | undefined>): string {
  const target = new URL(url);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) target.searchParams.append(name, value);
  return target.href;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** True when `candidate` is an http(s) URL on the origin of one of `registered`. */
export function sharesOriginWith(candidate: string, registered: readonly string[]): boolean {
  const origin = originOf(candidate);
  if (origin === undefined || !/^https?:/.test(origin)) return false;
  return registered.some((uri) => originOf(uri) === origin);
}
