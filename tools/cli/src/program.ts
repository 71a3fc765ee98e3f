import { Command } from 'commander';
import { registerAuditCommands } from './commands/audit';
import { registerAuthCommands } from './commands/auth';
import { registerCalendarCommands } from './commands/calendar';
import { registerCaseCommands } from './commands/case';
import { registerDemoCommand } from './commands/demo';
import { registerEvidenceCommands } from './commands/evidence';
import { registerHealthCommand } from './commands/health';
import { registerMaskCommand } from './commands/mask';
import { registerOutboxCommands } from './commands/outbox';
import { registerRecordCommands } from './commands/record';
import { registerStatsCommands } from './commands/stats';
import { registerRegistryCommands } from './commands/registry-import';

/** The operators' command line: `npx lep <command>`. Each bounded context contributes its sub-commands. */
export function buildProgram(): Command {
  const program = new Command('lep')
    .description("LEP 行政执法三项制度平台运维工具 (operators' tool of the Law-Enforcement Platform)")
    .version('0.1.0')
    .showHelpAfterError();
  registerHealthCommand(program);
  registerCalendarCommands(program);
  registerMaskCommand(program);
  registerAuthCommands(program);
  registerAuditCommands(program);
  registerEvidenceCommands(program);
  registerRecordCommands(program);
  registerCaseCommands(program);
  registerStatsCommands(program);
  registerRegistryCommands(program);
  registerOutboxCommands(program);
  registerDemoCommand(program);
  return program;
}
