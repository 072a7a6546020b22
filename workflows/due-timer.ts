// The timer of a long-lived workflow's next due instant, kept while the workflow wakes for other
// work: `condition(fn, timeout)` starts a timer at every wait and cancels it at every early wake, two
// more server writes each time; this starts one per instant and cancels it only when the instant
// changes or goes away. Workflow code (deterministic).
import { CancellationScope, condition, isCancellation, sleep } from '@temporalio/workflow';

interface Pending {
  at: number;
  fired: boolean;
  scope: CancellationScope;
}

export class DueTimer {
  private pending: Pending | undefined;

  /**
   * Waits until `hasWork` holds (answers true) or the instant `dueAt` (ms since epoch; Infinity for
   * none) has come (answers false). Work wins when both hold, as with `condition`.
   */
  async wait(dueAt: number, hasWork: () => boolean): Promise<boolean> {
    if (!Number.isFinite(dueAt)) {
      this.cancel();
      await condition(hasWork);
      return true;
    }
    const timer = this.pending?.at === dueAt ? this.pending : this.start(dueAt);
    await condition(() => hasWork() || timer.fired);
    if (hasWork()) return true;
    this.pending = undefined;
    return false;
  }

  private start(at: number): Pending {
    this.cancel();
    const timer: Pending = { at, fired: false, scope: new CancellationScope() };
    timer.scope
      .run(() => sleep(Math.max(at - Date.now(), 1)))
      .then(
        () => {
          timer.fired = true;
        },
        (err: unknown) => {
          if (!isCancellation(err)) throw err;
        },
      );
    this.pending = timer;
    return timer;
  }

  private cancel(): void {
    this.pending?.scope.cancel();
    this.pending = undefined;
  }
}
