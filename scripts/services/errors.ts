// Typed errors for starting the local services (Temporal dev server, Mongo-wire server).

/** A service did not come up: it exited, or did not answer in time. */
export class ServiceStartError extends Error {
  override readonly name = 'ServiceStartError';
  constructor(
    readonly service: string,
    detail: string,
    readonly logFile?: string,
  ) {
    super(`${service} did not start: ${detail}${logFile ? ` (see ${logFile})` : ''}`);
  }
}
