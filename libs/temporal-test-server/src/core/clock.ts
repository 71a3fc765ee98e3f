/** Virtual clock with timers; time skipping jumps to the next timer when the server is idle. */
export interface Timer { at: number; fn: () => void; handle?: NodeJS.Timeout; done: boolean }

export class VirtualClock {
  private offset = 0;
  private timers: Timer[] = [];
  locks = 0;
  constructor(readonly skipping: boolean, private readonly isBusy: () => boolean) {
    if (!skipping) this.locks = 0;
  }
  now(): number { return Date.now() + this.offset; }
  schedule(delayMs: number, fn: () => void): () => void {
    const t: Timer = { at: this.now() + Math.max(0, delayMs), fn, done: false };
    this.timers.push(t);
    this.arm(t);
    this.kick();
    return () => this.cancel(t);
  }
  private arm(t: Timer): void {
    if (t.handle) clearTimeout(t.handle);
    t.handle = setTimeout(() => this.fire(t), Math.max(0, t.at - this.now()));
  }
  private cancel(t: Timer): void {
    t.done = true;
    if (t.handle) clearTimeout(t.handle);
    this.timers = this.timers.filter((x) => x !== t);
  }
  private fire(t: Timer): void {
    if (t.done) return;
    this.cancel(t);
    t.fn();
    this.kick();
  }
  advanceTo(ms: number): void {
    if (ms > this.now()) this.offset += ms - this.now();
    for (const t of [...this.timers].sort((a, b) => a.at - b.at)) {
      if (t.at <= this.now()) this.fire(t); else this.arm(t);
    }
  }
  private kickPending = false;
  /** Check (soon) whether time may be skipped. */
  kick(): void {
    if (!this.skipping || this.kickPending) return;
    this.kickPending = true;
    setImmediate(() => {
      this.kickPending = false;
      if (this.locks > 0 || this.isBusy() || this.timers.length === 0) return;
      const next = Math.min(...this.timers.map((t) => t.at));
      this.advanceTo(next);
    });
  }
  stop(): void { for (const t of [...this.timers]) this.cancel(t); }
}
