import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { withBuildLock } from './build-lock';
import { enginesDir } from './cache';
import { Progress } from './progress';
import { EngineName, RECIPES } from './recipes';
import { requireToolchain } from './toolchains';

/** Where an engine lives in the cache, whether built or not. */
export function engineFolder(name: EngineName, cache = enginesDir()): string {
  return path.join(cache, RECIPES[name].folder);
}

export function isBuilt(name: EngineName, cache = enginesDir()): boolean {
  const folder = engineFolder(name, cache);
  return RECIPES[name].artifacts.every((artifact) => existsSync(path.join(folder, artifact)));
}

/**
 * The engine's folder in the cache, building it first when it is not there yet (with progress on stderr). Safe to
 * call from several processes at once: one builds, the others wait for it. Fails with a MissingToolchainError (one
 * line) when a toolchain the build needs is missing.
 */
export async function ensureEngine(name: EngineName, cache = enginesDir()): Promise<string> {
  const recipe = RECIPES[name];
  const folder = engineFolder(name, cache);
  if (isBuilt(name, cache)) return folder;
  for (const toolchain of recipe.toolchains) await requireToolchain(toolchain, recipe.title);
  return withBuildLock(
    path.join(cache, '.locks'),
    recipe.folder,
    (holder) =>
      process.stderr.write(`engines: waiting for process ${holder}, which is building ${recipe.title}\n`),
    async () => {
      if (isBuilt(name, cache)) return folder;
      mkdirSync(cache, { recursive: true });
      // Built aside and moved into place whole, so a build cut short never looks like a built engine.
      const staging = mkdtempSync(path.join(cache, `.${recipe.folder}.building-`));
      const progress = new Progress(recipe.title);
      try {
        await recipe.build(staging, progress);
        rmSync(folder, { recursive: true, force: true });
        renameSync(staging, folder);
        progress.done();
      } catch (error) {
        progress.failed();
        rmSync(staging, { recursive: true, force: true });
        throw error;
      }
      if (!isBuilt(name, cache))
        throw new Error(`${recipe.title}: the build left no ${recipe.artifacts.join(', ')}`);
      return folder;
    },
  );
}

/** Builds every engine named (all by default), one after the other. */
export async function ensureEngines(names: EngineName[], cache = enginesDir()): Promise<void> {
  for (const name of names) await ensureEngine(name, cache);
}
