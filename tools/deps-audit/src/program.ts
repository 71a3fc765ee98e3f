import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { resolve } from 'node:path';
import { loadAdvisoryDatabase, SEVERITIES, type Severity } from './advisories';
import { auditPackages, findingsAtOrAbove } from './audit';
import { productionPackages, readLockfile } from './lockfile';
import { formatReport } from './report';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** Exit codes: 0 nothing at the threshold, 1 findings at or above it, 2 the audit could not run. */
export async function runDepsAudit(args: string[], output: Output): Promise<number> {
  const program = new Command('lep-deps-audit')
    .description(
      '生产依赖离线安全审计 (offline audit of production dependencies against the GitHub Advisory Database)',
    )
    .argument('<database>', 'github/advisory-database 的副本: 检出的目录或裸 git 仓库')
    .option('--lockfile <file>', 'package-lock.json 的位置', 'package-lock.json')
    .option(
      '--fail-on <severity>',
      `达到此严重程度即以 1 退出: ${SEVERITIES.join('|')}`,
      toSeverity,
      'HIGH' as Severity,
    )
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: output.out, writeErr: output.err });
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const [database] = program.args;
  const options = program.opts<{ lockfile: string; failOn: Severity }>();
  try {
    const lockfile = resolve(options.lockfile);
    const packages = productionPackages(readLockfile(lockfile));
    const { advisories, commit } = await loadAdvisoryDatabase(resolve(database));
    const result = auditPackages(packages, advisories);
    output.out(`${formatReport(result, { lockfile, database, commit, threshold: options.failOn })}\n`);
    return findingsAtOrAbove(result, options.failOn).length > 0 ? 1 : 0;
  } catch (error) {
    output.err(`依赖审计无法进行: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function toSeverity(value: string): Severity {
  const severity = SEVERITIES.find((candidate) => candidate === value.toUpperCase());
  if (severity === undefined) throw new InvalidArgumentError(`严重程度须为 ${SEVERITIES.join('|')} 之一`);
  return severity;
}
