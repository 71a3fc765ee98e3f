import type { DataDir } from './data-dir';
import type { EngineProcess } from './engine-process';

/**
 * An engine the harnesses kill and start again on the same data (a broker's log directory, a store's drive, a
 * server's database): what a subclass starts (`process`, on `data`) is killed, stopped and removed here alike.
 */
export abstract class RestartableEngine {
  protected process?: EngineProcess;

  protected constructor(protected readonly data: DataDir) {}

  /** The engine process's pid while it runs. */
  get pid(): number | undefined {
    return this.process?.running ? this.process.pid : undefined;
  }

  /** SIGKILL: the engine dies mid-request, nothing flushed; its data stays for a restart. */
  async kill(): Promise<void> {
    await this.process?.kill();
  }

  /** A controlled shutdown; the data stays. */
  async stop(): Promise<void> {
    await this.process?.stop();
  }

  /** Stops it and removes its data folder. */
  async remove(): Promise<void> {
    await this.stop();
    this.data.remove();
  }
}
