import { createHash } from 'node:crypto';
import { INSPECTION_EVENT_TYPES, TOPICS } from '@lep/contracts';
import { agencyBody, personnelBody, residentId, uscc } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

const TARGETS = Array.from({ length: 8 }, (_, i) => ({
  code: `SHOP-${i + 1}`,
  name: `石河子市第${i + 1}食品店`,
  category: '食品经营者',
}));
const PLAN = {
  subject: '食品经营者监督检查',
  basis: '《中华人民共和国食品安全法》第一百一十条',
  scope: '经营场所卫生、进货查验记录',
  targetCount: 4,
  inspectorsPerTarget: 2,
  plannedStart: '2026-01-01',
  plannedEnd: '2099-12-31',
};

describe('double-random inspections (双随机、一公开)', () => {
  const registry = useRegistryApp('registry_inspections');
  const admin = () => registry().client();
  const divisionAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-8' });
  const siblingAdmin = () => registry().client({ roles: ['agency-admin'], agency: 'BT-1' });
  const divisionHandler = () => registry().client({ roles: ['handler'], agency: 'BT-8' });
  const valid: string[] = [];
  let expired: string;
  let suspended: string;

  async function person(overrides: Record<string, unknown> = {}): Promise<string> {
    return (await admin().post('/api/v1/personnel').send(personnelBody('BT-8', overrides)).expect(201)).body
      .id;
  }

  async function plan(overrides: Record<string, unknown> = {}): Promise<string> {
    return (
      await divisionAdmin()
        .post('/api/v1/agencies/BT-8/inspection-plans')
        .send({ ...PLAN, ...overrides })
        .expect(201)
    ).body.id;
  }

  beforeAll(async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-1', 'BT')).expect(201);
    for (let i = 0; i < 4; i += 1) valid.push(await person());
    expired = await person({ certificateIssuedOn: '2020-01-01', certificateExpiresOn: '2024-12-31' });
    suspended = await person();
    await admin()
      .post(`/api/v1/personnel/${suspended}/status`)
      .send({ status: 'suspended', effectiveOn: '2025-01-01', reason: '暂扣执法证' })
      .expect(201);
    await divisionAdmin()
      .put('/api/v1/agencies/BT-8/inspection-targets')
      .send({ targets: [...TARGETS, { code: 'FARM-1', name: '某农资店', category: '农资经营者' }] })
      .expect(200);
    // valid[0] is related to every shop but SHOP-1..2: it may only ever inspect those.
    for (const target of TARGETS.slice(2))
      await divisionAdmin()
        .post('/api/v1/agencies/BT-8/inspection-relations')
        .send({ personnelId: valid[0], targetCode: target.code, relation: '近亲属经营' })
        .expect(201);
  });

  it('discloses a plan on creation, before any draw', async () => {
    const id = await plan({ targetCategory: '食品经营者' });
    const events = await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.planDisclosed);
    const event = events.find((row) => row.event.data.planId === id)!;
    expect(event).toMatchObject({ topic: TOPICS.registryInspection.name, message_key: id });
    expect(event.event.data).toMatchObject({ agencyCode: 'BT-8', subject: PLAN.subject, targetCount: 4 });
    const view = await divisionAdmin().get(`/api/v1/inspection-plans/${id}`).expect(200);
    expect(view.body).toMatchObject({ status: 'disclosed', draws: [] });
  });

  it('draws targets of the plan’s category and officers whose certificate is in force, respecting recusal', async () => {
    const id = await plan({ targetCategory: '食品经营者' });
    const draw = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    expect(draw.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(draw.pools.targets).toEqual(TARGETS.map((t) => t.code).sort());
    expect(draw.pools.inspectors).toEqual([...valid].sort());
    expect(draw.pools.inspectors).not.toContain(expired);
    expect(draw.pools.inspectors).not.toContain(suspended);
    expect(draw.assignments).toHaveLength(4);
    for (const assignment of draw.assignments) {
      expect(assignment.inspectorIds).toHaveLength(2);
      if (!['SHOP-1', 'SHOP-2'].includes(assignment.targetCode))
        expect(assignment.inspectorIds).not.toContain(valid[0]);
    }
    const [event] = (await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.drawMade)).filter(
      (row) => row.event.data.planId === id,
    );
    // The draw is announced as a commitment only: no targets or seed before the inspection.
    expect(event!.event.data).toEqual({
      planId: id,
      drawId: draw.id,
      agencyCode: 'BT-8',
      drawDay: draw.drawDay,
      poolsHash: draw.poolsHash,
      seedCommitment: createHash('sha256').update(Buffer.from(draw.seed, 'hex')).digest('hex'),
      drawnAt: draw.drawnAt,
    });
  });

  it('reproduces a draw from its recorded seed and pools, and notices a tampered record', async () => {
    const id = await plan();
    const draw = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    const verification = `/api/v1/inspection-plans/${id}/draws/${draw.id}/verification`;
    const checked = await divisionAdmin().get(verification).expect(200);
    expect(checked.body).toEqual({ poolsHashMatches: true, reproduced: true, assignments: draw.assignments });
    const swapped = [...draw.assignments].reverse();
    await registry().dataSource.query(`UPDATE inspection_draw SET assignments = $2 WHERE id = $1`, [
      draw.id,
      JSON.stringify(swapped),
    ]);
    expect((await divisionAdmin().get(verification).expect(200)).body.reproduced).toBe(false);
  });

  it('never redraws silently: a second draw is refused until the first is voided with a reason, and both are kept', async () => {
    const id = await plan();
    const first = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    const refused = await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(409);
    expect(refused.body.code).toBe('INSPECTION_ALREADY_DRAWN');
    await divisionAdmin()
      .post(`/api/v1/inspection-plans/${id}/draws/${first.id}/void`)
      .send({ reason: '抽取时名录未更新完毕' })
      .expect(200);
    const voided = await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.drawVoided);
    expect(voided.find((row) => row.event.data.drawId === first.id)?.event.data.reason).toBe(
      '抽取时名录未更新完毕',
    );
    const second = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    expect(second.seed).not.toBe(first.seed);
    const view = (await divisionAdmin().get(`/api/v1/inspection-plans/${id}`).expect(200)).body;
    expect(view.draws.map((d: { id: string; voidReason: string | null }) => [d.id, d.voidReason])).toEqual([
      [first.id, '抽取时名录未更新完毕'],
      [second.id, null],
    ]);
  });

  it('refuses a draw that cannot be staffed, naming the target, and records nothing', async () => {
    const id = await plan({ inspectorsPerTarget: 4, targetCount: 8 });
    const before = (await outboxEvents(registry().dataSource)).length;
    const refused = await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(422);
    expect(refused.body.code).toBe('NOT_ENOUGH_INSPECTORS');
    expect(refused.body.message).toMatch(/可派执法检查人员仅 3 人（另有 1 人须回避），少于每户 4 人/);
    expect((await outboxEvents(registry().dataSource)).length).toBe(before);
    const tooMany = await plan({ targetCount: 20 });
    const short = await divisionAdmin().post(`/api/v1/inspection-plans/${tooMany}/draws`).expect(422);
    expect(short.body.message).toBe('抽查对象名录中符合条件的仅 9 户，少于计划抽取的 20 户');
    const rows = await registry().dataSource.query(
      `SELECT 1 FROM inspection_draw WHERE plan_id IN ($1, $2)`,
      [id, tooMany],
    );
    expect(rows).toEqual([]);
  });

  it('publishes results only when every drawn target has one, revealing the seed that matches the commitment', async () => {
    const id = await plan({ targetCategory: '食品经营者', targetCount: 2 });
    const draw = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    const [first, second] = draw.assignments as { targetCode: string }[];
    const result = { outcome: 'no-problem', findings: '未发现问题', inspectedOn: '2026-03-01' };
    const notDrawn = TARGETS.map((t) => t.code).find(
      (code) => !draw.assignments.some((a: { targetCode: string }) => a.targetCode === code),
    );
    await divisionHandler()
      .put(`/api/v1/inspection-plans/${id}/results/${notDrawn}`)
      .send(result)
      .expect(404);
    await divisionHandler()
      .put(`/api/v1/inspection-plans/${id}/results/${first!.targetCode}`)
      .send(result)
      .expect(200);
    const incomplete = await divisionAdmin()
      .post(`/api/v1/inspection-plans/${id}/results/publish`)
      .expect(409);
    expect(incomplete.body.message).toContain(second!.targetCode);
    await divisionHandler()
      .put(`/api/v1/inspection-plans/${id}/results/${second!.targetCode}`)
      .send({ outcome: 'problem-found', findings: '进货查验记录不全，已责令改正', inspectedOn: '2026-03-02' })
      .expect(200);
    const published = await divisionAdmin()
      .post(`/api/v1/inspection-plans/${id}/results/publish`)
      .expect(200);
    expect(published.body.status).toBe('results-published');

    const made = (await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.drawMade)).find(
      (row) => row.event.data.drawId === draw.id,
    )!;
    const event = (await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.resultsPublished)).find(
      (row) => row.event.data.planId === id,
    )!;
    const data = event.event.data as { seed: string; results: { inspectors: object[]; target: object }[] };
    expect(createHash('sha256').update(Buffer.from(data.seed, 'hex')).digest('hex')).toBe(
      made.event.data.seedCommitment,
    );
    expect(data.results).toHaveLength(2);
    // Registered without a party type, under codes that are no credit codes: announced as natural persons, so
    // the publisher masks them (privacy first).
    expect(data.results[1]).toMatchObject({
      target: {
        code: second!.targetCode,
        name: expect.stringContaining('食品店'),
        partyType: 'natural-person',
      },
      outcome: 'problem-found',
    });
    expect(data.results[0]!.inspectors[0]).toEqual({
      personnelId: expect.any(String),
      name: expect.stringMatching(/^执法人员/),
      certificateNumber: expect.stringMatching(/^CERT-/),
    });
    expect(JSON.stringify(event.event)).not.toMatch(/idNumber/);
    await divisionAdmin()
      .post(`/api/v1/inspection-plans/${id}/draws/${draw.id}/void`)
      .send({ reason: 'x' })
      .expect(409);
    await divisionHandler()
      .put(`/api/v1/inspection-plans/${id}/results/${first!.targetCode}`)
      .send(result)
      .expect(409);
  });

  it('keeps plans, draws and lists within the agency’s chain, and draws to agency admins', async () => {
    const id = await plan();
    expect((await siblingAdmin().get(`/api/v1/inspection-plans/${id}`).expect(403)).body.code).toBe(
      'AGENCY_FORBIDDEN',
    );
    await siblingAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(403);
    await siblingAdmin().post('/api/v1/agencies/BT-8/inspection-plans').send(PLAN).expect(403);
    await siblingAdmin().get('/api/v1/agencies/BT-8/inspection-targets').expect(403);
    expect((await divisionHandler().post(`/api/v1/inspection-plans/${id}/draws`).expect(403)).body.code).toBe(
      'ROLE_FORBIDDEN',
    );
    await admin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201);
  });

  it('refuses a relation to a target off the list or for an officer of another agency', async () => {
    await divisionAdmin()
      .post('/api/v1/agencies/BT-8/inspection-relations')
      .send({ personnelId: valid[1], targetCode: 'NOPE', relation: '亲属' })
      .expect(404);
    const other = (await admin().post('/api/v1/personnel').send(personnelBody('BT-1')).expect(201)).body.id;
    await divisionAdmin()
      .post('/api/v1/agencies/BT-8/inspection-relations')
      .send({ personnelId: other, targetCode: 'SHOP-1', relation: '亲属' })
      .expect(422);
  });

  it('keeps each target’s party type and announces it with the results, read from the code when not given', async () => {
    const company = uscc(880001);
    await divisionAdmin()
      .put('/api/v1/agencies/BT-8/inspection-targets')
      .send({
        targets: [
          { code: 'P-ZHANG', name: '张三丰', category: '个人', partyType: 'natural-person' },
          { code: company, name: '石河子市某某食品有限公司', category: '个人' },
          { code: 'GT-LI', name: '石河子市老李烧烤店', category: '个人', partyType: 'individual-business' },
        ],
      })
      .expect(200);
    const listed = await divisionAdmin().get('/api/v1/agencies/BT-8/inspection-targets').expect(200);
    expect(
      listed.body
        .filter((target: { category: string }) => target.category === '个人')
        .map((target: { code: string; partyType: string | null }) => [target.code, target.partyType]),
    ).toEqual([
      [company, null],
      ['GT-LI', 'individual-business'],
      ['P-ZHANG', 'natural-person'],
    ]);

    const id = await plan({ targetCategory: '个人', targetCount: 3 });
    const draw = (await divisionAdmin().post(`/api/v1/inspection-plans/${id}/draws`).expect(201)).body;
    for (const { targetCode } of draw.assignments as { targetCode: string }[])
      await divisionHandler()
        .put(`/api/v1/inspection-plans/${id}/results/${targetCode}`)
        .send({ outcome: 'no-problem', findings: '未发现问题', inspectedOn: '2026-03-01' })
        .expect(200);
    await divisionAdmin().post(`/api/v1/inspection-plans/${id}/results/publish`).expect(200);
    const event = (await outboxEvents(registry().dataSource, INSPECTION_EVENT_TYPES.resultsPublished)).find(
      (row) => row.event.data.planId === id,
    )!;
    const targets = (
      event.event.data as { results: { target: { code: string; partyType: string } }[] }
    ).results
      .map((result) => [result.target.code, result.target.partyType])
      .sort();
    expect(targets).toEqual(
      [
        [company, 'legal-person'],
        ['GT-LI', 'individual-business'],
        ['P-ZHANG', 'natural-person'],
      ].sort(),
    );
  });

  it('refuses a resident ID number as a target code: codes are published with the draw', async () => {
    const answer = await divisionAdmin()
      .put('/api/v1/agencies/BT-8/inspection-targets')
      .send({
        targets: [
          { code: 'OK-1', name: '某店', category: '食品经营者' },
          { code: residentId(), name: '王某某', category: '个人', partyType: 'natural-person' },
        ],
      })
      .expect(400);
    expect(answer.body.code).toBe('TARGET_CODE_IS_PERSONAL_ID');
    expect(answer.body.violations).toEqual([
      expect.objectContaining({ field: 'targets.1.code', rule: 'notResidentId' }),
    ]);
    const rows = await registry().dataSource.query(`SELECT 1 FROM inspection_target WHERE code = 'OK-1'`);
    expect(rows).toEqual([]);
  });
});
