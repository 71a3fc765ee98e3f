/**
 * Runs handlers one at a time: each reads the workflow's state, waits on activities, then changes it, so a second
 * handler must not start from a state the first is about to change. Queueing adds no command to the history.
 */
export function serialQueue(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
}
