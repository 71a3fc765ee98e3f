import { randomUUID } from 'node:crypto';
import { caseWorkflowId } from '@lep/contracts';
import { SAMPLE_DATA } from '../src/templates/sample-data';
import { AGENCY, useDocumentsStack } from './support/documents-stack';

const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const CONCURRENT = 100;

function serialOf(number: string): number {
  return Number(/〕(\d+)号$/.exec(number)![1]);
}

/** 文号 per agency, kind and year: gapless under concurrent requests and across a restart of the service. */
describe('文号 under concurrent requests', () => {
  const stack = useDocumentsStack('documents_numbering');
  const issue = (caseNumber: string) =>
    stack()
      .http(AGENCY, ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: caseWorkflowId(AGENCY, caseNumber),
        kind: 'penalty-notice',
        data: SAMPLE_DATA['penalty-notice'],
      });

  beforeAll(async () => {
    await stack()
      .http(AGENCY, ['agency-admin'])
      .put(`/api/v1/agencies/${AGENCY}/numbering`)
      .send({ abbreviation: '石市监' })
      .expect(200);
  });

  it(`gives ${CONCURRENT} concurrent requests in one agency ${CONCURRENT} consecutive numbers`, async () => {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENT }, (_, index) => issue(`SJ-2026-${1000 + index}`)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(CONCURRENT).fill(201));
    const numbers = answers.map((answer) => answer.body.number as string);
    expect(numbers.every((number) => number.startsWith(`石市监罚告〔${YEAR}〕`))).toBe(true);
    const serials = numbers.map(serialOf).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: CONCURRENT }, (_, index) => index + 1));
  }, 600_000);

  it('continues the sequence after the service restarts', async () => {
    await stack().restart();
    const answer = await issue('SJ-2026-2000').expect(201);
    expect(answer.body.number).toBe(`石市监罚告〔${YEAR}〕${CONCURRENT + 1}号`);
  });

  it('counts each kind on its own', async () => {
    const decision = await stack()
      .http(AGENCY, ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: caseWorkflowId(AGENCY, 'SJ-2026-2001'),
        kind: 'penalty-decision',
        data: SAMPLE_DATA['penalty-decision'],
      })
      .expect(201);
    expect(decision.body.number).toBe(`石市监处罚〔${YEAR}〕1号`);
  });
});
