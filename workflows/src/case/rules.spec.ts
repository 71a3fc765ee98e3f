import {
  CASE_ERROR_CODES,
  REVIEW_CHECKLIST,
  type CaseState,
  type EvidenceLink,
  type ReviewCompletion,
  type ReviewRoundState,
} from '@lep/contracts';
import {
  avRequiredStages,
  avViolationOnLeaving,
  checklistViolation,
  decisionDateViolation,
  decisionViolation,
  stagesLackingAv,
  stageViolation,
} from './rules';

const evidence = (kind: string, stage: string): EvidenceLink => ({
  evidenceId: `${kind}-${stage}`,
  sha256: '0'.repeat(64),
  kind,
  stage,
  capturedBy: 'h1',
  storedAt: '2026-10-09T00:00:00Z',
});

function caseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    caseId: 'case-BT01.1',
    agencyCode: 'BT01',
    caseNumber: '1',
    itemCode: 'P-001',
    category: 'penalty',
    title: 't',
    status: 'open',
    refusalReasons: [],
    stage: 'legal-review',
    handlerIds: ['h1', 'h2'],
    major: true,
    majorReasons: ['x'],
    draft: { hash: 'draft-2', documentNumber: 'n', submittedAt: '', version: 2 },
    reviewRounds: [],
    deadlines: [],
    overdue: false,
    evidence: [],
    missingAv: [],
    recordEntries: 0,
    ...overrides,
  };
}

const round = (overrides: Partial<ReviewRoundState>): ReviewRoundState => ({
  round: 1,
  taskId: 't1',
  draftHash: 'draft-2',
  dueAt: '',
  extended: false,
  escalated: false,
  ...overrides,
});

describe('the hard rule of legal review (domain.md L1)', () => {
  it.each([
    ['no review yet', [], CASE_ERROR_CODES.reviewNotApproved],
    ['a review still open', [round({})], CASE_ERROR_CODES.reviewNotApproved],
    ['a returned review', [round({ outcome: 'returned' })], CASE_ERROR_CODES.reviewNotApproved],
    ['a refused review', [round({ outcome: 'not-approved' })], CASE_ERROR_CODES.reviewNotApproved],
    [
      'an approval of an earlier draft',
      [round({ outcome: 'approved', draftHash: 'draft-1' })],
      CASE_ERROR_CODES.reviewNotApproved,
    ],
    [
      'an earlier approval followed by a returned round',
      [round({ outcome: 'approved' }), round({ round: 2, outcome: 'returned' })],
      CASE_ERROR_CODES.reviewNotApproved,
    ],
    [
      'a dispute upheld by the head',
      [round({ outcome: 'returned', dispute: { reason: 'r', taskId: 'c', ruling: 'uphold' } })],
      CASE_ERROR_CODES.reviewNotApproved,
    ],
  ])('refuses a major decision after %s', (_case, rounds, code) => {
    expect(decisionViolation(caseState({ reviewRounds: rounds }), 'draft-2')?.code).toBe(code);
  });

  it.each([
    ['an approval of exactly this draft', [round({ outcome: 'approved' })]],
    [
      'a returned round and an approved second',
      [round({ outcome: 'returned', draftHash: 'draft-1' }), round({ round: 2, outcome: 'approved' })],
    ],
    [
      'a dispute the head overruled',
      [round({ outcome: 'returned', dispute: { reason: 'r', taskId: 'c', ruling: 'overrule' } })],
    ],
  ])('allows a major decision after %s', (_case, rounds) => {
    expect(decisionViolation(caseState({ reviewRounds: rounds }), 'draft-2')).toBeUndefined();
  });

  it('refuses any decision that names another draft than the current one', () => {
    expect(decisionViolation(caseState({ major: false }), 'draft-1')?.code).toBe(
      CASE_ERROR_CODES.draftMismatch,
    );
    expect(decisionViolation(caseState({ draft: undefined }), 'draft-2')?.code).toBe(
      CASE_ERROR_CODES.wrongStage,
    );
  });

  it('needs no review for a decision that is not major', () => {
    expect(decisionViolation(caseState({ major: false }), 'draft-2')).toBeUndefined();
  });
});

