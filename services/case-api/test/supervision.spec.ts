import { storeCaseAgency } from '@lep/case-store';
import { caseWorkflowId } from '@lep/contracts';
import { useCaseApp } from './support/case-app';
import { caseState, seedStep } from './support/fixtures';

const caseApp = useCaseApp('case_api_supervision');

// 兵团 → 第八师石河子市 → its market regulator (the case's agency) and its justice bureau; the 第一师 beside it.
const CORPS = 'SV-BT';
const CORPS_JUSTICE = 'SV-BT-SFT';
const DIVISION = 'SV-BT08';
const DIVISION_JUSTICE = 'SV-BT08-SFJ';
const REGULATOR = 'SV-BT08-SJ';
const TRANSPORT = 'SV-BT08-JT';
const OTHER_DIVISION = 'SV-BT01';
const OTHER_JUSTICE = 'SV-BT01-SFJ';

const REGULATOR_CASE = caseWorkflowId(REGULATOR, 'SV-001');
const TRANSPORT_CASE = caseWorkflowId(TRANSPORT, 'SV-002');
const JUSTICE_CASE = caseWorkflowId(DIVISION_JUSTICE, 'SV-003');
const OTHER_CASE = caseWorkflowId(OTHER_DIVISION, 'SV-004');
const NOTE = { requestId: 'req-supervision-001', note: '直接送达' };

interface AuditRow {
  content: {
    outcome: string;
    code?: string;
    path: string;
    actor: { agencyCode: string };
    supervisedAgencyCode?: string;
  };
}

beforeAll(async () => {
  const { dataSource } = caseApp();
  for (const [code, parentCode, justiceBureau] of [
    [CORPS, null, false],
    [CORPS_JUSTICE, CORPS, true],
    [DIVISION, CORPS, false],
    [DIVISION_JUSTICE, DIVISION, true],
    [REGULATOR, DIVISION, false],
    [TRANSPORT, DIVISION, false],
    [OTHER_DIVISION, CORPS, false],
    [OTHER_JUSTICE, OTHER_DIVISION, true],
  ] as const)
    await storeCaseAgency(dataSource, { code, parentCode, justiceBureau, removed: false });
  await seedStep(dataSource, caseState(REGULATOR, 'SV-001', { major: true, stage: 'legal-review' }));
  await seedStep(dataSource, caseState(TRANSPORT, 'SV-002', { overdue: true }));
  await seedStep(dataSource, caseState(DIVISION_JUSTICE, 'SV-003'));
  await seedStep(dataSource, caseState(OTHER_DIVISION, 'SV-004'));
});

const supervisedReads = async (agencyCode: string): Promise<AuditRow['content'][]> => {
  const rows: AuditRow[] = await caseApp().dataSource.query(
    `SELECT content FROM audit_entry WHERE content->>'outcome' = 'read' AND content->'actor'->>'agencyCode' = $1
     ORDER BY sequence`,
    [agencyCode],
  );
  return rows.map((row) => row.content);
};

const ids = (body: { items: Array<{ caseId: string }> }) => body.items.map((item) => item.caseId).sort();

