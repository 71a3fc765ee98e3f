import { PUBLICATION_EVENT_TYPES } from '@lep/contracts';
import { DisclosureEntity } from '../src/disclosures/disclosure.entity';
import { decisionMadeEvent, decisionWithdrawnEvent, penaltyDecision } from './support/decisions';
import { outboxEvents, until, usePublicationApp } from './support/publication-app';

const publication = usePublicationApp('pub_withdrawal', { startsAt: new Date('2026-09-30T10:00:00+08:00') });

async function published(decisionId: string): Promise<void> {
  await until(async () => {
    const row = await publication().dataSource.getRepository(DisclosureEntity).findOneBy({ decisionId });
    return row?.status === 'published';
  });
}

async function eventsOf(decisionId: string) {
  return (await outboxEvents(publication().dataSource)).filter((row) => row.message_key === decisionId);
}

describe('withdrawal (domain.md P9)', () => {
  it('takes a revoked decision off the portal, showing the reason and time, due within 3 working days', async () => {
    const decision = penaltyDecision();
    await publication().deliver(decisionMadeEvent(decision));
    await published(decision.decisionId);

    const withdrawal = decisionWithdrawnEvent({
      decisionId: decision.decisionId,
      caseId: decision.caseId,
      agencyCode: decision.agencyCode,
      kind: 'revoked',
      reason: '经行政复议，原处罚决定认定事实不清，予以撤销',
      withdrawnOn: '2026-10-09',
      region: 'national',
    });
    expect(await publication().deliver(withdrawal)).toBe(true);
    // Redelivery of the same event changes nothing.
    expect(await publication().deliver(withdrawal)).toBe(false);

    const client = publication().anonymous();
    const listed = await client.get('/api/v1/public/decisions').expect(200);
    expect(listed.body.items.map((item: { decisionId: string }) => item.decisionId)).not.toContain(
      decision.decisionId,
    );
    const notice = await client.get(`/api/v1/public/decisions/${decision.decisionId}`).expect(200);
    expect(notice.body).toMatchObject({
      status: 'withdrawn',
      record: { documentNumber: decision.documentNumber, agencyName: decision.agencyName },
      withdrawal: { kind: '撤销', reason: '经行政复议，原处罚决定认定事实不清，予以撤销' },
    });
    expect(notice.body.record).not.toHaveProperty('penalty');
    const withdrawnList = await client
      .get('/api/v1/public/decisions')
      .query({ status: 'withdrawn' })
      .expect(200);
    expect(withdrawnList.body.items[0].decisionId).toBe(decision.decisionId);

    const events = await eventsOf(decision.decisionId);
    expect(events.map((row) => row.event.type)).toEqual([
      PUBLICATION_EVENT_TYPES.published,
      PUBLICATION_EVENT_TYPES.withdrawn,
    ]);
    // 10-10 is a make-up working day: 10, 12, 13.
    expect(events[1].event.data).toMatchObject({
      kind: 'revoked',
      withdrawBy: '2026-10-13',
      wasPublished: true,
    });
  });

  it('ends the deadline workflow of a decision withdrawn before it was published', async () => {
    const decision = penaltyDecision();
    decision.penalty!.facts = '当事人自述患有心脏病，' + decision.penalty!.facts;
    await publication().deliver(decisionMadeEvent(decision));
    await publication().deliver(
      decisionWithdrawnEvent({
        decisionId: decision.decisionId,
        caseId: decision.caseId,
        agencyCode: decision.agencyCode,
        kind: 'remade',
        reason: '原决定适用依据错误，已重新作出决定',
        withdrawnOn: '2026-10-08',
        region: 'national',
      }),
    );
    expect(await publication().workflows.result(decision.decisionId)).toBe('withdrawn');
    const events = await eventsOf(decision.decisionId);
    expect(events.map((row) => row.event.type)).toEqual([PUBLICATION_EVENT_TYPES.withdrawn]);
    expect(events[0].event.data).toMatchObject({ wasPublished: false });
  });
});

