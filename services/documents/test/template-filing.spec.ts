import { randomUUID } from 'node:crypto';
import { caseWorkflowId } from '@lep/contracts';
import { pdfText } from '@lep/testing';
import { DEFAULT_TEMPLATES } from '../src/templates/default-templates';
import { SAMPLE_DATA } from '../src/templates/sample-data';
import { AGENCY, CORPS_BUREAU, DIVISION_BUREAU, useDocumentsStack } from './support/documents-stack';

const CASE_ID = caseWorkflowId(AGENCY, 'SJ-2026-0400');

/** The agency's own wording of the decision: the default's fields and blocks, with a paragraph of its own. */
function ownDecision(paragraph: string) {
  const base = DEFAULT_TEMPLATES['penalty-decision'];
  const blocks = [...base.blocks];
  blocks.splice(blocks.length - 2, 0, { type: 'paragraph', text: paragraph });
  return { agencyCode: AGENCY, kind: 'penalty-decision', fields: base.fields, blocks };
}

/** An agency's own template takes effect only once its supervising justice bureau has accepted it (domain.md R2). */
describe('filing an agency’s own template with the justice bureau', () => {
  const stack = useDocumentsStack('documents_filing');
  const admin = () => stack().http(AGENCY, ['agency-admin']);
  const bureau = (code = DIVISION_BUREAU) => stack().http(code, ['leader']);
  const issue = (templateVersion?: string) =>
    stack()
      .http(AGENCY, ['handler'])
      .post('/api/v1/documents')
      .send({
        requestId: `req-${randomUUID()}`,
        caseId: CASE_ID,
        kind: 'penalty-decision',
        data: SAMPLE_DATA['penalty-decision'],
        ...(templateVersion ? { templateVersion } : {}),
      });
  let submitted = '';

  beforeAll(async () => {
    await admin().put(`/api/v1/agencies/${AGENCY}/numbering`).send({ abbreviation: '石市监' }).expect(200);
  });

  it('files the version with the 师市 justice bureau, as the registry names it', async () => {
    const answer = await admin()
      .post('/api/v1/templates')
      .send(ownDecision('本决定书依据《石河子市市场监督管理局行政处罚程序规定》制作。'))
      .expect(201);
    expect(answer.body).toMatchObject({
      id: `penalty-decision.${AGENCY}.v1`,
      status: 'submitted',
      bureauCode: DIVISION_BUREAU,
    });
    submitted = answer.body.id;
    const inbox = await bureau()
      .get(`/api/v1/template-filings?bureau=${DIVISION_BUREAU}&status=submitted`)
      .expect(200);
    expect(inbox.body.map((filing: { id: string }) => filing.id)).toEqual([submitted]);
  });

  it('refuses the agency’s version until the bureau accepts it; documents meanwhile use the platform default', async () => {
    const refused = await issue(submitted).expect(409);
    expect(refused.body.code).toBe('TEMPLATE_NOT_ACCEPTED');
    const meanwhile = await issue().expect(201);
    expect(meanwhile.body.templateVersion).toBe('penalty-decision.v1');
    const templates = await admin().get(`/api/v1/agencies/${AGENCY}/templates`).expect(200);
    const decision = templates.body.find((entry: { kind: string }) => entry.kind === 'penalty-decision');
    expect(decision.inEffect).toBe('penalty-decision.v1');
  });

  it('lets only the bureau it was filed with decide', async () => {
    const other = await bureau(CORPS_BUREAU)
      .post(`/api/v1/templates/${submitted}/acceptance`)
      .send({})
      .expect(403);
    expect(other.body.code).toBe('AGENCY_FORBIDDEN');
    const itself = await stack()
      .http(AGENCY, ['leader'])
      .post(`/api/v1/templates/${submitted}/acceptance`)
      .send({})
      .expect(403);
    expect(itself.body.code).toBe('AGENCY_FORBIDDEN');
  });

  it('uses the version once accepted, and every document names it', async () => {
    const accepted = await bureau()
      .post(`/api/v1/templates/${submitted}/acceptance`)
      .send({ recordNumber: '师司备〔2026〕3号' })
      .expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', recordNumber: '师司备〔2026〕3号' });
    const answer = await issue().expect(201);
    expect(answer.body.templateVersion).toBe(submitted);
    const pdf = await stack()
      .http(AGENCY, ['handler'])
      .get(`/api/v1/documents/${answer.body.documentId}/pdf`)
      .query({ purpose: '核对文书式样' })
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(textOf(pdf.body as Buffer)).toContain('石河子市市场监督管理局行政处罚程序规定');
    const again = await bureau().post(`/api/v1/templates/${submitted}/acceptance`).send({}).expect(409);
    expect(again.body.code).toBe('FILING_ALREADY_DECIDED');
  });

  it('keeps the accepted version when the bureau refuses a later one, and says why', async () => {
    const second = await admin().post('/api/v1/templates').send(ownDecision('（第二稿）')).expect(201);
    expect(second.body.id).toBe(`penalty-decision.${AGENCY}.v2`);
    const refused = await bureau()
      .post(`/api/v1/templates/${second.body.id}/refusal`)
      .send({ reason: '缺少听证权利告知的表述' })
      .expect(200);
    expect(refused.body).toMatchObject({ status: 'refused', refusalReason: '缺少听证权利告知的表述' });
    expect((await issue().expect(201)).body.templateVersion).toBe(submitted);
    const named = await issue(second.body.id).expect(409);
    expect(named.body.code).toBe('TEMPLATE_NOT_ACCEPTED');
  });

  it('refuses a version that drops a field of the standard set or references an undeclared one', async () => {
    const base = ownDecision('x');
    const withoutFacts = await admin()
      .post('/api/v1/templates')
      .send({ ...base, fields: base.fields.filter((field) => field.name !== 'facts') })
      .expect(400);
    expect(withoutFacts.body.violations).toContainEqual(
      expect.objectContaining({ field: 'fields', rule: 'defaultFields' }),
    );
    const undeclared = await admin()
      .post('/api/v1/templates')
      .send({ ...base, blocks: [...base.blocks, { type: 'paragraph', text: '{secretField}' }] })
      .expect(400);
    expect(undeclared.body.violations).toContainEqual(
      expect.objectContaining({ field: `blocks[${base.blocks.length}].text`, rule: 'placeholder' }),
    );
  });

  it('lets the bureau look at the version as a filled-in sample before deciding', async () => {
    const preview = await bureau()
      .get(`/api/v1/templates/${submitted}/preview`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(textOf(preview.body as Buffer)).toContain('行政处罚决定书');
    await stack().http(CORPS_BUREAU, ['leader']).get(`/api/v1/templates/${submitted}`).expect(403);
  });
});

/** The PDF's text without line breaks, spaces and page footers, which pdftotext puts where the layout has them. */
function textOf(pdf: Buffer): string {
  return pdfText(pdf)
    .replace(/\s+/g, '')
    .replace(/第\d+页共\d+页/g, '');
}
