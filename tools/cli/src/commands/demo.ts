import type { Command } from 'commander';
import type { Role } from '@lep/auth';
import {
  DEMO_AV_LIST,
  DEMO_BUREAUS,
  DEMO_CORPS,
  DEMO_DIVISIONS,
  DEMO_ITEMS,
  DEMO_REVIEW_CATALOG,
  type DemoAgency,
} from '../demo/demo-tree';
import {
  developmentSigning,
  NO_SIGNING_SECRET,
  signDevelopmentToken,
  type DevelopmentSigning,
} from '../development-signing';
import { serviceUrl } from '../service-endpoints';

interface DemoFlags {
  hours: string;
}

interface Answer<T> {
  status: number;
  body: T;
}

/** The registry over HTTP, as a platform admin; a refusal or an unreachable registry ends the command. */
function registryClient(env: NodeJS.ProcessEnv, token: string, command: Command) {
  const base = serviceUrl('registry', env);
  const fail = (message: string): never => command.error(message, { exitCode: 1, code: 'lep.demo' });
  return async <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch((error: unknown) =>
      fail(
        `无法连接登记服务 ${base}：${error instanceof Error ? error.message : String(error)}（请先 npm start）`,
      ),
    );
    const answer = { status: response.status, body: (await response.json().catch(() => ({}))) as T };
    if (response.status >= 400 && response.status !== 404) {
      const refusal = answer.body as { code?: string; message?: string; violations?: { message: string }[] };
      const violations = (refusal.violations ?? []).map((violation) => `\n  ${violation.message}`).join('');
      fail(
        `登记服务拒绝了 ${method} ${path}（${response.status} ${refusal.code ?? ''}）：${refusal.message ?? ''}${violations}`,
      );
    }
    return answer;
  };
}

/**
 * `lep demo`: fills the registry of the stack running here with a 兵团 → 师市 → 局 tree in the `xinjiang` region
 * (credit codes with their check character), the people a case needs and each bureau's lists, then prints a
 * development token per role. Re-running changes nothing that exists and prints the tokens again.
 */
export function registerDemoCommand(program: Command, env: NodeJS.ProcessEnv = process.env): void {
  program
    .command('demo')
    .description('载入演示数据（新疆区域的兵团 → 师市 → 局、执法人员、清单）并为每个角色签发开发环境令牌')
    .option('--hours <hours>', '令牌有效小时数', '12')
    .showHelpAfterError(false)
    .action(async (flags: DemoFlags, command: Command) => {
      const signing = developmentSigning(env);
      if (!signing) return command.error(NO_SIGNING_SECRET, { exitCode: 2, code: 'lep.demo' });
      const hours = Number(flags.hours);
      if (!Number.isFinite(hours) || hours <= 0 || hours > 24)
        return command.error('--hours 应为 0 到 24 之间的小时数', { exitCode: 2, code: 'lep.demo' });
      const admin =
        env.LEP_TOKEN?.trim() ||
        signDevelopmentToken(
          signing,
          { sub: 'lep-demo', agency: DEMO_CORPS.code, roles: ['platform-admin'] },
          1,
        );
      const registry = registryClient(env, admin, command);
      const lines: string[] = ['演示数据（新疆区域：兵团 → 师市 → 局）：'];

      for (const agency of [DEMO_CORPS, ...DEMO_DIVISIONS, ...DEMO_BUREAUS]) {
        const created = await ensureAgency(registry, agency);
        lines.push(
          `  ${agency.code.padEnd(11)} ${agency.name}  ${agency.unifiedSocialCreditCode}  ${created ? '新建' : '已存在'}`,
        );
      }
      const people = new Map<string, { id: string; name: string; agencyCode: string }>();
      /** The first bureau's handlers, in order: the two a case is filed with. */
      const handlerIds: string[] = [];
      for (const bureau of DEMO_BUREAUS) {
        const listed = await registry<Array<{ id: string; certificateNumber: string }>>(
          'GET',
          `/api/v1/agencies/${bureau.code}/personnel`,
        );
        for (const person of bureau.people) {
          const existing = listed.body.find((row) => row.certificateNumber === person.certificateNumber);
          const id =
            existing?.id ??
            (
              await registry<{ id: string }>('POST', '/api/v1/personnel', {
                agencyCode: bureau.code,
                name: person.name,
                roles: person.roles,
                certificateNumber: person.certificateNumber,
                certificateIssuedOn: '2024-01-01',
                certificateExpiresOn: '2029-12-31',
                qualification: 'exam-passed',
                scope: '市场监管（演示）',
              })
            ).body.id;
          if (bureau === DEMO_BUREAUS[0] && person.roles[0] === 'handler') handlerIds.push(id);
          const key = `${bureau.code}:${person.roles[0]}`;
          if (!people.has(key)) people.set(key, { id, name: person.name, agencyCode: bureau.code });
        }
        await ensureList(registry, bureau.code, 'enforcement-items', { items: DEMO_ITEMS });
        await ensureList(registry, bureau.code, 'av-recording-list', DEMO_AV_LIST);
        await ensureList(registry, bureau.code, 'review-catalog', DEMO_REVIEW_CATALOG);
        lines.push(
          `  ${bureau.code}: 执法人员 ${bureau.people.length} 名，执法事项清单、音像记录事项清单、法制审核目录已发布`,
        );
      }

      lines.push('', `开发环境令牌（${hours} 小时有效；请求头 Authorization: Bearer <令牌>）：`);
      for (const [role, holder] of tokenHolders(people)) {
        const token = signDevelopmentToken(
          signing,
          { sub: holder.id, agency: holder.agencyCode, roles: [role] },
          hours,
        );
        lines.push(`  ${role.padEnd(15)} ${holder.name}（${holder.agencyCode}）\n    ${token}`);
      }
      lines.push('', ...nextSteps(env, signing, handlerIds));
      command.configureOutput().writeOut?.(`${lines.join('\n')}\n`);
    });
}

