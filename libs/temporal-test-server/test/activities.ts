import { Context } from '@temporalio/activity';

const failuresSoFar = new Map<string, number>();

/** Activities of the conformance suite; `flaky` fails its first `failures` attempts per key. */
export const activities = {
  async flaky(key: string, failures: number): Promise<string> {
    const seen = failuresSoFar.get(key) ?? 0;
    if (seen < failures) {
      failuresSoFar.set(key, seen + 1);
      throw new Error(`暂时失败 ${seen + 1}`);
    }
    return `fetched:${key}:attempt${Context.current().info.attempt}`;
  },
  async echo(value: string): Promise<string> {
    return value;
  },
  async slow(ms: number): Promise<void> {
    await Context.current().sleep(ms);
  },
  async heartbeating(ms: number): Promise<void> {
    const context = Context.current();
    const until = Date.now() + ms;
    while (Date.now() < until) {
      context.heartbeat();
      await context.sleep(100);
    }
  },
};

export type ConformanceActivities = typeof activities;
