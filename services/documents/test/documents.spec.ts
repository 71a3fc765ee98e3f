import { createHash, randomUUID } from 'node:crypto';
import { DOCUMENT_KIND_SPECS, DOCUMENT_KINDS, caseWorkflowId } from '@lep/contracts';
import { pdfText } from '@lep/testing';
import { SAMPLE_DATA } from '../src/templates/sample-data';
import { AGENCY, AGENCY_NAME, useDocumentsStack } from './support/documents-stack';

const CASE_ID = caseWorkflowId(AGENCY, 'SJ-2026-0312');
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);

/** The data of a major penalty decision: a fine of ¥80,000 on a company, with its evidence and basis. */
const MAJOR_DECISION = {
  parties: [
    {
      type: 'legal-person',
      name: '石河子市鑫源商贸有限公司',
      creditCode: '91659001MA7XXXXX1Y',
      legalRepresentative: '李明',
      address: '新疆石河子市开发区北三东路36号',
    },
    {
      type: 'natural-person',
      name: '张建国',
      gender: '男',
      idType: '居民身份证',
      idNumber: '659001198503152017',
      address: '新疆石河子市北一路12号3栋2单元501室',
    },
  ],
  facts:
    '当事人于2026年2月至3月间销售经检验耐热性不合格的“暖阳”牌电热水壶共计400台，货值金额35600元，违法所得9200元。',
  evidence: ['现场检查笔录一份', '抽样检验报告（编号SJ2026-0312）一份', '询问笔录两份'],
  legalBasis: '《中华人民共和国产品质量法》第四十九条',
  penaltyContent: '1．没收违法所得人民币9200元；2．罚款人民币80000元。',
  fineYuan: 80000,
  confiscatedYuan: 9200,
  reconsiderationBody: '第八师石河子市人民政府',
  court: '石河子市人民法院',
};