describe('withdrawal at any time (domain.md P9)', () => {
  it('takes down a decision annulled on 复议 months after its case was archived (time-skipped), within 3 working days, naming the source', async () => {
    const decision = penaltyDecision();
    await publication().deliver(decisionMadeEvent(decision));
    await published(decision.decisionId);

    // Half a year on: the case is archived.
    await publication().temporal.env.sleep('180 days');
    const source = {
      kind: 'reconsideration' as const,
      documentNumber: '兵司复决〔2027〕3号',
      decidedOn: '2027-03-26',
    };
    expect(
      await publication().deliver(
        decisionWithdrawnEvent({
          decisionId: decision.decisionId,
          caseId: decision.caseId,
          agencyCode: decision.agencyCode,
          kind: 'revoked',
          reason: '复议机关撤销原处罚决定',
          source,
          withdrawnOn: '2027-03-29',
          region: 'national',
        }),
      ),
    ).toBe(true);

    const client = publication().anonymous();
    const listed = await client.get('/api/v1/public/decisions').expect(200);
    expect(listed.body.items.map((item: { decisionId: string }) => item.decisionId)).not.toContain(
      decision.decisionId,
    );
    const notice = await client.get(`/api/v1/public/decisions/${decision.decisionId}`).expect(200);
    expect(notice.body).toMatchObject({
      status: 'withdrawn',
      withdrawal: {
        kind: '撤销',
        source: { kind: '行政复议决定', documentNumber: '兵司复决〔2027〕3号', decidedOn: '2027-03-26' },
      },
    });
    expect(notice.body.record).not.toHaveProperty('penalty');
    const page = await client.get(`/portal/decisions/${encodeURIComponent(decision.decisionId)}`).expect(200);
    expect(page.text.replace(/\s+/g, ' ')).toContain(
      '撤回依据：行政复议决定 兵司复决〔2027〕3号（2027-03-26）',
    );
    expect(page.text).not.toContain(decision.penalty!.legalBasis);

    const [, withdrawn] = await eventsOf(decision.decisionId);
    // Taken down on receipt; the limit recorded is the third working day after 2027-03-29 (a Monday): 04-01.
    expect(withdrawn.event).toMatchObject({
      type: PUBLICATION_EVENT_TYPES.withdrawn,
      data: { kind: 'revoked', source, withdrawBy: '2027-04-01', wasPublished: true },
    });
  });

  it('publishes the re-made decision as a new one that names the decision it replaces', async () => {
    const original = penaltyDecision();
    await publication().deliver(decisionMadeEvent(original));
    await published(original.decisionId);
    await publication().deliver(
      decisionWithdrawnEvent({
        decisionId: original.decisionId,
        caseId: original.caseId,
        agencyCode: original.agencyCode,
        kind: 'remade',
        reason: '法院判决责令重新作出',
        source: { kind: 'judgment', documentNumber: '（2027）兵0101行初5号', decidedOn: '2027-03-20' },
        withdrawnOn: '2027-03-29',
        region: 'national',
      }),
    );
    const remade = penaltyDecision({
      caseId: original.caseId,
      caseNumber: original.caseNumber,
      decisionId: `${original.caseId}-D2`,
      replacesDecisionId: original.decisionId,
    });
    await publication().deliver(decisionMadeEvent(remade));
    await published(remade.decisionId);

    const client = publication().anonymous();
    const shown = await client.get(`/api/v1/public/decisions/${remade.decisionId}`).expect(200);
    expect(shown.body).toMatchObject({
      status: 'published',
      record: { replacesDecisionId: original.decisionId },
    });
    const page = await client.get(`/portal/decisions/${encodeURIComponent(remade.decisionId)}`).expect(200);
    expect(page.text).toContain('本决定系重新作出');
    expect(page.text).toContain(`href="/portal/decisions/${encodeURIComponent(original.decisionId)}"`);
    const [published_] = await eventsOf(remade.decisionId);
    expect(published_.event.data).toMatchObject({ record: { replacesDecisionId: original.decisionId } });
  });
});

describe('correction (domain.md P4)', () => {
  it('corrects a published record, re-masks it, keeps every version and emits a corrected event', async () => {
    const decision = penaltyDecision();
    await publication().deliver(decisionMadeEvent(decision));
    await published(decision.decisionId);

    const staff = publication().staff(['handler'], 'BT-SC-01', 'handler-7');
    const corrected = await staff
      .post(`/api/v1/disclosures/${decision.decisionId}/corrections`)
      .send({
        reason: '罚款金额笔误',
        content: '警告，并处罚款人民币3000元。当事人张三丰联系电话13800138000。',
        displayUntil: '2027-03-31',
      })
      .expect(200);
    expect(corrected.body).toMatchObject({ version: 2, displayUntil: '2027-03-31', status: 'published' });

    const shown = await publication()
      .anonymous()
      .get(`/api/v1/public/decisions/${decision.decisionId}`)
      .expect(200);
    expect(shown.body.version).toBe(2);
    expect(shown.body.record.penalty.content).toMatch(
      /^警告，并处罚款人民币3000元。当事人张某联系电话\S+。$/,
    );
    expect(shown.body.record.penalty.content).not.toContain('13800138000');
    expect(shown.body.record.displayUntil).toBe('2027-03-31');

    const versions = await staff.get(`/api/v1/disclosures/${decision.decisionId}/versions`).expect(200);
    expect(
      versions.body.map((version: { version: number; reason: string; changedBy: string }) => [
        version.version,
        version.reason,
        version.changedBy,
      ]),
    ).toEqual([
      [1, '首次公示', 'system'],
      [2, '罚款金额笔误', 'handler-7'],
    ]);
    expect(versions.body[0].publicRecord.penalty.content).toContain('5000元');

    const events = await eventsOf(decision.decisionId);
    expect(events.map((row) => [row.event.type, row.id])).toEqual([
      [PUBLICATION_EVENT_TYPES.published, `${decision.decisionId}:published:v1`],
      [PUBLICATION_EVENT_TYPES.corrected, `${decision.decisionId}:corrected:v2`],
    ]);
  });

  it('rejects a correction without a reason (400 naming the field) and keeps the record unchanged', async () => {
    const decision = penaltyDecision();
    await publication().deliver(decisionMadeEvent(decision));
    await published(decision.decisionId);
    const response = await publication()
      .staff(['handler'], 'BT-SC-01')
      .post(`/api/v1/disclosures/${decision.decisionId}/corrections`)
      .send({ content: '新内容' })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.violations.map((violation: { field: string }) => violation.field)).toContain(
      'reason',
    );
    const row = await publication().dataSource.getRepository(DisclosureEntity).findOneByOrFail({
      decisionId: decision.decisionId,
    });
    expect(row.version).toBe(1);
  });
});