describe('the date on the 决定书 (domain.md L1a)', () => {
  const on = { today: '2026-12-04', filedOn: '2026-11-02' };
  // Approved at 2026-11-20T17:30Z, which is already 21 November in China.
  const approvedLateEvening = round({ outcome: 'approved', completedAt: '2026-11-20T17:30:00Z' });
  const major = caseState({ reviewRounds: [approvedLateEvening] });
  const minor = caseState({ major: false, majorReasons: [] });

  it.each([
    ['today', minor, '2026-12-04'],
    ['the filing day', minor, '2026-11-02'],
    ['a day in between, entered late', minor, '2026-11-15'],
    ['the China day the review was approved', major, '2026-11-21'],
    ['after the approval', major, '2026-12-01'],
  ])('accepts %s', (_case, state, decidedOn) => {
    expect(decisionDateViolation(state, decidedOn, on)).toBeUndefined();
  });

  it.each([
    ['tomorrow', minor, '2026-12-05', '晚于今天（2026-12-04）'],
    ['next year', minor, '2027-01-01', '晚于今天'],
    ['the day before filing', minor, '2026-11-01', '早于立案日期 2026-11-02'],
    [
      'the UTC day of the approval, a China day earlier',
      major,
      '2026-11-20',
      '早于法制审核意见作出的日期 2026-11-21',
    ],
    ['before the approval', major, '2026-11-10', '重大执法决定须在审核通过后作出'],
  ])('refuses %s, saying why', (_case, state, decidedOn, message) => {
    const violation = decisionDateViolation(state, decidedOn, on);
    expect(violation?.code).toBe(CASE_ERROR_CODES.decisionDateInvalid);
    expect(violation?.message).toContain(message);
  });

  it('reads the approval of the latest round only', () => {
    const rounds = [
      round({ outcome: 'returned', completedAt: '2026-11-05T02:00:00Z' }),
      round({ round: 2, outcome: 'approved', completedAt: '2026-11-25T02:00:00Z' }),
    ];
    expect(decisionDateViolation(caseState({ reviewRounds: rounds }), '2026-11-10', on)?.code).toBe(
      CASE_ERROR_CODES.decisionDateInvalid,
    );
  });
});

describe('audio-visual recording (domain.md R3/R4)', () => {
  it('requires the listed stages, and every on-site stage for full-process recording', () => {
    expect(avRequiredStages(null)).toEqual([]);
    expect(
      avRequiredStages({ itemCode: 'P', stages: ['investigating', '现场检查'], fullProcess: false }),
    ).toEqual(['investigating']);
    expect(avRequiredStages({ itemCode: 'P', stages: ['decided'], fullProcess: true }).sort()).toEqual(
      ['decided', 'executed', 'hearing', 'investigating', 'served'].sort(),
    );
  });

  it.each([
    ['no evidence', [], ['investigating']],
    ['only a photo', [evidence('photo', 'investigating')], ['investigating']],
    ['a video of another stage', [evidence('video', 'served')], ['investigating']],
    ['a video', [evidence('video', 'investigating')], []],
    ['an audio recording', [evidence('audio', 'investigating')], []],
  ])('with %s the investigation lacks %j', (_case, items, lacking) => {
    expect(stagesLackingAv(['investigating'], items)).toEqual(lacking);
    expect(avViolationOnLeaving('investigating', ['investigating'], items)?.code).toBe(
      lacking.length ? CASE_ERROR_CODES.avMissing : undefined,
    );
  });

  it('lets a stage the list does not name be left without recording', () => {
    expect(avViolationOnLeaving('drafting', ['investigating'], [])).toBeUndefined();
  });
});

describe('the review checklist (domain.md L4/L5)', () => {
  const completion = (
    outcome: ReviewCompletion['outcome'],
    failing: string[],
    opinion = '意见',
  ): ReviewCompletion => ({
    taskId: 't',
    reviewer: { id: 'r', role: 'legal-reviewer', agencyCode: 'BT01' },
    checklist: Object.fromEntries(
      REVIEW_CHECKLIST.map((item) => [item, { passed: !failing.includes(item) }]),
    ) as ReviewCompletion['checklist'],
    opinion,
    outcome,
  });

  it.each([
    ['approved', [], undefined],
    ['approved', ['procedure'], CASE_ERROR_CODES.checklistInconsistent],
    ['returned', [], CASE_ERROR_CODES.checklistInconsistent],
    ['returned', ['facts-and-evidence'], undefined],
    ['not-approved', ['authority', 'criminal-referral'], undefined],
  ] as const)('an opinion "%s" with problems %j', (outcome, failing, code) => {
    expect(checklistViolation(completion(outcome, [...failing]))?.code).toBe(code);
  });

  it('wants all 8 points answered and a written opinion', () => {
    const partial = completion('approved', []);
    delete (partial.checklist as Partial<ReviewCompletion['checklist']>)['criminal-referral'];
    expect(checklistViolation(partial)?.message).toContain('共 8 项');
    expect(checklistViolation(completion('approved', [], '  '))?.message).toBe('须出具书面审核意见');
  });
});

describe('stage rules', () => {
  it('names the current and the allowed stages in Chinese', () => {
    expect(stageViolation(caseState({ stage: 'investigating' }), ['drafting'], '告知当事人')?.message).toBe(
      '案件处于「调查取证」环节，告知当事人只能在「审查」环节进行',
    );
    expect(stageViolation(caseState({ status: 'archived' }), ['drafting'], '送达')?.code).toBe(
      CASE_ERROR_CODES.caseClosed,
    );
  });
});
