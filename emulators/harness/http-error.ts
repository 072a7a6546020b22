// An HTTP answer thrown from a route: the emulator app's error handler turns it into the response.
// Lets provider routes answer errors in their provider's shape with one `throw`.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`HTTP ${status}`);
    this.name = 'HttpError';
  }
}
