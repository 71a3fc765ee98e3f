import { createHash, randomUUID } from 'node:crypto';
import { signStaffToken, type Role } from '@lep/auth';
import { caseWorkflowId, type DecisionDocumentRef, type DecisionMadeData } from '@lep/contracts';
import { CASE_AGENCY, pdfText, seedCaseRegistry } from '@lep/testing';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision, residentId } from './support/decisions';
import { until, usePublicationApp } from './support/publication-app';

/**
 * The disclosed record links the masked 决定书 (issue #20 item 3, domain.md L1c), on the real stack: the
 * documents service issues the 决定书 (stored through the evidence service in S3) and publication serves its
 * masked rendering to the public only while the record is published and only with the hash the record names.
 */
const publication = usePublicationApp('pub_public_document', { documents: true });
const AUTH = {
  secret: 'publication-test-secret-at-least-32-characters',
  issuer: 'lep',
  audience: 'lep-api',
};
const PARTY_NAME = '王建华';
const PARTY_ID = residentId('19850315');

function documentsApi(roles: Role[], path: string, init: RequestInit = {}): Promise<Response> {
  const token = signStaffToken({ sub: 'test-staff', agency: CASE_AGENCY, roles }, AUTH);
  return fetch(new URL(path, publication().documents!.url), {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
}

/** Issues a 行政处罚决定书 on a natural person, as the case worker does when the draft goes to legal review. */
async function issueDecisionDocument(caseId: string): Promise<DecisionDocumentRef> {
  const response = await documentsApi(['handler'], '/api/v1/documents', {
    method: 'POST',
    body: JSON.stringify({
      requestId: `req-${randomUUID()}`,
      caseId,
      kind: 'penalty-decision',
      data: {
        parties: [
          {
            type: 'natural-person',
            name: PARTY_NAME,
            gender: '男',
            idType: '居民身份证',
            idNumber: PARTY_ID,
            address: '新疆阿拉尔市幸福路88号3栋2单元501室',
          },
        ],
        facts: `当事人${PARTY_NAME}于2026年8月在其经营的门店销售超过保质期的食品。`,
        evidence: ['现场检查笔录一份'],
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
        penaltyContent: '罚款人民币5000元。',
        fineYuan: 5000,
        reconsiderationBody: '第一师阿拉尔市人民政府',
        court: '阿拉尔市人民法院',
      },
    }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as DecisionDocumentRef;
  return {
    documentId: body.documentId,
    number: body.number,
    sha256: body.sha256,
    maskedSha256: body.maskedSha256,
    templateVersion: body.templateVersion,
  };
}

/** A penalty decision made on the issued document, as case-api announces it (decision.made). */
async function decidedOnDocument(overrides: Partial<DecisionMadeData> = {}): Promise<DecisionMadeData> {
  const caseId = caseWorkflowId(CASE_AGENCY, `兵一市监立〔2026〕${randomUUID().slice(0, 8)}号`);
  const document = await issueDecisionDocument(caseId);
  const decision = penaltyDecision({
    agencyCode: CASE_AGENCY,
    caseId,
    decisionId: `${caseId}-D1`,
    documentNumber: document.number,
    party: { type: 'natural-person', name: PARTY_NAME, idType: '居民身份证', idNumber: PARTY_ID },
    otherPersonNames: [],
    penalty: {
      violationType: '销售过期食品',
      facts: `当事人${PARTY_NAME}于2026年8月在其经营的门店销售超过保质期的食品。`,
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
      penaltyKinds: ['罚款'],
      content: '罚款人民币5000元。',
      fineYuan: 5000,
      validUntil: '2027-09-30',
    },
    document,
    ...overrides,
  });
  await publication().deliver(decisionMadeEvent(decision));
  await until(
    async () =>
      (
        await publication()
          .anonymous()
          .get(`/api/v1/public/decisions/${encodeURIComponent(decision.decisionId)}`)
      ).status === 200,
  );
  return decision;
}

const squash = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  await seedCaseRegistry(publication().registry.call);
  const numbering = await documentsApi(['agency-admin'], `/api/v1/agencies/${CASE_AGENCY}/numbering`, {
    method: 'PUT',
    body: JSON.stringify({ abbreviation: '兵一市监' }),
  });
  expect(numbering.status).toBe(200);
}, 60_000);

describe('the masked 决定书 of a disclosed decision', () => {
  it('is linked from the public record and served with the hash recorded when it was issued', async () => {
    const decision = await decidedOnDocument();
    const page = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(decision.decisionId)}`)
      .expect(200);
    const href = `/api/v1/public/decisions/${encodeURIComponent(decision.decisionId)}/document`;
    expect(page.body.record.document).toEqual({ sha256: decision.document!.maskedSha256, href });
    const portal = await publication()
      .anonymous()
      .get(`/portal/decisions/${encodeURIComponent(decision.decisionId)}`)
      .expect(200);
    expect(portal.text).toContain(`<a href="${href}">决定书全文（公开版 PDF，已隐去个人信息）</a>`);

    const served = await publication()
      .anonymous()
      .get(href)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'application/pdf');
    const pdf = served.body as Buffer;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(decision.document!.maskedSha256);
    expect(served.headers['x-content-sha256']).toBe(decision.document!.maskedSha256);
    const text = squash(pdfText(pdf));
    expect(text).toContain(squash('当事人：王某'));
    expect(text).toContain(squash(decision.document!.number));
    expect(text).not.toContain(PARTY_NAME);
    expect(text).not.toContain(PARTY_ID);
    expect(text).not.toContain('幸福路88号');
  });

  it('is not served when the PDF no longer has the recorded hash', async () => {
    const decision = await decidedOnDocument();
    const repository = publication().dataSource.getRepository(DisclosureEntity);
    const disclosure = await repository.findOneByOrFail({ decisionId: decision.decisionId });
    await repository.update(
      { decisionId: decision.decisionId },
      {
        publicRecord: {
          ...disclosure.publicRecord,
          document: { ...disclosure.publicRecord.document!, sha256: 'f'.repeat(64) },
        },
      },
    );
    const answer = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(decision.decisionId)}/document`)
      .expect(502);
    expect(answer.body.code).toBe('DOCUMENT_HASH_MISMATCH');
  });

  it('is not linked when it would show a name the record masks, and a withdrawn decision’s is not served', async () => {
    const witnessed = await decidedOnDocument({ otherPersonNames: ['李四'] });
    const page = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(witnessed.decisionId)}`)
      .expect(200);
    expect(page.body.record.document).toBeUndefined();
    const unlinked = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(witnessed.decisionId)}/document`)
      .expect(404);
    expect(unlinked.body.code).toBe('DOCUMENT_NOT_PUBLISHED');

    const withdrawn = await decidedOnDocument();
    const taken = await publication().deliver(
      decisionWithdrawnEvent({
        decisionId: withdrawn.decisionId,
        caseId: withdrawn.caseId,
        agencyCode: withdrawn.agencyCode,
        kind: 'revoked',
        reason: '经行政复议，原处罚决定认定事实不清，予以撤销',
        withdrawnOn: withdrawn.decidedOn,
        region: 'national',
      }),
    );
    expect(taken).toBe(true);
    const gone = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${encodeURIComponent(withdrawn.decisionId)}/document`)
      .expect(404);
    expect(gone.body.code).toBe('DOCUMENT_NOT_PUBLISHED');
  });
});
