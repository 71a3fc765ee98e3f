import { REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { agencyBody, residentId } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

function personnelFields(n: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    agencyCode: 'BT-8',
    name: `导入人员${n}`,
    idNumber: '',
    roles: 'handler',
    certificateNumber: `IMP-${n}`,
    certificateIssuedOn: '2024-01-01',
    certificateExpiresOn: '2099-12-31',
    qualification: 'exam-passed',
    scope: '市场监管',
    ...overrides,
  };
}

const rows = (from: number, count: number, overrides: Record<string, string> = {}) =>
  Array.from({ length: count }, (_, i) => ({
    line: from + i + 2,
    fields: personnelFields(from + i, overrides),
  }));

describe('bulk import (POST /api/v1/imports/:kind)', () => {
  const registry = useRegistryApp('registry_imports');
  const admin = () => registry().client();
  const divisionAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-8' });
  const personnelEvents = async () =>
    (await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.personnelChanged)).length;

  beforeAll(async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
  });

  it('imports personnel, emitting one pre-disclosure event per person and their first status step', async () => {
    const before = await personnelEvents();
    const answer = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(0, 50, { idNumber: residentId() }) })
      .expect(200);
    expect(answer.body).toEqual({ mode: 'apply', rows: 50, inserted: 50, updated: 0, unchanged: 0 });
    expect((await personnelEvents()) - before).toBe(50);
    const listed = await admin().get('/api/v1/agencies/BT-8/personnel').expect(200);
    const person = listed.body.find((p: { certificateNumber: string }) => p.certificateNumber === 'IMP-7');
    expect(person).toMatchObject({ name: '导入人员7', status: 'active', roles: ['handler'] });
    expect(person.statusHistory).toEqual([{ status: 'active', effectiveOn: '2024-01-01', reason: '发证' }]);
    const events = await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.personnelChanged);
    expect(JSON.stringify(events)).not.toContain(residentId());
  });

  it('is idempotent: the same rows again change nothing and emit nothing; a changed row is updated and announced', async () => {
    await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(100, 20) })
      .expect(200);
    const before = await personnelEvents();
    const again = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(100, 20) })
      .expect(200);
    expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 20 });
    expect(await personnelEvents()).toBe(before);
    const changed = rows(100, 20);
    changed[3]!.fields.scope = '食品安全';
    const update = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: changed })
      .expect(200);
    expect(update.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 19 });
    expect((await personnelEvents()) - before).toBe(1);
  });

  it('reports every bad line by its number and field, in Chinese, and writes nothing', async () => {
    const batch = rows(200, 6);
    batch[0]!.fields.certificateIssuedOn = '2024-02-30';
    batch[1]!.fields.roles = 'handler;sheriff';
    batch[2]!.fields.idNumber = '650101198001011230';
    batch[3]!.fields.agencyCode = 'NOWHERE';
    batch[4]!.fields.certificateNumber = batch[5]!.fields.certificateNumber!;
    const before = await personnelEvents();
    const answer = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: batch })
      .expect(422);
    expect(answer.body.code).toBe('IMPORT_ROWS_INVALID');
    expect(answer.body.violations.map((v: { field: string }) => v.field)).toEqual([
      'lines.202.certificateIssuedOn',
      'lines.203.roles',
      'lines.204.idNumber',
      'lines.205.agencyCode',
      'lines.207.certificateNumber',
    ]);
    expect(answer.body.violations[0].message).toBe(
      '第 202 行：certificateIssuedOn 应为有效日期 YYYY-MM-DD，实为“2024-02-30”',
    );
    expect(answer.body.violations[3].message).toBe('第 205 行：执法主体 NOWHERE 未登记');
    expect(answer.body.violations[4].message).toContain('与第 206 行重复');
    expect(await personnelEvents()).toBe(before);
    const stored = await registry().dataSource.query(
      `SELECT 1 FROM personnel WHERE certificate_number LIKE 'IMP-20_'`,
    );
    expect(stored).toEqual([]);
  });

  it('validates without writing in validate mode', async () => {
    const answer = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'validate', rows: rows(300, 5) })
      .expect(200);
    expect(answer.body).toEqual({ mode: 'validate', rows: 5, inserted: 0, updated: 0, unchanged: 0 });
    expect(
      await registry().dataSource.query(`SELECT 1 FROM personnel WHERE certificate_number = 'IMP-300'`),
    ).toEqual([]);
  });

  it('keeps an agency admin to its own subtree, also for moving a person out of another agency', async () => {
    const beside = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(400, 1, { agencyCode: 'BT-1' }) })
      .expect(422);
    expect(beside.body.violations[0].message).toBe('第 402 行：无权管理执法主体 BT-1 的数据');
    await admin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(500, 1, { agencyCode: 'BT-1' }) })
      .expect(200);
    const moved = await divisionAdmin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(500, 1) })
      .expect(422);
    expect(moved.body.violations[0].message).toContain('无权管理执法主体 BT-1');
    await registry()
      .client({ roles: ['handler'], agency: 'BT-8' })
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(600, 1) })
      .expect(403);
  });

  it('raises and clears the reviewer-ratio warning for an imported agency, once per crossing', async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT-R', 'BT')).expect(201);
    const warnings = async () =>
      (await outboxEvents(registry().dataSource))
        .filter((row) => row.event.subject === 'agency/BT-R/reviewer-ratio')
        .map((row) => row.event.type);
    await admin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(700, 30, { agencyCode: 'BT-R' }) })
      .expect(200);
    expect(await warnings()).toEqual([REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold]);
    await admin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(800, 1, { agencyCode: 'BT-R', roles: 'legal-reviewer' }) })
      .expect(200);
    expect(await warnings()).toEqual([REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold]);
    const ratio = await admin().get('/api/v1/agencies/BT-R/reviewer-ratio').expect(200);
    expect(ratio.body).toMatchObject({ legalReviewers: 1, enforcementOfficers: 30 });
    await admin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(800, 1, { agencyCode: 'BT-R', roles: 'legal-reviewer;handler' }) })
      .expect(200);
    await admin()
      .post('/api/v1/imports/personnel')
      .send({ mode: 'apply', rows: rows(900, 1, { agencyCode: 'BT-R', roles: 'legal-reviewer' }) })
      .expect(200);
    expect(await warnings()).toEqual([
      REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold,
      REGISTRY_EVENT_TYPES.reviewerRatioRestored,
    ]);
  });

  describe('legal standing and the principal leader (domain.md L2a, L6c)', () => {
    const person = async (certificateNumber: string) =>
      (await admin().get('/api/v1/agencies/BT-1/personnel').expect(200)).body.find(
        (p: { certificateNumber: string }) => p.certificateNumber === certificateNumber,
      );
    const line = (n: number, overrides: Record<string, string>) => ({
      line: n + 2,
      fields: personnelFields(n, { agencyCode: 'BT-1', ...overrides }),
    });

    it('records legal standing and the principal mark from the file, in Chinese or English', async () => {
      await admin()
        .post('/api/v1/imports/personnel')
        .send({
          mode: 'apply',
          rows: [
            line(1000, {
              roles: 'legal-reviewer;handler',
              legalStanding: '法律职业资格：A20191234；公职律师',
              principalLeader: '否',
            }),
            line(1001, { roles: 'leader;handler', legalStanding: '', principalLeader: '是' }),
          ],
        })
        .expect(200);
      expect(await person('IMP-1000')).toMatchObject({
        legalStanding: [
          { kind: 'legal-profession', certificateNumber: 'A20191234' },
          { kind: 'public-lawyer', certificateNumber: null },
        ],
        principalLeader: false,
      });
      expect(await person('IMP-1001')).toMatchObject({ legalStanding: [], principalLeader: true });
    });

    it('keeps both when the file has neither column, and hands the principal mark over within one file', async () => {
      const {
        legalStanding: _s,
        principalLeader: _p,
        ...withoutColumns
      } = line(1000, {
        roles: 'legal-reviewer;handler',
      }).fields;
      const kept = await admin()
        .post('/api/v1/imports/personnel')
        .send({ mode: 'apply', rows: [{ line: 2, fields: withoutColumns }] })
        .expect(200);
      expect(kept.body).toMatchObject({ unchanged: 1 });
      expect((await person('IMP-1000')).legalStanding).toHaveLength(2);
      // The new principal's line comes first; the sitting one steps down further down the same file.
      await admin()
        .post('/api/v1/imports/personnel')
        .send({
          mode: 'apply',
          rows: [
            line(1002, { roles: 'leader', principalLeader: '是' }),
            line(1001, { roles: 'leader;handler', principalLeader: '否' }),
          ],
        })
        .expect(200);
      expect((await person('IMP-1002')).principalLeader).toBe(true);
      expect((await person('IMP-1001')).principalLeader).toBe(false);
    });

    it('refuses a second principal, a principal who is not a leader and bad standing, naming the line, writing nothing', async () => {
      const answer = await admin()
        .post('/api/v1/imports/personnel')
        .send({
          mode: 'apply',
          rows: [
            line(1003, { roles: 'leader', principalLeader: '是' }),
            line(1004, { roles: 'handler', principalLeader: '是' }),
            line(1005, { legalStanding: '法律职业资格' }),
            line(1006, { legalStanding: '律师' }),
            line(1007, { principalLeader: '也许' }),
          ],
        })
        .expect(422);
      expect(
        answer.body.violations.map((v: { field: string; rule: string }) => `${v.field} ${v.rule}`),
      ).toEqual([
        'lines.1005.principalLeader onePerAgency',
        'lines.1006.principalLeader requiresLeaderRole',
        'lines.1007.legalStanding requiredForLegalProfession',
        'lines.1008.legalStanding isIn',
        'lines.1009.principalLeader isBoolean',
      ]);
      expect(answer.body.violations[0].message).toContain('已有主要负责人');
      expect(await person('IMP-1003')).toBeUndefined();
    });
  });

  describe('agencies', () => {
    const agencyRow = (line: number, code: string, parentCode: string, level = 'department', extra = {}) => {
      const body = agencyBody(code, parentCode, { level });
      return {
        line,
        fields: {
          code,
          name: body.name,
          level,
          parentCode,
          unifiedSocialCreditCode: body.unifiedSocialCreditCode,
          legalBasis: body.legalBasis,
          dutiesAndPowers: body.dutiesAndPowers,
          region: body.region,
          legalReviewBodyName: '法制科',
          legalReviewBodyAgencyCode: '',
          ...extra,
        },
      };
    };
    const agencyEvents = async () =>
      (await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.agencyChanged)).length;

    it('registers parents and children of one file in order, then changes nothing on a re-run', async () => {
      const batch = [agencyRow(2, 'BT-9', 'BT', 'division'), agencyRow(3, 'BT-9-A', 'BT-9')];
      const before = await agencyEvents();
      await admin().post('/api/v1/imports/agencies').send({ mode: 'validate', rows: batch }).expect(200);
      await admin().get('/api/v1/agencies/BT-9').expect(404);
      const applied = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'apply', rows: batch })
        .expect(200);
      expect(applied.body).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
      expect((await admin().get('/api/v1/agencies/BT-9-A').expect(200)).body.parentCode).toBe('BT-9');
      expect((await agencyEvents()) - before).toBe(2);
      const again = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'apply', rows: batch })
        .expect(200);
      expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
      expect((await agencyEvents()) - before).toBe(2);
    });

    it('reports bad agency lines by number and writes none of the batch', async () => {
      const batch = [
        agencyRow(2, 'BT-8-OK', 'BT-8'),
        agencyRow(3, 'BT-8-USCC', 'BT-8', 'department', { unifiedSocialCreditCode: '91110000600037341X' }),
        agencyRow(4, 'BT-8-ORPHAN', 'NOWHERE'),
        agencyRow(5, 'BT-8-LEVEL', 'BT-8', 'province'),
      ];
      const answer = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'apply', rows: batch })
        .expect(422);
      expect(
        answer.body.violations.map((v: { field: string }) => v.field.split('.').slice(0, 2).join('.')),
      ).toEqual(['lines.3', 'lines.4', 'lines.5']);
      expect(answer.body.violations[0].message).toMatch(/^第 3 行：统一社会信用代码校验失败/);
      await admin().get('/api/v1/agencies/BT-8-OK').expect(404);
    });

    it('validates a child against a parent from an earlier batch of the file (context), writing neither', async () => {
      const parent = agencyRow(2, 'BT-7', 'BT', 'division');
      const child = agencyRow(5003, 'BT-7-A', 'BT-7');
      const alone = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'validate', rows: [child] })
        .expect(422);
      expect(alone.body.violations[0].message).toBe('第 5003 行：执法主体 BT-7 不存在');
      const answer = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'validate', rows: [child], context: [parent] })
        .expect(200);
      expect(answer.body).toEqual({ mode: 'validate', rows: 1, inserted: 0, updated: 0, unchanged: 0 });
      await admin().get('/api/v1/agencies/BT-7').expect(404);
      const applied = await admin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'apply', rows: [child], context: [parent] })
        .expect(400);
      expect(applied.body.code).toBe('IMPORT_CONTEXT_UNSUPPORTED');
      await admin()
        .post('/api/v1/imports/personnel')
        .send({ mode: 'validate', rows: rows(950, 1), context: [parent] })
        .expect(400);
    });

    it('lets an agency admin import bodies below it, nested in one file, but not beside it', async () => {
      const answer = await divisionAdmin()
        .post('/api/v1/imports/agencies')
        .send({
          mode: 'apply',
          rows: [agencyRow(2, 'BT-8-N', 'BT-8'), agencyRow(3, 'BT-8-N-1', 'BT-8-N', 'regiment')],
        })
        .expect(200);
      expect(answer.body.inserted).toBe(2);
      const beside = await divisionAdmin()
        .post('/api/v1/imports/agencies')
        .send({ mode: 'apply', rows: [agencyRow(7, 'BT-1-X', 'BT-1')] })
        .expect(422);
      expect(beside.body.violations[0].message).toBe('第 7 行：无权访问其他执法主体的数据');
    });
  });

  describe('enforcement items', () => {
    const itemRow = (line: number, code: string, overrides: Record<string, string> = {}) => ({
      line,
      fields: {
        agencyCode: 'BT-8',
        code,
        name: `事项${code}`,
        category: '行政处罚',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        procedure: '立案、调查、告知、决定',
        statutoryWorkingDays: '90',
        promisedWorkingDays: '',
        serviceGuide: '',
        ...overrides,
      },
    });
    const listEvents = async () =>
      (await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.itemListPublished)).filter(
        (row) => row.event.subject === 'agency/BT-8/enforcement-items',
      );
    const current = async () =>
      (await admin().get('/api/v1/agencies/BT-8/enforcement-items').expect(200)).body as {
        version: number;
        publishedAt: string;
        content: { items: Record<string, unknown>[] };
      };
    const waiting = async () =>
      (
        await admin()
          .get('/api/v1/agencies/BT-8/enforcement-items/submissions')
          .query({ status: 'submitted' })
          .expect(200)
      ).body as Array<{ id: string; content: { items: Record<string, unknown>[] } }>;
    /** The legal review body approves the list the import submitted: only then is it published. */
    const approve = async () => {
      const [submission] = await waiting();
      await registry()
        .client({ roles: ['legal-reviewer'], agency: 'BT-8', subject: 'reviewer-bt-8' })
        .post(`/api/v1/agencies/BT-8/enforcement-items/submissions/${submission!.id}/approval`)
        .send({ opinion: '经审核，事项及依据合法' })
        .expect(200);
    };

    it('submits the lines as the next version, published once reviewed, merged by code, the older one kept', async () => {
      const first = await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({ mode: 'apply', rows: [itemRow(2, 'CF-1'), itemRow(3, 'XK-1', { category: 'licensing' })] })
        .expect(200);
      expect(first.body).toEqual({ mode: 'apply', rows: 2, inserted: 2, updated: 0, unchanged: 0 });
      await admin().get('/api/v1/agencies/BT-8/enforcement-items').expect(404);
      expect(await listEvents()).toEqual([]);
      await approve();
      const v1 = await current();
      expect(v1.content.items).toEqual([
        {
          code: 'CF-1',
          name: '事项CF-1',
          category: 'penalty',
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
          procedure: '立案、调查、告知、决定',
          statutoryWorkingDays: 90,
        },
        expect.objectContaining({ code: 'XK-1', category: 'licensing' }),
      ]);
      const events = await listEvents();
      expect(events.map((row) => row.event.data.version)).toEqual([v1.version]);
      expect(events[0]!.message_key).toBe('BT-8');
      expect(events[0]!.event.data.content).toEqual(v1.content);

      const second = await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({
          mode: 'apply',
          rows: [
            itemRow(2, 'CF-1', { statutoryWorkingDays: '60', serviceGuide: '见办事指南' }),
            itemRow(3, 'QZ-1', { category: '行政强制' }),
          ],
        })
        .expect(200);
      expect(second.body).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
      await approve();
      const v2 = await current();
      expect(v2.version).toBe(v1.version + 1);
      expect(v2.content.items.map((item) => [item.code, item.statutoryWorkingDays])).toEqual([
        ['CF-1', 60],
        ['XK-1', 90],
        ['QZ-1', 90],
      ]);
      const old = await admin()
        .get('/api/v1/agencies/BT-8/enforcement-items')
        .query({ asOf: v1.publishedAt })
        .expect(200);
      expect(old.body).toMatchObject({ version: v1.version, content: v1.content });
      expect((await listEvents()).map((row) => row.event.data.version)).toEqual([v1.version, v2.version]);
    });

    it('is idempotent: the same lines again submit nothing, publish no version and emit nothing', async () => {
      const rows = [itemRow(2, 'JC-1', { category: 'inspection', promisedWorkingDays: '5' })];
      await divisionAdmin().post('/api/v1/imports/items').send({ mode: 'apply', rows }).expect(200);
      await approve();
      const before = await current();
      const eventsBefore = (await listEvents()).length;
      const again = await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({ mode: 'apply', rows })
        .expect(200);
      expect(again.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
      expect(await waiting()).toEqual([]);
      expect((await current()).version).toBe(before.version);
      expect((await listEvents()).length).toBe(eventsBefore);
    });

    it('builds on a list submitted through the API and not yet reviewed, so one review covers both', async () => {
      const base = await current();
      const items = base.content.items.filter((item) => item.code !== 'QZ-1');
      await admin().post('/api/v1/agencies/BT-8/enforcement-items').send({ items }).expect(201);
      await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({ mode: 'apply', rows: [itemRow(2, 'ZS-1', { category: 'collection' })] })
        .expect(200);
      const open = await waiting();
      expect(open).toHaveLength(1);
      expect(open[0]!.content.items.map((item) => item.code)).toEqual([
        ...items.map((item) => item.code),
        'ZS-1',
      ]);
      await approve();
      const published = await current();
      expect(published.version).toBe(base.version + 1);
      expect(published.content).toEqual(open[0]!.content);
    });

    it('reports every bad item line by number and field, in Chinese, and publishes nothing', async () => {
      const before = await current();
      const answer = await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({
          mode: 'apply',
          rows: [
            itemRow(2, 'OK-1'),
            itemRow(3, 'BAD-1', { category: '行政奖励' }),
            itemRow(4, 'BAD-2', { statutoryWorkingDays: '三十' }),
            itemRow(5, 'BAD-3', { legalBasis: '' }),
            itemRow(6, 'BAD-4', { agencyCode: 'BT-1' }),
            itemRow(7, 'OK-1'),
          ],
        })
        .expect(422);
      expect(answer.body.code).toBe('IMPORT_ROWS_INVALID');
      expect(
        answer.body.violations.map((v: { field: string; rule: string }) => `${v.field}:${v.rule}`),
      ).toEqual([
        'lines.3.category:isIn',
        'lines.4.statutoryWorkingDays:isInt',
        'lines.5.legalBasis:isNotEmpty',
        'lines.6.agencyCode:agencyAccess',
        'lines.7.code:unique',
      ]);
      expect(answer.body.violations[0].message).toMatch(/^第 3 行：字段 category /);
      expect(answer.body.violations[1].message).toBe('第 4 行：字段 statutoryWorkingDays 必须是整数');
      expect(answer.body.violations[3].message).toBe('第 6 行：无权管理执法主体 BT-1 的数据');
      expect((await current()).version).toBe(before.version);
    });

    it('validates without publishing in validate mode', async () => {
      const before = await current();
      const answer = await divisionAdmin()
        .post('/api/v1/imports/items')
        .send({ mode: 'validate', rows: [itemRow(2, 'QT-1', { category: 'other' })] })
        .expect(200);
      expect(answer.body).toEqual({ mode: 'validate', rows: 1, inserted: 0, updated: 0, unchanged: 0 });
      expect((await current()).version).toBe(before.version);
    });
  });

  it('imports inspection targets as upserts', async () => {
    const targets = [
      {
        line: 2,
        fields: {
          agencyCode: 'BT-8',
          code: 'SHOP-1',
          name: '第一食品店',
          category: '食品经营者',
          active: '是',
        },
      },
      {
        line: 3,
        fields: {
          agencyCode: 'BT-8',
          code: 'SHOP-2',
          name: '第二食品店',
          category: '食品经营者',
          active: '',
        },
      },
    ];
    const first = await divisionAdmin()
      .post('/api/v1/imports/targets')
      .send({ mode: 'apply', rows: targets })
      .expect(200);
    expect(first.body).toMatchObject({ inserted: 2, updated: 0, unchanged: 0 });
    targets[1]!.fields.active = '否';
    const second = await divisionAdmin()
      .post('/api/v1/imports/targets')
      .send({ mode: 'apply', rows: targets })
      .expect(200);
    expect(second.body).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const list = await divisionAdmin().get('/api/v1/agencies/BT-8/inspection-targets').expect(200);
    expect(list.body.map((t: { code: string; active: boolean }) => [t.code, t.active])).toEqual([
      ['SHOP-1', true],
      ['SHOP-2', false],
    ]);
    const bad = await divisionAdmin()
      .post('/api/v1/imports/targets')
      .send({ mode: 'apply', rows: [{ line: 9, fields: { ...targets[0]!.fields, active: 'maybe' } }] })
      .expect(422);
    expect(bad.body.violations[0].field).toBe('lines.9.active');
  });
});
