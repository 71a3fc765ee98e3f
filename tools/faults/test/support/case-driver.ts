import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { chinaDateOf } from '@lep/calendar';
import { caseWorkflowId, REVIEW_CHECKLIST, reviewWorkflowId, type CaseState } from '@lep/contracts';
import { CASE_AGENCY, CASE_PENALTY_ITEM, penaltyDraft } from '@lep/testing';
import { AgencyClient, eventually } from './agency-client';

/** What one case's inputs are, and so what the system must end up holding for it. */
export interface CasePlan {
  caseNumber: string;
  caseId: string;
  /** Filed with a handler whose certificate expired: the registry checks refuse it. */
  refused: boolean;
  /** A fine of ¥10,000 or more on a natural person: major, so legal review through the task inbox. */
  major: boolean;
  fineYuan: number;
  /** A photo besides the video the AV list requires. */
  photo: boolean;
  /** Served after the decision. */
  served: boolean;
}

/** What the driver did for a case: the evidence the service acknowledged and the decision it made. */
export interface CaseOutcome {
  plan: CasePlan;
  evidence: { id: string; sha256: string; size: number }[];
  decisionId?: string;
}

export interface Clients {
  system: AgencyClient;
  handler: AgencyClient;
  reviewer: AgencyClient;
  evidence: AgencyClient;
}

export interface People {
  handlers: [string, string];
  reviewer: string;
  expiredHandler: string;
}

const CHECKLIST_PASSED = Object.fromEntries(REVIEW_CHECKLIST.map((item) => [item, { passed: true }]));

const PARTY = {
  type: 'natural-person',
  name: '张三',
  idType: '居民身份证',
  idNumber: '11010519491231002X',
};

/** The n-th case of a run: a mix of refused, major and minor penalty cases, some with more evidence. */
export function planCase(run: string, n: number): CasePlan {
  const caseNumber = `FAULT-${run}-${String(n).padStart(4, '0')}`;
  const refused = n % 20 === 7;
  const major = n % 3 === 0 && !refused;
  return {
    caseNumber,
    caseId: caseWorkflowId(CASE_AGENCY, caseNumber),
    refused,
    major,
    fineYuan: major ? 20_000 + n : 500 + n,
    photo: n % 5 === 0,
    served: n % 2 === 0,
  };
}

/** Drives one case from filing to its decision (and service), the way the agency's systems and staff do. */
export async function driveCase(plan: CasePlan, clients: Clients, people: People): Promise<CaseOutcome> {
  const outcome: CaseOutcome = { plan, evidence: [] };
  const cases = `/api/v1/cases/${plan.caseId}`;
  const started = await clients.system.request('POST', '/api/v1/cases', {
    agencyCode: CASE_AGENCY,
    caseNumber: plan.caseNumber,
    itemCode: CASE_PENALTY_ITEM,
    title: '张三销售不合格电热水壶案',
    filedOn: chinaDateOf(Date.now()),
    handlerIds: plan.refused ? [people.handlers[0], people.expiredHandler] : people.handlers,
    parties: [PARTY],
    otherPersonNames: ['李四'],
  });
  if (started.status !== 201 && started.status !== 200)
    throw new Error(`filing ${plan.caseId} → ${started.status}: ${JSON.stringify(started.body)}`);

  const state = () => caseState(clients.handler, plan.caseId);
  const filed = await eventually(
    state,
    (s) => s?.status === 'refused' || s?.stage === 'investigating',
    `filing of ${plan.caseId}`,
  );
  if (plan.refused) {
    if (filed?.status !== 'refused') throw new Error(`${plan.caseId} was not refused`);
    return outcome;
  }

  outcome.evidence.push(await uploadEvidence(clients.evidence, plan.caseId, 'video', people.handlers[0]));
  if (plan.photo)
    outcome.evidence.push(await uploadEvidence(clients.evidence, plan.caseId, 'photo', people.handlers[1]));
  // The evidence service tells the worker over Kafka; the worker links it into the case.
  await eventually(
    state,
    (s) => outcome.evidence.every((item) => s?.evidence.some((linked) => linked.evidenceId === item.id)),
    `evidence linked into ${plan.caseId}`,
  );

  await clients.handler.ok('POST', `${cases}/draft-decision`, {
    requestId: randomUUID(),
    // A 文号 of its own per case, as an agency numbers its decisions.
    ...penaltyDraft(plan.fineYuan, { documentNumber: `阿市监罚〔2026〕${plan.fineYuan}号` }),
  });
  await clients.handler.ok('POST', `${cases}/notice`, { requestId: randomUUID(), hearingRights: false });
  if (plan.major) {
    await clients.handler.ok('POST', `${cases}/review-submission`, { requestId: randomUUID() });
    await review(clients.reviewer, plan.caseId);
    await eventually(state, (s) => s?.reviewRounds[0]?.outcome === 'approved', `approval of ${plan.caseId}`);
  }
  const drafted = await state();
  // The head decides (domain.md L6a); the agency's own system enters it.
  const decided = await clients.system.ok<{ state: CaseState }>('POST', `${cases}/decision`, {
    requestId: randomUUID(),
    draftHash: drafted?.draft?.hash,
    decidedOn: chinaDateOf(Date.now()),
  });
  outcome.decisionId = decided.state.decision?.decisionId;
  if (plan.served)
    await clients.handler.ok('POST', `${cases}/service`, { requestId: randomUUID(), note: '直接送达' });
  return outcome;
}

