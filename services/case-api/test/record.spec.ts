import { caseWorkflowId } from '@lep/contracts';
import { useCaseApp } from './support/case-app';
import { caseState, seedStep } from './support/fixtures';

const caseApp = useCaseApp('case_api_record');
const AGENCY = 'AG-REC';
const CASE_ID = caseWorkflowId(AGENCY, 'REC-001');

beforeAll(async () => {
  const state = caseState(AGENCY, 'REC-001');
  for (const title of ['立案', '询问笔录', '现场检查笔录'])
    await seedStep(caseApp().dataSource, state, { title });
});

describe('GET /api/v1/cases/:caseId/record', () => {
  it('returns the whole-process record in order with a verified hash chain', async () => {
    const response = await caseApp().system(AGENCY).get(`/api/v1/cases/${CASE_ID}/record`);
    expect(response.status).toBe(200);
    expect(
      response.body.entries.map((entry: { sequence: number; content: { title: string } }) => [
        entry.sequence,
        entry.content.title,
      ]),
    ).toEqual([
      [1, '立案'],
      [2, '询问笔录'],
      [3, '现场检查笔录'],
    ]);
    expect(response.body.verification).toEqual({
      valid: true,
      length: 3,
      headHash: response.body.entries[2].hash,
    });
  });

  it('names the entry someone altered in the database', async () => {
    await caseApp().dataSource.query(
      `UPDATE case_record_entry SET content = jsonb_set(content, '{title}', '"撤案"') WHERE case_id = $1 AND sequence = 2`,
      [CASE_ID],
    );
    const response = await caseApp().system(AGENCY).get(`/api/v1/cases/${CASE_ID}/record`);
    expect(response.body.verification).toEqual({
      valid: false,
      length: 3,
      brokenAt: 2,
      reason: 'content-hash-mismatch',
    });
  });
});
