import { randomUUID } from 'node:crypto';
import { caseSignals, type CaseState } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { penaltyDraft } from '@lep/testing';
import type { CaseTestApp, Staff } from './case-app';
import { eventually, startCaseWorker, type CaseWorker } from './case-worker';
import { chinaToday, startBody } from './fixtures';

const AGENCY = 'BT01';

/** The steps a case takes over HTTP in these tests, for one app, its worker and the handler who acts. */
export function caseJourney(app: () => CaseTestApp, worker: () => CaseWorker, handler: () => Staff) {
  const request = () => `req-${randomUUID()}`;

  function newCase(caseNumber: string, overrides: Record<string, unknown> = {}) {
    return startBody(AGENCY, caseNumber, {
      // The day in China, as agencies date their cases: between 00:00 and 08:00 it is not the UTC date.
      filedOn: chinaToday(),
      handlerIds: worker().people.handlers,
      parties: [
        { type: 'natural-person', name: '张三', idType: '居民身份证', idNumber: '11010519491231002X' },
      ],
      ...overrides,
    });
  }

  async function caseState(caseId: string): Promise<CaseState> {
    return (await app().staff(handler()).get(`/api/v1/cases/${caseId}`)).body.state;
  }

  async function investigating(caseId: string): Promise<void> {
    await eventually(
      () => caseState(caseId),
      (state) => state?.stage === 'investigating',
      'filing',
    );
    // The evidence service links the video the AV list requires; case-api has no route for it.
    await app()
      .app.get(TemporalClient)
      .client.workflow.getHandle(caseId)
      .signal(caseSignals.evidenceStored, {
        evidenceId: `video-${caseId}`,
        sha256: 'ab'.repeat(32),
        kind: 'video',
        stage: 'investigating',
        capturedBy: handler().sub as string,
        storedAt: new Date().toISOString(),
        size: 4_096,
      });
    await eventually(
      () => caseState(caseId),
      (state) => state.evidence.length === 1,
      'the video linked',
    );
  }

  function draftBody(fineYuan: number) {
    return { requestId: request(), ...penaltyDraft(fineYuan) };
  }

  /** A decided case taken through 送达, 执行, 结案 and 归档 by its handler; the case's state after the last. */
  async function archived(caseId: string): Promise<CaseState> {
    let state: CaseState | undefined;
    for (const action of ['service', 'execution', 'closure', 'archive'])
      state = (
        await app()
          .staff(handler())
          .post(`/api/v1/cases/${caseId}/${action}`)
          .send({ requestId: request(), note: '依法办理' })
      ).body.state;
    return state as CaseState;
  }

  return { newCase, caseState, investigating, draftBody, request, archived };
}

/**
 * The worker (with the registry it asks, and the documents services when asked for) started before a test file's
 * tests and stopped after them, the agency's handler, principal leader and legal reviewer as staff, and the
 * journey's steps acted by that handler. Call it after useCaseApp, whose database the worker writes. Each staff's
 * `sub` is the registered person's id, read when a test uses it, once the worker is up.
 */
export function useCaseWorker(app: () => CaseTestApp, options: { documents?: boolean } = {}) {
  let started: CaseWorker | undefined;
  beforeAll(
    async () => {
      started = await startCaseWorker(app().databaseUrl, options);
      // The documents service and the evidence service it stores PDFs in start too when asked for.
    },
    options.documents ? 180_000 : 120_000,
  );
  afterAll(() => started?.stop());
  const worker = (): CaseWorker => {
    if (!started) throw new Error('the case worker is not started yet: use it inside a test or a hook');
    return started;
  };
  const person = (role: Staff['roles'][number], sub: (people: CaseWorker['people']) => string): Staff => ({
    get sub() {
      return sub(worker().people);
    },
    roles: [role],
    agency: AGENCY,
  });
  const handler = person('handler', (people) => people.handlers[0]);
  /** The agency's principal leader (主要负责人): decides, extends reviews, and alone overrules a failed review. */
  const head = person('leader', (people) => people.principalLeader);
  const reviewer = person('legal-reviewer', (people) => people.reviewer);
  return { worker, handler, head, reviewer, ...caseJourney(app, worker, () => handler) };
}
