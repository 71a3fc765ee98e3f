import { type DecisionMadeData, type DecisionWithdrawnData } from '@lep/contracts';
import { disclosureWorkflowId } from '../../../src/publication';
import {
  decisionMadeEvent,
  decisionWithdrawnEvent,
  penaltyDecision,
  residentId,
} from '../../../../services/publication/test/support/decisions';
import { until, usePublicationApp } from '../../../../services/publication/test/support/publication-app';
import { recordHistory } from './history-recorder';

/**
 * The disclosure deadline workflow's histories (disclosureDeadlineWorkflow), from the publication service's
 * harness: its modules over PostgreSQL, the registry's working-day calendar and Temporal's time-skipping server,
 * the decision delivered as its Kafka consumer would. The clock starts on 30 September 2026, the day before the
 * National Day holiday, and the scenarios run in date order.
 *
 * The consumer now stores each decision and publishes it when nothing holds it back; only a record that waits for
 * staff gets a workflow, started with the id alone: these scenarios record that shape (`-stored-by-consumer`). The
 * histories of the shapes before stay in the corpus as they were recorded (a workflow that received its decision,
 * published it at once or started a parked re-decision's workflow: the `-local-steps` files and those without a
 * suffix). Since 'disclosure-steps-on-server' the steps are server activities again: each scenario is written with
 * `-steps-on-server` after its name, next to the `-stored-by-consumer` history of the same steps as local
 * activities, which stays.
 */
const publication = usePublicationApp('replay_publication', {
  startsAt: new Date('2026-09-30T10:00:00+08:00'),
});
const HEALTH_NOTE = '当事人自述患有高血压，';

const record = (decisionId: string, scenario: string) =>
  recordHistory(
    publication().temporal.env.client,
    disclosureWorkflowId(decisionId),
    `${scenario}-steps-on-server`,
  );

const statusOf = async (decisionId: string) =>
  (
    await publication().dataSource.query(`SELECT status FROM disclosure WHERE decision_id = $1`, [decisionId])
  )[0]?.status as string | undefined;

/** A decision whose masking staff must confirm before it is published (a health note in its facts). */
function needingConfirmation(overrides: Partial<DecisionMadeData> = {}): DecisionMadeData {
  const decision = penaltyDecision(overrides);
  decision.penalty!.facts = HEALTH_NOTE + decision.penalty!.facts;
  return decision;
}

function withdrawal(decision: DecisionMadeData, kind: DecisionWithdrawnData['kind'], reason: string) {
  return decisionWithdrawnEvent({
    decisionId: decision.decisionId,
    caseId: decision.caseId,
    agencyCode: decision.agencyCode,
    kind,
    reason,
    withdrawnOn: '2026-10-08',
    region: 'national',
  });
}

const confirmMasking = (decisionId: string) =>
  publication()
    .staff(['handler'], 'BT-SC-01')
    .post(`/api/v1/disclosures/${decisionId}/masking-confirmation`)
    .expect(200);

it('a decision withdrawn while it waited for the masking confirmation', async () => {
  const decision = needingConfirmation();
  await publication().receive(decisionMadeEvent(decision));
  await publication().deliver(withdrawal(decision, 'remade', '原决定适用依据错误，已重新作出决定'));
  expect(await publication().workflows.result(decision.decisionId)).toBe('withdrawn');
  await record(decision.decisionId, 'withdrawn-before-published-stored-by-consumer');
});

it('a decision waiting for the masking confirmation, confirmed nine days later and published on time', async () => {
  const decision = needingConfirmation();
  await publication().receive(decisionMadeEvent(decision));
  await publication().temporal.env.sleep('9 days');
  await confirmMasking(decision.decisionId);
  expect(await publication().workflows.result(decision.decisionId)).toBe('published');
  await record(decision.decisionId, 'confirmed-after-nine-days-published-stored-by-consumer');
});

it('a decision never confirmed in time: warned, overdue, then confirmed and published late', async () => {
  const decision = needingConfirmation();
  await publication().receive(decisionMadeEvent(decision));
  const { env } = publication().temporal;
  for (const instant of ['2026-10-14T00:01:00+08:00', '2026-10-16T00:01:00+08:00'])
    await env.sleep(Date.parse(instant) - (await env.currentTimeMs()));
  await until(async () => (await publication().workflows.status(decision.decisionId)).overdue);
  await confirmMasking(decision.decisionId);
  expect(await publication().workflows.result(decision.decisionId)).toBe('published');
  await record(decision.decisionId, 'warned-overdue-published-late-stored-by-consumer');
});

it('a minor’s decision held for a reviewer, who upholds the block: withheld', async () => {
  // Decided on the day the clock shows, so its deadline timers lie ahead (docs/engines.md).
  const decision = penaltyDecision({
    decidedOn: '2026-10-16',
    decidedAt: '2026-10-16T02:00:00.000Z',
    party: { type: 'natural-person', name: '王小明', idType: '居民身份证', idNumber: residentId('20100315') },
  });
  await publication().receive(decisionMadeEvent(decision));
  await publication()
    .staff(['legal-reviewer'], 'BT-SC-01')
    .post(`/api/v1/disclosures/${decision.decisionId}/block-review`)
    .send({ outcome: 'uphold', opinion: '当事人系未成年人，依法不予公示' })
    .expect(200);
  await until(async () => (await statusOf(decision.decisionId)) === 'withheld');
  expect(await publication().workflows.result(decision.decisionId)).toBe('withheld');
  await record(decision.decisionId, 'minor-block-upheld-withheld-stored-by-consumer');
});
