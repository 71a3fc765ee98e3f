interface ScheduledTimer {
  at: number;
  sequence: number;
  fire: () => void;
}

/**
 * The server's clock. Virtual time runs with real time and, when time skipping is on, jumps to the next
 * timer whenever the server is idle (nothing in flight) and skipping is unlocked — as Temporal's own test
 * server does. Without skipping, timers fire in real time.
 */
export class VirtualClock {
  private offsetMs = 0;
  private timers: ScheduledTimer[] = [];
  private sequence = 0;
  private realTimer?: NodeJS.Timeout;
  private pokeScheduled = false;
  private stopped = false;
  /** Locks taken through the TestService; skipping happens only while it is <= 0. */
  lockCount = 0;

  constructor(
    private readonly timeSkipping: boolean,
    private readonly isIdle: () => boolean,
    startTime?: Date,
  ) {
    if (startTime) this.offsetMs = startTime.getTime() - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Runs `fire` once virtual time reaches `at`; returns a cancel function. */
  schedule(at: number, fire: () => void): () => void {
    const timer: ScheduledTimer = { at, sequence: this.sequence++, fire };
    this.timers.push(timer);
    this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
    this.poke();
    return () => {
      this.timers = this.timers.filter((candidate) => candidate !== timer);
      this.poke();
    };
  }

  /** Re-evaluates what to do next; called after every state change. Coalesced to one check per tick. */
  poke(): void {
    if (this.pokeScheduled || this.stopped) return;
    this.pokeScheduled = true;
    setImmediate(() => {
      this.pokeScheduled = false;
      this.advance();
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.realTimer) clearTimeout(this.realTimer);
    this.timers = [];
  }

  private advance(): void {
    if (this.stopped) return;
    if (this.realTimer) clearTimeout(this.realTimer);
    this.realTimer = undefined;
    const now = this.now();
    const due = this.timers.filter((timer) => timer.at <= now);
    if (due.length > 0) {
      this.timers = this.timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.fire();
      this.poke();
      return;
    }
    const next = this.timers[0];
    if (!next) return;
    if (this.timeSkipping && this.lockCount <= 0 && this.isIdle()) {
      this.offsetMs += next.at - now;
      this.poke();
      return;
    }
    this.realTimer = setTimeout(() => this.advance(), Math.min(next.at - now, 2_147_000_000));
  }
}
