/**
 * Stops registered peers when SIGINT or SIGTERM would end the process, so Ctrl-C or a CI timeout leaves no
 * database, broker or temp directory behind. Normal teardown unregisters as it stops each peer.
 */
const stoppers = new Set<() => Promise<void>>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // A process that handles the signal itself owns its shutdown and stops its peers when it is ready to
      // (the dev stack stops its services first). Otherwise stop them here, then let the signal end the
      // process as it would have without us.
      if (process.listenerCount(signal) > 0) return;
      void Promise.allSettled([...stoppers].map((stop) => stop())).then(() =>
        process.kill(process.pid, signal),
      );
    });
  }
}

export function onInterrupt(stop: () => Promise<void>): () => void {
  install();
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** Wraps a stop function so it runs once and is no longer needed at interrupt time. */
export function stopOnce(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const once = () => (stopping ??= stop());
  const unregister = onInterrupt(once);
  return async () => {
    unregister();
    await once();
  };
}
