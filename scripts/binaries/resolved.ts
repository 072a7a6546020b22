// The answer every "ensure a binary" function gives: a local executable, or "let the SDK
// download its own", plus the options they all take.

export type Resolved =
  | { kind: 'path'; path: string; source: 'env' | 'cache' | 'built' }
  | { kind: 'sdk-download' };

export interface EnsureOptions {
  /** Build from a registry when nothing is cached and the internet is unreachable. */
  build: boolean;
  /** Receives one human-readable progress line at a time. */
  log: (line: string) => void;
}
