import type { CloudEvent } from '@lep/contracts';
import {
  agencyChanged,
  caseFiled,
  caseRef,
  decisionMade,
  decisionWithdrawn,
  disclosureCorrected,
  disclosureDeadline,
  disclosurePublished,
  disclosureWithdrawn,
  evidenceStored,
  inspectionPlan,
  inspectionResults,
  reviewCompleted,
  reviewOpened,
  stageChanged,
} from './events';

/** 兵团 → 第一师阿拉尔市 → 第一师市场监管局, plus a second 师市 that must not leak into the first's figures. */
export const BINGTUAN = 'XJBT';
export const SHI_1 = 'XJBT-01';
export const SHI_1_MARKET = 'XJBT-01-SC';
export const SHI_2 = 'XJBT-02';

export const AGENCY_EVENTS = [
  agencyChanged(BINGTUAN, '新疆生产建设兵团', '兵团本级', null),
  agencyChanged(SHI_1, '第一师阿拉尔市', '师市', BINGTUAN),
  agencyChanged(SHI_1_MARKET, '第一师市场监督管理局', '师市部门', SHI_1),
  agencyChanged(SHI_2, '第二师铁门关市', '师市', BINGTUAN),
];

const penaltyA = caseRef('A', SHI_1_MARKET, 'penalty');
const penaltyB = caseRef('B', SHI_1_MARKET, 'penalty');
const penaltyC = caseRef('C', SHI_1_MARKET, 'penalty');
const licence1 = caseRef('L1', SHI_1_MARKET, 'licensing');
const licence2 = caseRef('L2', SHI_1, 'licensing');
const otherShi = caseRef('Z', SHI_2, 'penalty');
const lastYear = caseRef('Y', SHI_1_MARKET, 'penalty');

/** A year of enforcement in 2026 (and one decision of 2025), as the other services would announce it. */
export function scriptedEvents(): CloudEvent[] {
  return [
    ...AGENCY_EVENTS,
    caseFiled(lastYear, '2025-11-03'),
    decisionMade(lastYear, 'D-Y', { decidedOn: '2025-12-30', penalty: { kinds: ['罚款'], fineYuan: 100 } }),
    caseFiled(penaltyA, '2026-01-05'),
    caseFiled(penaltyB, '2026-01-06'),
    caseFiled(penaltyC, '2026-02-02'),
    caseFiled(licence1, '2026-02-03'),
    caseFiled(licence2, '2026-02-04'),
    caseFiled(otherShi, '2026-02-05'),
    // The AV list of penaltyA's item names investigation; it was recorded (the workflow enforces it).
    stageChanged(penaltyA, 'investigating', 'notified', '2026-02-09T02:00:00Z', {
      avRequired: true,
      avRecorded: true,
    }),
    stageChanged(penaltyA, 'notified', 'hearing', '2026-02-10T02:00:00Z'),
    reviewOpened(penaltyA, 1, '2026-02-12T02:00:00Z'),
    reviewCompleted(penaltyA, 1, 'returned', '2026-02-13T02:00:00Z'),
    reviewOpened(penaltyA, 2, '2026-02-14T02:00:00Z'),
    reviewCompleted(penaltyA, 2, 'approved', '2026-02-27T02:00:00Z', true),
    // Several sanctions count once, under the heaviest: 没收违法所得 outweighs 罚款 and 警告.
    decisionMade(penaltyA, 'D-A', {
      decidedOn: '2026-03-02',
      major: true,
      penalty: { kinds: ['警告', '罚款', '没收违法所得'], fineYuan: 5000, confiscatedYuan: 1200.5 },
    }),
    decisionMade(penaltyB, 'D-B', { decidedOn: '2026-03-03', penalty: { kinds: ['罚款'], fineYuan: 2000 } }),
    decisionMade(penaltyC, 'D-C', { decidedOn: '2026-03-04', penalty: { kinds: [] } }),
    decisionMade(licence1, 'D-L1', { decidedOn: '2026-02-20', licensingGranted: true }),
    decisionMade(licence2, 'D-L2', { decidedOn: '2026-02-21', licensingGranted: false }),
    decisionMade(otherShi, 'D-Z', { decidedOn: '2026-03-05', penalty: { kinds: ['警告'] } }),
    // Decided 31 March 23:30 China time is still March; 16:30 UTC on 31 March is 1 April in China.
    stageChanged(penaltyA, 'executed', 'closed', '2026-03-31T16:30:00Z'),
    disclosurePublished('D-A', SHI_1_MARKET, 'penalty', '2026-03-05T02:00:00Z', true),
    disclosurePublished('D-B', SHI_1_MARKET, 'penalty', '2026-03-25T02:00:00Z', false),
    disclosureDeadline('overdue', 'D-C', SHI_1_MARKET, '2026-03-24T16:00:00Z'),
    decisionWithdrawn('D-B', 'B', SHI_1_MARKET, '2026-04-10'),
    disclosureWithdrawn('D-B', SHI_1_MARKET, '2026-04-11T02:00:00Z'),
    disclosureCorrected('D-A', SHI_1_MARKET, 'penalty', '2026-04-12T02:00:00Z'),
    evidenceStored('A', SHI_1_MARKET, 'video', '2026-01-20T02:00:00Z'),
    evidenceStored('A', SHI_1_MARKET, 'photo', '2026-01-20T03:00:00Z'),
    inspectionPlan('P1', SHI_1, '2026-05-06', 3),
    inspectionResults('P1', SHI_1, '2026-05-20', ['no-problem', 'problem-found', 'target-not-found']),
  ];
}

/** The 2026 totals of 第一师阿拉尔市 with everything below it, counted by hand from the script above. */
export const EXPECTED_SHI_1_ROLLUP_2026: Record<string, number> = {
  'cases.filed': 5,
  'cases.decided': 5,
  'cases.closed': 1,
  'cases.hearings': 1,
  'decisions.major': 1,
  'licensing.granted': 1,
  'licensing.refused': 1,
  'penalty.decisions': 2,
  'penalty.kind:没收违法所得': 1,
  'penalty.kind:罚款': 1,
  'penalty.no-penalty': 1,
  'penalty.fine-yuan': 7000,
  'penalty.confiscated-yuan': 1200.5,
  'review.opened': 2,
  'review.returned': 1,
  'review.approved': 1,
  'review.late': 1,
  'decisions.withdrawn:revoked': 1,
  'disclosure.on-time': 1,
  'disclosure.late': 1,
  'disclosure.overdue': 1,
  'disclosure.withdrawn': 1,
  'disclosure.corrected': 1,
  'evidence.items': 2,
  'evidence.audio-visual': 1,
  'av.stages-required': 1,
  'av.stages-recorded': 1,
  'inspection.plans': 1,
  'inspection.planned-targets': 3,
  'inspection.inspected': 2,
  'inspection.outcome:no-problem': 1,
  'inspection.outcome:problem-found': 1,
  'inspection.outcome:target-not-found': 1,
};