async function ensureAgency(
  registry: ReturnType<typeof registryClient>,
  agency: DemoAgency,
): Promise<boolean> {
  if ((await registry('GET', `/api/v1/agencies/${agency.code}`)).status === 200) return false;
  await registry('POST', '/api/v1/agencies', {
    code: agency.code,
    name: agency.name,
    level: agency.level,
    ...(agency.parentCode ? { parentCode: agency.parentCode } : {}),
    unifiedSocialCreditCode: agency.unifiedSocialCreditCode,
    dutiesAndPowers: agency.dutiesAndPowers,
    legalBasis: '《中华人民共和国行政处罚法》《中华人民共和国行政许可法》',
    region: 'xinjiang',
    legalReviewBody: { name: `${agency.name}法制审核机构`, agencyCode: agency.code },
  });
  return true;
}

/** Publishes a list unless the agency has one: a later edit by its admin is never overwritten. */
async function ensureList(
  registry: ReturnType<typeof registryClient>,
  agencyCode: string,
  list: string,
  content: object,
): Promise<void> {
  const path = `/api/v1/agencies/${agencyCode}/${list}`;
  if ((await registry('GET', path)).status === 404) await registry('POST', path, content);
}

/** One holder per role, in the first bureau (a platform admin stands for the 兵团 level). */
function tokenHolders(
  people: Map<string, { id: string; name: string; agencyCode: string }>,
): Array<[Role, { id: string; name: string; agencyCode: string }]> {
  const bureau = DEMO_BUREAUS[0].code;
  const holder = (role: string) => people.get(`${bureau}:${role}`)!;
  return [
    ['handler', holder('handler')],
    ['leader', holder('leader')],
    ['legal-reviewer', holder('legal-reviewer')],
    ['agency-admin', holder('agency-admin')],
    ['auditor', { id: 'demo-auditor', name: '监督人员（演示）', agencyCode: DEMO_CORPS.code }],
    [
      'platform-admin',
      { id: 'demo-platform-admin', name: '平台管理员（演示）', agencyCode: DEMO_CORPS.code },
    ],
  ];
}

function nextSteps(env: NodeJS.ProcessEnv, signing: DevelopmentSigning, handlerIds: string[]): string[] {
  const bureau = DEMO_BUREAUS[0];
  return [
    `下一步：以 handler 令牌立案（承办人 ${bureau.people[0].name}、${bureau.people[1].name}），例如`,
    `  curl -X POST ${serviceUrl('case-api', env)}/api/v1/cases -H "authorization: Bearer <handler 令牌>" \\`,
    `    -H 'content-type: application/json' -d '{"agencyCode":"${bureau.code}","caseNumber":"石市监立〔2026〕1号",` +
      `"itemCode":"SC-CF-001","title":"销售超过保质期食品案","filedOn":"<今天 YYYY-MM-DD>",` +
      `"handlerIds":${JSON.stringify(handlerIds)},` +
      `"parties":[{"type":"natural-person","name":"<当事人>"}],"otherPersonNames":[]}'`,
    `其他角色、其他单位的令牌：npx lep auth token --role <角色> --agency <执法主体代码>（签名：${signing.source}）`,
  ];
}