/** The case as staff read it; nothing yet (or an answer that is not 200) reads as null. */
export async function caseState(client: AgencyClient, caseId: string): Promise<CaseState | null> {
  const answer = await client.request<{ state: CaseState | null }>('GET', `/api/v1/cases/${caseId}`);
  return answer.status === 200 ? answer.body.state : null;
}

/**
 * The legal reviewer finds the round in the inbox, claims it and approves. The completion is one request id,
 * retried as is: a retry of a completion that was applied must be answered 200, never "not open".
 */
async function review(reviewer: AgencyClient, caseId: string): Promise<void> {
  const taskId = reviewWorkflowId(caseId, 1);
  await eventually(
    () => findTask(reviewer, taskId),
    (task) => task !== undefined,
    `the review task of ${caseId}`,
  );
  await reviewer.ok('POST', `/api/v1/tasks/${taskId}/claim`);
  const completion = {
    requestId: randomUUID(),
    checklist: CHECKLIST_PASSED,
    opinion: '事实清楚，证据确凿，程序合法，裁量适当，同意按草案作出决定。',
    outcome: 'approved',
  };
  await reviewer.ok('POST', `/api/v1/tasks/${taskId}/complete`, completion);
}

interface TaskView {
  taskId: string;
}

async function findTask(reviewer: AgencyClient, taskId: string): Promise<TaskView | undefined> {
  for (let page = 1; ; page += 1) {
    const { items, total } = await reviewer.ok<{ items: TaskView[]; total: number }>(
      'GET',
      `/api/v1/tasks?role=legal-reviewer&pageSize=100&page=${page}`,
    );
    const found = items.find((task) => task.taskId === taskId);
    if (found || page * 100 >= total) return found;
  }
}

async function uploadEvidence(
  client: AgencyClient,
  caseId: string,
  kind: 'video' | 'photo',
  capturedBy: string,
): Promise<CaseOutcome['evidence'][number]> {
  const content = randomBytes(kind === 'video' ? 96 * 1024 : 24 * 1024);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const answer = await client.upload<{ id: string; sha256: string; size: number }>(
    `/api/v1/cases/${caseId}/evidence`,
    {
      stage: 'investigating',
      kind,
      capturedAt: new Date().toISOString(),
      capturedBy,
      device: '执法记录仪 DSJ-08',
      confidentiality: 'internal',
      sha256,
      // Retries carry the same request id, so a lost answer never stores the item twice.
      requestId: `evidence-${randomUUID()}`,
    },
    {
      name: kind === 'video' ? 'DSJ_0815.mp4' : 'IMG_0815.jpg',
      type: kind === 'video' ? 'video/mp4' : 'image/jpeg',
      content,
    },
  );
  if (answer.status !== 201)
    throw new Error(`evidence for ${caseId} → ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.id, sha256, size: content.length };
}
