interface Waiter<T> {
  resolve: (task: T | undefined) => void;
  timer: NodeJS.Timeout;
}

export const LONG_POLL_MS = 20_000;

/**
 * Tasks of one kind on one task queue, matched to long-polling workers. A poll waits up to LONG_POLL_MS and
 * then answers empty, as Temporal's matching service does; a cancelled poll is dropped so shutdown is clean.
 */
export class TaskQueue<T> {
  private readonly tasks: T[] = [];
  private readonly waiters: Waiter<T>[] = [];

  offer(task: T): void {
    const waiter = this.waiters.shift();
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.resolve(task);
    } else {
      this.tasks.push(task);
    }
  }

  poll(onCancel: (cancel: () => void) => void, timeoutMs = LONG_POLL_MS): Promise<T | undefined> {
    const ready = this.tasks.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => {
      const waiter: Waiter<T> = {
        resolve,
        timer: setTimeout(() => this.drop(waiter, undefined), timeoutMs),
      };
      this.waiters.push(waiter);
      onCancel(() => this.drop(waiter, undefined));
    });
  }

  /** Ends every waiting poll with no task (server shutdown). */
  close(): void {
    for (const waiter of this.waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.resolve(undefined);
    }
  }

  private drop(waiter: Waiter<T>, task: T | undefined): void {
    const index = this.waiters.indexOf(waiter);
    if (index < 0) return;
    this.waiters.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.resolve(task);
  }
}