describe('issuing documents', () => {
  const stack = useDocumentsStack('documents_issue');
  const http = (roles = ['handler'] as const) => stack().http(AGENCY, [...roles]);
  const issue = (kind: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    http()
      .post('/api/v1/documents')
      .send({ requestId: `req-${randomUUID()}`, caseId: CASE_ID, kind, data, ...extra });

  beforeAll(async () => {
    await stack()
      .http(AGENCY, ['agency-admin'])
      .put(`/api/v1/agencies/${AGENCY}/numbering`)
      .send({ abbreviation: '石市监' })
      .expect(200);
  });

  it('renders a major penalty decision whose text carries the parties, facts, basis, amount and 文号', async () => {
    const answer = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    expect(answer.body).toMatchObject({
      status: 'issued',
      templateVersion: 'penalty-decision.v1',
      number: `石市监处罚〔${YEAR}〕1号`,
      confidentiality: 'personal-privacy',
    });
    const pdf = await download(answer.body.documentId);
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(answer.body.sha256);
    const text = squash(pdfText(pdf));
    for (const expected of [
      AGENCY_NAME,
      '行政处罚决定书',
      `石市监处罚〔${YEAR}〕1号`,
      '当事人：石河子市鑫源商贸有限公司',
      '法定代表人（负责人）：李明',
      '当事人：张建国',
      '居民身份证号码：659001198503152017',
      '销售经检验耐热性不合格的“暖阳”牌电热水壶共计400台',
      '《中华人民共和国产品质量法》第四十九条',
      '人民币捌万元整（¥80,000.00）',
      '人民币玖仟贰佰元整（¥9,200.00）',
      '六十日内向第八师石河子市人民政府申请行政复议',
      '六个月内依法向石河子市人民法院提起行政诉讼',
    ])
      expect(text).toContain(squash(expected));
  });

  it('stores the PDF in the evidence store under its SHA-256, announced for the case’s whole-process record', async () => {
    const answer = await issue('penalty-notice', SAMPLE_DATA['penalty-notice']).expect(201);
    const evidence = await stack().evidenceDatabase();
    try {
      const { rows } = await evidence.query(
        `SELECT topic, message_key, event FROM outbox_event WHERE event->'data'->>'evidenceId' = $1`,
        [answer.body.evidenceItemId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].topic).toBe('lep.evidence.stored.v1');
      expect(rows[0].message_key).toBe(CASE_ID);
      expect(rows[0].event.data).toMatchObject({
        caseId: CASE_ID,
        agencyCode: AGENCY,
        kind: 'document',
        stage: 'notified',
        sha256: answer.body.sha256,
        size: answer.body.size,
      });
    } finally {
      await evidence.end();
    }
  });

  it('produces every kind of the default set, numbering exactly the kinds that carry a 文号', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const answer = await issue(kind, SAMPLE_DATA[kind]).expect(201);
      const word = DOCUMENT_KIND_SPECS[kind].numberWord;
      expect({ kind, status: answer.body.status, numbered: answer.body.number !== null }).toEqual({
        kind,
        status: 'issued',
        numbered: word !== null,
      });
      if (word) expect(answer.body.number).toMatch(new RegExp(`^石市监${word}〔${YEAR}〕\\d+号$`));
      const text = squash(pdfText(await download(answer.body.documentId)));
      expect(text).toContain(squash(DOCUMENT_KIND_SPECS[kind].title));
    }
  });

  it('answers a repeated request id with the first document, and refuses it for a different document', async () => {
    const body = {
      requestId: `req-${randomUUID()}`,
      caseId: CASE_ID,
      kind: 'penalty-decision',
      data: MAJOR_DECISION,
    };
    const first = await http().post('/api/v1/documents').send(body).expect(201);
    const again = await http().post('/api/v1/documents').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    const changed = await http()
      .post('/api/v1/documents')
      .send({ ...body, data: { ...MAJOR_DECISION, fineYuan: 90000 } })
      .expect(409);
    expect(changed.body.code).toBe('REQUEST_ID_REUSED');
    const next = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    expect(serialOf(next.body.number)).toBe(serialOf(first.body.number) + 1);
  });

  it('records a voided number with its reason and never issues it again', async () => {
    const voided = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    const answer = await stack()
      .http(AGENCY, ['leader'])
      .post(`/api/v1/documents/${voided.body.documentId}/void`)
      .send({ reason: '罚款金额计算有误，重新出具' })
      .expect(200);
    expect(answer.body).toMatchObject({ status: 'voided', voidReason: '罚款金额计算有误，重新出具' });
    const twice = await stack()
      .http(AGENCY, ['leader'])
      .post(`/api/v1/documents/${voided.body.documentId}/void`)
      .send({ reason: '再次作废' })
      .expect(409);
    expect(twice.body.code).toBe('DOCUMENT_ALREADY_VOIDED');
    const next = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    expect(serialOf(next.body.number)).toBe(serialOf(voided.body.number) + 1);
    const numbering = await http().get(`/api/v1/agencies/${AGENCY}/numbering`).expect(200);
    expect(numbering.body.voided).toContainEqual(
      expect.objectContaining({ number: voided.body.number, reason: '罚款金额计算有误，重新出具' }),
    );
    const counters = numbering.body.counters as { kind: string; year: number; lastSerial: number }[];
    expect(counters.find((counter) => counter.kind === 'penalty-decision')?.lastSerial).toBe(
      serialOf(next.body.number),
    );
  });

  it('masks names, ID numbers and addresses in the rendering for disclosure, and keeps its recorded hash', async () => {
    const answer = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    const pdf = await bytes(http().get(`/api/v1/documents/${answer.body.documentId}/masked-pdf`));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(answer.body.maskedSha256);
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash('当事人：张某'));
    expect(text).toContain(squash('当事人：石河子市鑫源商贸有限公司'));
    expect(text).toContain(squash(`石市监处罚〔${YEAR}〕`));
    expect(text).not.toContain('659001198503152017');
    expect(text).not.toContain('张建国');
    expect(text).not.toContain(squash('北一路12号'));
  });

  it('refuses data the template does not declare or that lacks a required field, naming the field', async () => {
    const { facts: _facts, ...withoutFacts } = MAJOR_DECISION;
    const missing = await issue('penalty-decision', withoutFacts).expect(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');
    expect(missing.body.violations).toContainEqual(
      expect.objectContaining({ field: 'data.facts', rule: 'isNotEmpty' }),
    );
    const unknown = await issue('penalty-decision', { ...MAJOR_DECISION, bribe: '1' }).expect(400);
    expect(unknown.body.violations).toContainEqual(expect.objectContaining({ field: 'data.bribe' }));
    const wrongType = await issue('penalty-decision', { ...MAJOR_DECISION, fineYuan: '八万' }).expect(400);
    expect(wrongType.body.violations).toContainEqual(
      expect.objectContaining({ field: 'data.fineYuan', rule: 'isNumber' }),
    );
  });

  it('issues documents only into the caller’s own agency’s cases', async () => {
    const answer = await stack()
      .http('XJ-SFJ', ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: CASE_ID,
        kind: 'penalty-decision',
        data: MAJOR_DECISION,
      })
      .expect(403);
    expect(answer.body.code).toBe('CASE_OF_OTHER_AGENCY');
    await stack().http('XJ-SFJ', ['leader']).get(`/api/v1/documents?caseId=${CASE_ID}`).expect(403);
  });

  it('keeps the number of a document the evidence store could not take, and finishes it on retry', async () => {
    const body = {
      requestId: `req-${randomUUID()}`,
      caseId: CASE_ID,
      kind: 'penalty-decision',
      data: MAJOR_DECISION,
    };
    await stack().stopEvidence();
    try {
      const refused = await http().post('/api/v1/documents').send(body).expect(503);
      expect(refused.body.code).toBe('EVIDENCE_UNAVAILABLE');
    } finally {
      await stack().startEvidence();
    }
    const listed = await http()
      .get(`/api/v1/documents?caseId=${encodeURIComponent(CASE_ID)}`)
      .expect(200);
    const pending = (listed.body as { status: string; number: string }[]).filter(
      (item) => item.status === 'pending',
    );
    expect(pending).toHaveLength(1);
    const finished = await http().post('/api/v1/documents').send(body).expect(201);
    expect(finished.body).toMatchObject({ status: 'issued', number: pending[0].number });
    const next = await issue('penalty-decision', MAJOR_DECISION).expect(201);
    expect(serialOf(next.body.number)).toBe(serialOf(pending[0].number) + 1);
  });

  it('lists the case’s documents, voided ones included', async () => {
    const list = await http()
      .get(`/api/v1/documents?caseId=${encodeURIComponent(CASE_ID)}`)
      .expect(200);
    const statuses = new Set((list.body as { status: string }[]).map((document) => document.status));
    expect(statuses).toEqual(new Set(['issued', 'voided']));
  });

  function download(documentId: string): Promise<Buffer> {
    return bytes(http().get(`/api/v1/documents/${documentId}/pdf`).query({ purpose: '送达当事人' }));
  }
});

