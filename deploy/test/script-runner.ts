import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A stand-in for a container's command-line tool (kafka-topics.sh, temporal, mc, temporal-sql-tool): it records
// its arguments, one call per line, tab-separated, and succeeds unless its arguments contain $STUB_FAIL_ON.
const RECORDING_TOOL = `#!/bin/sh
{
  printf '%s' "$(basename "$0")"
  for arg in "$@"; do printf '\\t%s' "$arg"; done
  printf '\\n'
} >> "$STUB_CALLS"
if [ -n "\${STUB_FAIL_ON:-}" ]; then
  case "$*" in *"$STUB_FAIL_ON"*) exit 1 ;; esac
fi
exit 0
`;

export interface RecordedCall {
  tool: string;
  args: string[];
}

export interface ScriptRun {
  calls: RecordedCall[];
  output: string;
}

/**
 * Runs a compose init script with `sh`, as its container does, but with the container's tools replaced by
 * recording stand-ins, so a test sees exactly which topics, attributes or buckets the script would create.
 */
export class ScriptRunner {
  private readonly root = mkdtempSync(join(tmpdir(), 'lep-deploy-'));
  private runs = 0;

  run(
    script: string,
    options: { tools: string[]; env: Record<string, string>; failOn?: string; toolDirVariable?: string },
  ): ScriptRun {
    const runDir = join(this.root, String(++this.runs));
    const toolDir = join(runDir, 'bin');
    mkdirSync(toolDir, { recursive: true });
    for (const tool of options.tools) {
      const path = join(toolDir, tool);
      writeFileSync(path, RECORDING_TOOL);
      chmodSync(path, 0o755);
    }
    const callsFile = join(runDir, 'calls.tsv');
    const output = execFileSync('sh', [script], {
      encoding: 'utf8',
      env: {
        PATH: `${toolDir}:${process.env.PATH ?? '/usr/bin:/bin'}`,
        ...options.env,
        ...(options.toolDirVariable ? { [options.toolDirVariable]: toolDir } : {}),
        STUB_CALLS: callsFile,
        STUB_FAIL_ON: options.failOn ?? '',
      },
    });
    const calls = existsSync(callsFile)
      ? readFileSync(callsFile, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => {
            const [tool, ...args] = line.split('\t');
            return { tool, args };
          })
      : [];
    return { calls, output };
  }

  cleanUp(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** The value following `flag` in a recorded argument list. */
export function flagValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
