import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * An engine's data folder: the one given (kept; e.g. a dev stack's), else a fresh temporary one that belongs to
 * the engine and goes when it is removed (or, through the guard, when its starter dies).
 */
export class DataDir {
  private constructor(
    readonly path: string,
    readonly temporary: boolean,
  ) {}

  static of(given: string | undefined, prefix: string): DataDir {
    if (given) {
      mkdirSync(given, { recursive: true });
      return new DataDir(path.resolve(given), false);
    }
    return new DataDir(mkdtempSync(path.join(tmpdir(), `lep-${prefix}-`)), true);
  }

  /** What the guard removes if our process dies without stopping the engine. */
  get removeOnOrphan(): string | undefined {
    return this.temporary ? this.path : undefined;
  }

  remove(): void {
    if (this.temporary) rmSync(this.path, { recursive: true, force: true });
  }
}
