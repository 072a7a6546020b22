// POSTs an emulator sends to someone else's server (webhooks, bot callbacks, app lifecycle events):
// the exact body bytes given, a timeout, and what came back (status null when unreachable).

const DEFAULT_TIMEOUT_MS = 15_000;

export interface OutboundResult {
  status: number | null;
  /** Parsed JSON when the answer was JSON, else the text; null when empty or unreachable. */
  body: unknown;
  error?: string;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function postOutbound(
  url: string,
  request: { body: string; headers: Record<string, string>; timeoutMs?: number },
): Promise<OutboundResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    return { status: response.status, body: await readBody(response) };
  } catch (error) {
    return { status: null, body: null, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}
