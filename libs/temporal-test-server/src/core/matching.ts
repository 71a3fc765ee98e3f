import type { ServerUnaryCall } from '@grpc/grpc-js';

/** A task queue with long-poll waiters. */
export class TaskQueue<T> {
  private items: T[] = [];
  private waiters: Array<(t: T | null) => void> = [];
  add(item: T): void {
    const w = this.waiters.shift();
    if (w) w(item); else this.items.push(item);
  }
  remove(pred: (t: T) => boolean): void { this.items = this.items.filter((t) => !pred(t)); }
  poll(call: ServerUnaryCall<unknown, unknown>, timeoutMs: number): Promise<T | null> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(item);
    return new Promise((resolve) => {
      let settled = false;
      const done = (t: T | null) => {
        if (settled) { if (t !== null) this.add(t); return; }
        settled = true;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== done);
        if (t !== null && call.cancelled) { this.add(t); resolve(null); return; }
        resolve(t);
      };
      const timer = setTimeout(() => done(null), timeoutMs);
      call.on('cancelled', () => done(null));
      this.waiters.push(done);
    });
  }
  closeAll(): void { for (const w of [...this.waiters]) w(null); this.waiters = []; }
}

export class Matching<T> {
  private queues = new Map<string, TaskQueue<T>>();
  get(name: string): TaskQueue<T> {
    let q = this.queues.get(name);
    if (!q) { q = new TaskQueue<T>(); this.queues.set(name, q); }
    return q;
  }
  closeAll(): void { for (const q of this.queues.values()) q.closeAll(); }
}