describe('the justice bureau of the level supervises every agency of it (domain.md L9)', () => {
  const bureau = () => caseApp().staff({ roles: ['auditor'], agency: DIVISION_JUSTICE });

  it('reads a subordinate agency’s case, its record and its accountability trail, each read in the audit log', async () => {
    const before = (await supervisedReads(DIVISION_JUSTICE)).length;
    const view = await bureau().get(`/api/v1/cases/${REGULATOR_CASE}`);
    expect(view.status).toBe(200);
    expect(view.body.state).toMatchObject({ agencyCode: REGULATOR, major: true });
    expect((await bureau().get(`/api/v1/cases/${REGULATOR_CASE}/record`)).status).toBe(200);
    expect((await bureau().get(`/api/v1/cases/${REGULATOR_CASE}/accountability`)).status).toBe(200);

    const reads = (await supervisedReads(DIVISION_JUSTICE)).slice(before);
    expect(reads).toEqual([
      expect.objectContaining({
        outcome: 'read',
        code: 'SUPERVISION_READ',
        path: `/api/v1/cases/${REGULATOR_CASE}`,
        supervisedAgencyCode: REGULATOR,
      }),
      expect.objectContaining({ path: `/api/v1/cases/${REGULATOR_CASE}/record` }),
      expect.objectContaining({ path: `/api/v1/cases/${REGULATOR_CASE}/accountability` }),
    ]);
  });

  it('reads only: driving a supervised case is refused and changes nothing', async () => {
    const before = await caseApp().dataSource.query(
      `SELECT sequence FROM case_record_entry WHERE case_id = $1`,
      [REGULATOR_CASE],
    );
    const director = caseApp().staff({ roles: ['leader'], agency: DIVISION_JUSTICE });
    const act = await director.post(`/api/v1/cases/${REGULATOR_CASE}/service`).send(NOTE);
    expect({ status: act.status, code: act.body.code }).toEqual({ status: 403, code: 'AGENCY_FORBIDDEN' });
    expect(
      await caseApp().dataSource.query(`SELECT sequence FROM case_record_entry WHERE case_id = $1`, [
        REGULATOR_CASE,
      ]),
    ).toEqual(before);
  });

  it('lists the cases of every agency of its level, filtered by stage, majorness and lateness', async () => {
    const all = await bureau().get('/api/v1/cases?supervised=true');
    expect(all.status).toBe(200);
    // Its own level (the regulator, the transport bureau), not its own cases, not the other division's.
    expect(ids(all.body)).toEqual([REGULATOR_CASE, TRANSPORT_CASE].sort());
    expect(ids((await bureau().get('/api/v1/cases?supervised=true&major=true')).body)).toEqual([
      REGULATOR_CASE,
    ]);
    expect(ids((await bureau().get('/api/v1/cases?supervised=true&overdue=true')).body)).toEqual([
      TRANSPORT_CASE,
    ]);
    expect(ids((await bureau().get('/api/v1/cases?supervised=true&stage=legal-review')).body)).toEqual([
      REGULATOR_CASE,
    ]);
    expect(ids((await bureau().get(`/api/v1/cases?agency=${TRANSPORT}`)).body)).toEqual([TRANSPORT_CASE]);
    const listed = (await supervisedReads(DIVISION_JUSTICE)).filter((read) => read.path === '/api/v1/cases');
    expect(listed.length).toBeGreaterThanOrEqual(5);
  });

  it('does not reach another division’s agencies', async () => {
    const read = await bureau().get(`/api/v1/cases/${OTHER_CASE}`);
    expect({ status: read.status, code: read.body.code }).toEqual({ status: 403, code: 'AGENCY_FORBIDDEN' });
    const list = await bureau().get(`/api/v1/cases?supervised=true&agency=${OTHER_DIVISION}`);
    expect({ status: list.status, code: list.body.code }).toEqual({ status: 403, code: 'AGENCY_FORBIDDEN' });
  });
});

describe('ancestors supervise what is below them', () => {
  it('the division and the 兵团 read the regulator’s case; the 兵团 justice bureau reads every division’s', async () => {
    for (const agency of [DIVISION, CORPS, CORPS_JUSTICE]) {
      const response = await caseApp()
        .staff({ roles: ['auditor'], agency })
        .get(`/api/v1/cases/${REGULATOR_CASE}`);
      expect({ agency, status: response.status }).toEqual({ agency, status: 200 });
    }
    const corpsBureau = caseApp().staff({ roles: ['auditor'], agency: CORPS_JUSTICE });
    expect(ids((await corpsBureau.get('/api/v1/cases?supervised=true')).body)).toEqual(
      [REGULATOR_CASE, TRANSPORT_CASE, JUSTICE_CASE, OTHER_CASE].sort(),
    );
  });

  it('no one supervises sideways or upwards: a sibling, a subordinate and another division’s bureau are refused', async () => {
    for (const [agency, caseId] of [
      [TRANSPORT, REGULATOR_CASE],
      [REGULATOR, JUSTICE_CASE],
      [OTHER_JUSTICE, REGULATOR_CASE],
    ] as const) {
      const response = await caseApp()
        .staff({ roles: ['auditor'], agency })
        .get(`/api/v1/cases/${caseId}`);
      expect({ agency, status: response.status, code: response.body.code }).toEqual({
        agency,
        status: 403,
        code: 'AGENCY_FORBIDDEN',
      });
    }
    const sideways = await caseApp()
      .staff({ roles: ['auditor'], agency: TRANSPORT })
      .get('/api/v1/cases?supervised=true');
    expect(sideways.body.items).toEqual([]);
    expect(await supervisedReads(TRANSPORT)).toHaveLength(1);
  });
});
