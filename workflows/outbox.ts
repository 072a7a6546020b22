// The outbox of a long-lived workflow: notifications queued by its steps are sent beside its main
// loop, each delivery on its own, so one slow channel never holds up a step or a timer. Used by the
// order and the LINE link. The main loop waits for `hasQueued` (work to start), never for a change
// counter; a failed delivery is logged with the workflow logger and handed to `failed`, which keeps
// it in the state the status query shows.
import { log } from '@temporalio/workflow';

export interface OutboxOptions<T extends { key: string }> {
  /** Sends one item (activities); a rejection is a failed delivery. */
  send(item: T): Promise<unknown>;
  /** Keeps a failure in the workflow's state (it is logged already). */
  failed(item: T, error: string): void;
  /** Runs when an item's delivery ended, sent or failed. */
  settled(item: T): void;
  /** The warning logged when a delivery fails, and what to log with it. */
  failureMessage: string;
  logContext(item: T): Record<string, unknown>;
}

export class Outbox<T extends { key: string }> {
  private readonly queue: T[] = [];
  private readonly inFlight = new Set<string>();

  constructor(private readonly options: OutboxOptions<T>) {}

  /** Queues an item unless one with its key is queued or being sent. */
  add(item: T): void {
    if (this.inFlight.has(item.key) || this.queue.some((q) => q.key === item.key)) return;
    this.queue.push(item);
  }

  /** Items waiting to be started. */
  get hasQueued(): boolean {
    return this.queue.length > 0;
  }

  /** Items are waiting to be started, and `test` holds for each of them. */
  allQueued(test: (item: T) => boolean): boolean {
    return this.queue.length > 0 && this.queue.every(test);
  }

  /** Deliveries started and not yet settled. */
  get sending(): boolean {
    return this.inFlight.size > 0;
  }

  /** Starts every queued item's delivery, in the order queued; each settles on its own. */
  startQueued(): void {
    for (const item of this.queue.splice(0)) this.start(item);
  }

  private start(item: T): void {
    this.inFlight.add(item.key);
    this.options
      .send(item)
      .catch((err: unknown) => {
        const error = String(err);
        log.warn(this.options.failureMessage, { ...this.options.logContext(item), notificationKey: item.key, error });
        this.options.failed(item, error);
      })
      .finally(() => {
        this.inFlight.delete(item.key);
        this.options.settled(item);
      });
  }
}
