// A listener could not bind its port. Shared by the API process and the embedded-stack scripts so
// a clash is always reported the same way: which port, what wanted it, and which variable moves it.

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly what: string,
    readonly envVar?: string,
  ) {
    const remedy = envVar ? `set ${envVar}=<another port>` : 'choose another port';
    super(`port ${port} (${what}) is already in use; stop what uses it or ${remedy}`);
  }
}
