// One call to an emulator's /_emulator control routes, for every typed control client
// (EmulatorControl, Lansmart, LINE, mail): JSON in, JSON out, non-2xx → EmulatorControlError.

/** A control route answered with a non-2xx status. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'EmulatorControlError';
  }
}

export type ControlQuery = Record<string, string | undefined>;

export async function callControl<T = unknown>(baseUrl: string, method: string, path: string, body?: unknown, query: ControlQuery = {}): Promise<T> {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/_emulator${path}`);
  for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed: unknown = text.length > 0 ? JSON.parse(text) : undefined;
  if (!response.ok) throw new EmulatorControlError(response.status, parsed, `${method} ${path}`);
  return parsed as T;
}
