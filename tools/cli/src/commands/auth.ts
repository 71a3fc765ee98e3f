import type { Command } from 'commander';
import { isRole, ROLES } from '@lep/auth';
import { AGENCY_CODE_PATTERN } from '@lep/contracts';
import { developmentSigning, NO_SIGNING_SECRET, signDevelopmentToken } from '../development-signing';
import { serviceUrl } from '../service-endpoints';

interface CreateKeyFlags {
  agency: string;
  role: string;
  label: string;
}

interface TokenFlags {
  role: string;
  agency: string;
  subject?: string;
  hours: string;
}

interface RegistryError {
  code?: string;
  message?: string;
  violations?: { field: string; message: string }[];
}

/** The credential the CLI presents: a staff token or an API key, both sent as a bearer credential. */
function operatorToken(env: NodeJS.ProcessEnv, command: Command): string {
  const token = env.LEP_TOKEN?.trim();
  if (!token)
    command.error('缺少身份凭证：请将管理员令牌或 API 密钥写入环境变量 LEP_TOKEN', {
      exitCode: 2,
      code: 'lep.auth',
    });
  return token;
}

function describeRefusal(status: number, body: RegistryError): string {
  const violations = (body.violations ?? []).map((violation) => `\n  ${violation.message}`).join('');
  return `登记服务拒绝了请求（${status} ${body.code ?? ''}）：${body.message ?? '无说明'}${violations}`;
}

/** POSTs to the registry with the operator's credential; a refusal or an unreachable registry ends the command. */
async function postToRegistry<T>(
  env: NodeJS.ProcessEnv,
  command: Command,
  path: string,
  payload: object,
): Promise<T> {
  const token = operatorToken(env, command);
  const fail = (message: string): never => command.error(message, { exitCode: 1, code: 'lep.auth' });
  const response = await fetch(`${serviceUrl('registry', env)}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  }).catch((error: unknown) =>
    fail(`无法连接登记服务：${error instanceof Error ? error.message : String(error)}`),
  );
  const body = (await response.json().catch(() => ({}))) as T & RegistryError;
  if (!response.ok) fail(describeRefusal(response.status, body));
  return body;
}

/**
 * `lep auth …`: manages API keys through the registry's HTTP routes, like any other client. Going through the
 * registry (rather than its database) keeps hashing, agency scope and the record of who created a key in
 * one place; the bootstrap case is covered by `npm start` (and in production by an identity-provider token).
 */
export function registerAuthCommands(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  const auth = program.command('auth').description('API 密钥管理（凭 LEP_TOKEN 调用登记服务）；开发环境令牌');

  auth
    .command('token')
    .description(
      '签发开发环境的工作人员令牌（本机 npm start 的签名密钥或 AUTH_JWT_SECRET）；生产环境由身份认证系统签发',
    )
    .requiredOption('--role <role>', `角色，可重复用逗号分隔（${ROLES.join('、')}）`)
    .requiredOption('--agency <code>', '所属执法主体代码')
    .option('--subject <id>', '工作人员标识（如执法人员的人员 id），默认 dev-<角色>')
    .option('--hours <hours>', '有效小时数', '12')
    .showHelpAfterError(false)
    .action((flags: TokenFlags, command: Command) => {
      const fail = (message: string): never =>
        command.error(message, { exitCode: 2, code: 'lep.auth.token' });
      const roles = flags.role.split(',').map((role) => role.trim());
      const unknown = roles.filter((role) => !isRole(role));
      if (unknown.length > 0) fail(`角色“${unknown.join('、')}”无效，应为 ${ROLES.join('、')} 之一`);
      if (!AGENCY_CODE_PATTERN.test(flags.agency))
        fail(`执法主体代码“${flags.agency}”无效（字母、数字、连字符）`);
      const hours = Number(flags.hours);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24) fail('--hours 应为 0 到 24 之间的小时数');
      const signing = developmentSigning(env) ?? fail(NO_SIGNING_SECRET);
      const token = signDevelopmentToken(
        signing,
        { sub: flags.subject ?? `dev-${roles[0]}`, agency: flags.agency, roles: roles.filter(isRole) },
        hours,
      );
      const output = command.configureOutput();
      // The token alone on stdout (for LEP_TOKEN=$(…)); what it is goes to stderr.
      output.writeOut?.(`${token}\n`);
      output.writeErr?.(
        `开发环境令牌：${roles.join('、')}，执法主体 ${flags.agency}，${hours} 小时有效（签名：${signing.source}）\n`,
      );
    });

  auth
    .command('create-key')
    .description('为执法主体的业务系统创建 API 密钥；密钥只显示这一次')
    .requiredOption('--agency <code>', '密钥所属执法主体代码')
    .requiredOption('--role <role>', '密钥角色，通常为 agency-system')
    .option('--label <label>', '用途说明（例如业务系统名称）', 'lep auth create-key')
    .action(async (flags: CreateKeyFlags, command: Command) => {
      const created = await postToRegistry<{ key: string; keyId: string }>(env, command, '/api/v1/api-keys', {
        agencyCode: flags.agency,
        role: flags.role,
        label: flags.label,
      });
      const output = command.configureOutput();
      // The key alone on stdout, so it can be piped into a secret store; the explanation goes to stderr.
      output.writeOut?.(`${created.key}\n`);
      output.writeErr?.(
        `已创建 API 密钥 ${created.keyId}（执法主体 ${flags.agency}，角色 ${flags.role}）。密钥只显示这一次，请妥善保存。\n`,
      );
    });

  auth
    .command('revoke-key <keyId>')
    .description('吊销 API 密钥；登记服务立即拒绝，其他服务在 30 秒内拒绝')
    .requiredOption('--reason <reason>', '吊销原因')
    .action(async (keyId: string, flags: { reason: string }, command: Command) => {
      await postToRegistry(env, command, `/api/v1/api-keys/${encodeURIComponent(keyId)}/revoke`, {
        reason: flags.reason,
      });
      command.configureOutput().writeErr?.(`已吊销 API 密钥 ${keyId}\n`);
    });
}
