// SMTP fault injection: the next `times` mail transactions fail with a chosen SMTP reply at RCPT TO
// (every recipient of the transaction is refused) or at the end of DATA, so a sender's retry of
// temporary (4xx) and permanent (5xx) failures can be tested. The wire contract of
// `POST /_emulator/smtp-faults` is here too (zod), shared with the control client.

import { z } from 'zod';

export const smtpFaultSpecSchema = z.strictObject({
  /** How many mail transactions fail (default 1). */
  times: z.number().int().min(1).default(1),
  /** The SMTP reply code, 4xx (temporary) or 5xx (permanent). */
  code: z.number().int().min(400).max(599),
  message: z.string().min(1).default('Requested action not taken (fault injected)'),
  /** Where the transaction fails (default rcpt). */
  stage: z.enum(['rcpt', 'data']).default('rcpt'),
});
export type SmtpFaultSpecInput = z.input<typeof smtpFaultSpecSchema>;
export type SmtpFaultSpec = z.output<typeof smtpFaultSpecSchema>;

export interface ActiveSmtpFault extends SmtpFaultSpec {
  id: number;
  remaining: number;
}

export class SmtpFaultQueue {
  private faults: ActiveSmtpFault[] = [];
  private nextId = 1;
  /** Transactions already failing (session id + transaction number) → the fault taken for them. */
  private readonly taken = new Map<string, ActiveSmtpFault>();

  add(spec: SmtpFaultSpec): ActiveSmtpFault {
    const fault: ActiveSmtpFault = { ...spec, id: this.nextId++, remaining: spec.times };
    this.faults.push(fault);
    return { ...fault };
  }

  list(): ActiveSmtpFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /**
   * The fault for this transaction at this stage, if any: one use per transaction, so every
   * recipient of a faulted transaction gets the same reply.
   */
  take(transaction: string, stage: SmtpFaultSpec['stage']): ActiveSmtpFault | undefined {
    const already = this.taken.get(transaction);
    if (already !== undefined) return already.stage === stage ? already : undefined;
    const fault = this.faults.find((candidate) => candidate.stage === stage && candidate.remaining > 0);
    if (fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    this.taken.set(transaction, fault);
    return fault;
  }

  /** Forgets a finished connection's transactions. */
  forgetSession(sessionId: string): void {
    for (const key of this.taken.keys()) if (key.startsWith(`${sessionId}:`)) this.taken.delete(key);
  }

  clear(): void {
    this.faults = [];
    this.taken.clear();
  }
}