/** A PDF answer's bytes. */
async function bytes(call: import('supertest').Test): Promise<Buffer> {
  const answer = await call
    .buffer(true)
    .parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    })
    .expect(200);
  expect(answer.headers['content-type']).toBe('application/pdf');
  return answer.body as Buffer;
}

/** pdftotext breaks lines where the layout does: compare texts without line breaks, spaces and page footers. */
function squash(text: string): string {
  return text.replace(/\s+/g, '').replace(/第\d+页共\d+页/g, '');
}

function serialOf(number: string): number {
  return Number(/〕(\d+)号$/.exec(number)![1]);
}

describe('a document of an agency without a 文号 pattern', () => {
  const stack = useDocumentsStack('documents_no_pattern');

  it('is refused before anything is numbered or stored', async () => {
    const answer = await stack()
      .http(AGENCY, ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: CASE_ID,
        kind: 'penalty-decision',
        data: MAJOR_DECISION,
      })
      .expect(409);
    expect(answer.body.code).toBe('NUMBERING_PATTERN_MISSING');
    // Documents without a number need no pattern.
    await stack()
      .http(AGENCY, ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: CASE_ID,
        kind: 'inquiry-record',
        data: SAMPLE_DATA['inquiry-record'],
      })
      .expect(201);
  });
});
