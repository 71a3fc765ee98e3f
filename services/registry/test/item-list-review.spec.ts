import { REGISTRY_EVENT_TYPES } from '@lep/contracts';
import { agencyBody, ENFORCEMENT_ITEM } from './support/fixtures';
import { outboxEvents, useRegistryApp } from './support/registry-app';

const LICENSING_ITEM = {
  code: 'L-001',
  name: '食品经营许可',
  category: 'licensing',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  procedure: '申请、受理、审查、决定',
  statutoryWorkingDays: 20,
  promisedWorkingDays: 10,
  acceptingBody: '第八师石河子市政务服务中心市场监管窗口',
  approvingBody: '第八师石河子市市场监督管理局',
  serviceGuide: '申请材料：食品经营许可申请书、营业执照复印件……',
};

/**
 * 编制《行政执法事项清单》…经本机关法制机构审核后予以公示 (S二(二)3 事前; domain.md P5): a list is submitted by
 * the agency admin, reviewed by the legal review body the agency names, and only then published.
 */
describe('the legal review of an enforcement item list before it is published', () => {
  const registry = useRegistryApp('registry_item_list_review');
  const admin = () => registry().client();
  const bureauAdmin = () =>
    registry().client({ roles: ['agency-admin'], agency: 'BT-8-SJ', subject: 'admin-sj' });
  const reviewer = (agency = 'BT-8-SF', subject = 'reviewer-sf') =>
    registry().client({ roles: ['legal-reviewer'], agency, subject });
  const submissions = '/api/v1/agencies/BT-8-SJ/enforcement-items/submissions';
  const published = async () =>
    (await outboxEvents(registry().dataSource, REGISTRY_EVENT_TYPES.itemListPublished)).filter(
      (row) => row.event.data.agencyCode === 'BT-8-SJ',
    );
  const submit = async (items: object[]) =>
    (await bureauAdmin().post('/api/v1/agencies/BT-8-SJ/enforcement-items').send({ items }).expect(201))
      .body as { id: string; status: string };

  beforeAll(async () => {
    await admin().post('/api/v1/agencies').send(agencyBody('BT')).expect(201);
    await admin().post('/api/v1/agencies').send(agencyBody('BT-8', 'BT')).expect(201);
    await admin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-8-SF', 'BT-8', { level: 'department', justiceBureau: true }))
      .expect(201);
    // The market bureau's list is reviewed by the division's justice bureau, as a small body's often is.
    await admin()
      .post('/api/v1/agencies')
      .send(
        agencyBody('BT-8-SJ', 'BT-8', {
          level: 'department',
          legalReviewBody: { name: '第八师司法局法制审核科', agencyCode: 'BT-8-SF' },
        }),
      )
      .expect(201);
  });

  it('publishes nothing on submission: the list waits for its review body', async () => {
    const submission = await submit([ENFORCEMENT_ITEM]);
    expect(submission).toMatchObject({
      status: 'submitted',
      basedOnVersion: null,
      submittedBy: 'staff:admin-sj',
      reviewBody: { name: '第八师司法局法制审核科', agencyCode: 'BT-8-SF' },
    });
    const answer = await admin().get('/api/v1/agencies/BT-8-SJ/enforcement-items').expect(404);
    expect(answer.body.code).toBe('ITEM_LIST_NOT_FOUND');
    expect(await published()).toEqual([]);
    // The review body sees what waits for it; another division's staff do not.
    const waiting = await reviewer().get(submissions).query({ status: 'submitted' }).expect(200);
    expect(waiting.body.map((row: { id: string }) => row.id)).toEqual([submission.id]);
    await registry()
      .client({ roles: ['legal-reviewer'], agency: 'BT-1' })
      .get(submissions)
      .expect(403);
  });

  it('lets only a legal reviewer of the review body decide, and refuses without a reason', async () => {
    const [open] = (await reviewer().get(submissions).query({ status: 'submitted' }).expect(200)).body;
    const ownReviewer = await reviewer('BT-8-SJ')
      .post(`${submissions}/${open.id}/approval`)
      .send({})
      .expect(403);
    expect(ownReviewer.body.code).toBe('AGENCY_FORBIDDEN');
    expect(ownReviewer.body.message).toContain('第八师司法局法制审核科');
    const handler = await registry()
      .client({ roles: ['handler'], agency: 'BT-8-SF' })
      .post(`${submissions}/${open.id}/approval`)
      .send({})
      .expect(403);
    expect(handler.body.code).toBe('ROLE_FORBIDDEN');
    const noReason = await reviewer().post(`${submissions}/${open.id}/refusal`).send({}).expect(400);
    expect(noReason.body.violations[0].field).toBe('reason');
    expect(await published()).toEqual([]);
  });

  it('sends a list back with the reviewer’s reason; a refused list is never published', async () => {
    const [open] = (await reviewer().get(submissions).query({ status: 'submitted' }).expect(200)).body;
    const refused = await reviewer()
      .post(`${submissions}/${open.id}/refusal`)
      .send({ reason: '缺少行政许可事项，实施依据条款需具体到条' })
      .expect(200);
    expect(refused.body).toMatchObject({
      status: 'refused',
      reviewedBy: 'staff:reviewer-sf',
      opinion: '缺少行政许可事项，实施依据条款需具体到条',
    });
    const again = await reviewer().post(`${submissions}/${open.id}/approval`).send({}).expect(409);
    expect(again.body.code).toBe('SUBMISSION_NOT_PENDING');
    await admin().get('/api/v1/agencies/BT-8-SJ/enforcement-items').expect(404);
  });

  it('reviews the newest submission: an earlier one still waiting is superseded', async () => {
    const first = await submit([ENFORCEMENT_ITEM]);
    const second = await submit([ENFORCEMENT_ITEM, LICENSING_ITEM]);
    const replaced = await reviewer().get(`${submissions}/${first.id}`).expect(200);
    expect(replaced.body).toMatchObject({ status: 'superseded', supersededBy: second.id });
    expect(
      (await reviewer().post(`${submissions}/${first.id}/approval`).send({}).expect(409)).body.code,
    ).toBe('SUBMISSION_NOT_PENDING');
  });

  it('publishes the approved list as the next version, with its review disclosed, every step audited', async () => {
    const [open] = (await reviewer().get(submissions).query({ status: 'submitted' }).expect(200)).body;
    const approved = await reviewer()
      .post(`${submissions}/${open.id}/approval`)
      .send({ opinion: '事项、依据、程序和时限合法' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', publishedVersion: 1 });

    const list = await admin().get('/api/v1/agencies/BT-8-SJ/enforcement-items').expect(200);
    expect(list.body.version).toBe(1);
    expect(list.body.content.items[1]).toEqual(LICENSING_ITEM);
    const review = {
      submissionId: open.id,
      submittedBy: 'staff:admin-sj',
      reviewBody: { name: '第八师司法局法制审核科', agencyCode: 'BT-8-SF' },
      reviewedBy: 'staff:reviewer-sf',
      opinion: '事项、依据、程序和时限合法',
    };
    expect(list.body.review).toMatchObject(review);
    const [event] = await published();
    expect(event!.event.data).toMatchObject({ version: 1, review });
    expect(event!.message_key).toBe('BT-8-SJ');

    const audited: { content: { path: string; status: number; actor: { subject: string } } }[] =
      await registry().dataSource.query(`SELECT content FROM audit_entry ORDER BY sequence`);
    const steps = audited
      .map((row) => row.content)
      .filter((entry) => entry.path.includes('/BT-8-SJ/enforcement-items') && entry.status < 300)
      .map((entry) => `${entry.actor.subject} ${entry.path.split('/').slice(-1)[0]} ${entry.status}`);
    expect(steps).toEqual([
      'admin-sj enforcement-items 201',
      'reviewer-sf refusal 200',
      'admin-sj enforcement-items 201',
      'admin-sj enforcement-items 201',
      'reviewer-sf approval 200',
    ]);
  });

  it('never lets the person who submitted a list review it', async () => {
    // A small body whose own legal office reviews, and an officer holding both roles.
    await admin()
      .post('/api/v1/agencies')
      .send(agencyBody('BT-9', 'BT', { legalReviewBody: { name: '法制科', agencyCode: 'BT-9' } }))
      .expect(201);
    const both = registry().client({
      roles: ['agency-admin', 'legal-reviewer'],
      agency: 'BT-9',
      subject: 'both-roles',
    });
    const submitted = await both
      .post('/api/v1/agencies/BT-9/enforcement-items')
      .send({ items: [ENFORCEMENT_ITEM] })
      .expect(201);
    const answer = await both
      .post(`/api/v1/agencies/BT-9/enforcement-items/submissions/${submitted.body.id}/approval`)
      .send({})
      .expect(409);
    expect(answer.body.code).toBe('REVIEWER_IS_SUBMITTER');
    await reviewer('BT-9', 'another-reviewer')
      .post(`/api/v1/agencies/BT-9/enforcement-items/submissions/${submitted.body.id}/approval`)
      .send({})
      .expect(200);
  });
});
