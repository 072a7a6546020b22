// The wire shape of one recorded request (`GET /_emulator/requests`), shared with the control client.

export interface RecordedRequest {
  /** Arrival order, from 1; reset clears it. */
  seq: number;
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON or form body; absent when there was none. */
  body?: unknown;
  /** ISO-8601 arrival time. */
  time: string;
  /** Status answered; null while the answer is still pending. */
  status: number | null;
  /** True when an injected fault answered (or delayed) the request. */
  faulted: boolean;
}

export interface RequestFilter {
  /** Case-insensitive method. */
  method?: string;
  /** Path pattern, same rule as faults (see path-pattern.ts). */
  path?: string;
  /** Only requests recorded after the one with this `seq` (a mark taken before the step under test). */
  afterSeq?: number;
}
