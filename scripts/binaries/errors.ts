// Typed errors for finding and building the external binaries renkei runs (Temporal CLI,
// time-skipping test server, Mongo-wire server). Their messages are meant to be shown as-is.

/** Nothing usable was found and it could not be obtained; the message says exactly what to do. */
export class MissingBinaryError extends Error {
  override readonly name = 'MissingBinaryError';
  constructor(
    readonly binary: string,
    message: string,
  ) {
    super(message);
  }
}

/** An environment variable points at something that is not an executable file. */
export class InvalidBinaryPathError extends Error {
  override readonly name = 'InvalidBinaryPathError';
  constructor(
    readonly variable: string,
    readonly path: string,
  ) {
    super(`${variable}=${path} is not an executable file; fix the path or unset ${variable}.`);
  }
}

/** A build step (go, mvn) failed or produced something that does not run. */
export class BinaryBuildError extends Error {
  override readonly name = 'BinaryBuildError';
  constructor(
    readonly binary: string,
    readonly detail: string,
    readonly logFile?: string,
  ) {
    super(`building ${binary} failed: ${detail}${logFile ? ` (full output in ${logFile})` : ''}`);
  }
}

/** Errors whose message is the whole story: callers print the message, not the stack. */
export function isBinaryProblem(err: unknown): err is MissingBinaryError | InvalidBinaryPathError | BinaryBuildError {
  return err instanceof MissingBinaryError || err instanceof InvalidBinaryPathError || err instanceof BinaryBuildError;
}
