import { join } from 'node:path';
import { runDepsAudit } from '../src/program';

const fixtures = join(__dirname, 'fixtures');
const database = join(fixtures, 'advisory-database');
const lockfile = join(fixtures, 'lockfile.json');

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDepsAudit(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('lep-deps-audit', () => {
  it('reports each production finding with version, advisory, severity, fix and path, and fails on HIGH', async () => {
    const { code, out } = await run(database, '--lockfile', lockfile);
    expect(code).toBe(1);
    expect(out).toContain('生产依赖 4 个, npm 公告 4 条');
    expect(out).toContain('[HIGH] tiny-parser 1.2.0  GHSA-test-0001-aaaa  修复版本: 1.3.0');
    expect(out).toContain('路径: fixture-app > web-kit > tiny-parser');
    expect(out).toContain('[MODERATE] tiny-parser 2.0.0-beta.3  GHSA-test-0002-bbbb  修复版本: 2.0.0');
    expect(out).toContain('路径: @fixture/reports > tiny-parser');
    expect(out).toContain('[LOW] qs-lite 6.5.0  GHSA-test-0005-eeee  修复版本: 无');
    expect(out).toContain('按严重程度: CRITICAL 0, HIGH 1, MODERATE 1, LOW 1');
    expect(out).toContain('未通过: 1 项发现达到 HIGH 及以上');
  });

  it('lists findings from the most severe down', async () => {
    const { out } = await run(database, '--lockfile', lockfile);
    const order = ['[HIGH]', '[MODERATE]', '[LOW]'].map((tag) => out.indexOf(tag));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('does not report the dev-only CRITICAL advisory or the withdrawn one', async () => {
    const { out } = await run(database, '--lockfile', lockfile);
    expect(out).not.toContain('glob-walker');
    expect(out).not.toContain('GHSA-test-0004-dddd');
    expect(out).not.toContain('GHSA-test-0006-ffff');
  });

  it('passes when nothing reaches the chosen threshold', async () => {
    const { code, out } = await run(database, '--lockfile', lockfile, '--fail-on', 'critical');
    expect(code).toBe(0);
    expect(out).toContain('通过: 没有 CRITICAL 及以上的发现');
  });

  it('fails on a lower threshold when findings reach it', async () => {
    const { code, out } = await run(database, '--lockfile', lockfile, '--fail-on', 'low');
    expect(code).toBe(1);
    expect(out).toContain('未通过: 3 项发现达到 LOW 及以上');
  });

  it('refuses an unknown threshold with exit 2', async () => {
    const { code, err } = await run(database, '--lockfile', lockfile, '--fail-on', 'severe');
    expect(code).toBe(2);
    expect(err).toContain('严重程度须为 LOW|MODERATE|HIGH|CRITICAL 之一');
  });

  it('asks for the database when none is given', async () => {
    const { code, err } = await run('--lockfile', lockfile);
    expect(code).toBe(2);
    expect(err).toContain("missing required argument 'database'");
  });

  it('exits 2 and says why when the database is missing', async () => {
    const { code, err } = await run(join(fixtures, 'missing'), '--lockfile', lockfile);
    expect(code).toBe(2);
    expect(err).toContain('依赖审计无法进行: advisory database not found');
  });
});
