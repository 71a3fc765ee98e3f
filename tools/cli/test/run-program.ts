import { Command, CommanderError } from 'commander';

export interface ProgramRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * Runs `lep <args>` with the given commands registered, capturing what the real program would print.
 * Mirrors the real `lep` program, which shows help after commander's own errors.
 */
export async function runProgram(register: (program: Command) => void, args: string[]): Promise<ProgramRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const program = new Command('lep')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => stdout.push(text), writeErr: (text) => stderr.push(text) });
  register(program);
  let exitCode = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    exitCode = error.exitCode;
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode };
}
