import { randomUUID } from 'node:crypto';
import { caseSignals, type CaseState } from '@lep/contracts';
import { TemporalClient } from '@lep/nest-kit';
import { penaltyDraft } from '@lep/testing';
import type { CaseTestApp, Staff } from './case-app';
import { eventually, type CaseWorker } from './case-worker';
import { startBody } from './fixtures';

const AGENCY = 'BT01';

/** The steps a case takes over HTTP in these tests, for one app, its worker and the handler who acts. */
export function caseJourney(app: () => CaseTestApp, worker: () => CaseWorker, handler: () => Staff) {
  const today = () => new Date().toISOString().slice(0, 10);
  const request = () => `req-${randomUUID()}`;

  function newCase(caseNumber: string, overrides: Record<string, unknown> = {}) {
    return startBody(AGENCY, caseNumber, {
      filedOn: today(),
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

  return { newCase, caseState, investigating, draftBody, request };
}
