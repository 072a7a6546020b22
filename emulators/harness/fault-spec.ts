// The wire contract of `POST /_emulator/faults`: which requests a fault catches and how it answers.
// Pure (zod only) so the control client can share the types.

import { z } from 'zod';

export const faultSpecSchema = z
  .strictObject({
    /** HTTP method to catch (case-insensitive); any method when absent. */
    method: z.string().min(1).optional(),
    /** Path pattern, see path-pattern.ts (segment prefix, `:param` / `*` wildcards, `$` anchors). */
    path: z.string().startsWith('/'),
    /** Status to answer instead of the real one; absent means "latency only, then the real answer". */
    status: z.number().int().min(100).max(599).optional(),
    /** How many matching requests the fault catches (default 1). */
    times: z.number().int().min(1).default(1),
    /** Adds a `Retry-After: <seconds>` header to the faulted answer. */
    retryAfterSeconds: z.number().int().min(0).optional(),
    /** Delay before answering (faulted or real). */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Body to answer; the emulator's own error body for `status` when absent. */
    body: z.unknown().optional(),
  })
  .refine((spec) => spec.status !== undefined || spec.latencyMs !== undefined, {
    message: 'a fault needs a status, a latencyMs, or both',
  });

/** What a caller sends (times optional). */
export type FaultSpecInput = z.input<typeof faultSpecSchema>;
/** A validated fault (times filled in). */
export type FaultSpec = z.output<typeof faultSpecSchema>;

/** A registered fault as `GET /_emulator/faults` lists it. */
export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
}
