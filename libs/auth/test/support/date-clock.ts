/**
 * A clock the test moves: only `Date` is faked, because that is what jose reads for its JWKS cache and for the
 * claim checks. Timers, sockets and promises stay real, so the JWKS server and fetch work as in production.
 */
export interface DateClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function useDateClock(): DateClock {
  beforeEach(() =>
    jest.useFakeTimers({
      now: Date.now(),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    }),
  );
  afterEach(() => jest.useRealTimers());
  return {
    now: () => Date.now(),
    set: (ms) => jest.setSystemTime(ms),
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
  };
}
