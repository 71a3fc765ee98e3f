/**
 * Kafka topics of the platform, named `lep.<bounded context>.<event family>.v<schema major>`.
 * Partition counts are the ones the test harness and the compose init step create; events are keyed by the
 * aggregate id named in `key` so that every event of one aggregate stays in order on one partition.
 */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly key: string;
  readonly description: string;
}

export const TOPICS = {
  caseLifecycle: {
    name: 'lep.case.lifecycle.v1',
    partitions: 6,
    key: 'caseId',
    description: 'Case filed, stage changed, deadline fired, closed and archived (案件生命周期)',
  },
  caseDecision: {
    name: 'lep.case.decision.v1',
    partitions: 6,
    key: 'decisionId',
    description: 'Decisions made, revoked (撤销), confirmed illegal (确认违法) or re-made (重新作出)',
  },
  caseReview: {
    name: 'lep.case.review.v1',
    partitions: 3,
    key: 'caseId',
    description: 'Legal review rounds opened and completed (重大执法决定法制审核)',
  },
  caseEvaluation: {
    name: 'lep.case.evaluation.v1',
    partitions: 3,
    key: 'evaluationId',
    description: 'Case-file evaluations (案卷评查): findings returned to the agency, and its answer',
  },
  caseRecordAnchor: {
    name: 'lep.case.record-anchor.v1',
    partitions: 1,
    key: 'anchorDate',
    description:
      "Each China day's tree head over the case records' anchored heads (执法记录存证), published outside the case database",
  },
  evidenceStored: {
    name: 'lep.evidence.stored.v1',
    partitions: 3,
    key: 'caseId',
    description: 'Evidence items stored, with their SHA-256, for the whole-process record (执法全过程记录)',
  },
  registryDisclosure: {
    name: 'lep.registry.disclosure.v1',
    partitions: 3,
    key: 'agencyCode',
    description: 'Pre-disclosure (事前公开): agencies, personnel, items, service guides',
  },
  registryInspection: {
    name: 'lep.registry.inspection.v1',
    partitions: 3,
    key: 'planId',
    description: 'Double-random inspection plans, draws and results (双随机、一公开)',
  },
  registryCalendar: {
    name: 'lep.registry.calendar.v1',
    partitions: 1,
    key: 'region',
    description:
      'Working-day calendar years loaded or replaced (节假日安排), so every service counts on them at once',
  },
  publicationDisclosure: {
    name: 'lep.publication.disclosure.v1',
    partitions: 6,
    key: 'decisionId',
    description: 'Published, withdrawn and corrected disclosures (行政执法公示) for external consumers',
  },
  publicationPortal: {
    name: 'lep.publication.portal.v1',
    partitions: 3,
    key: 'entryKey',
    description:
      'Every other portal entry as published, masked: 事前公开, 双随机 plans, draws and results, annual reports',
  },
  statisticsWarning: {
    name: 'lep.statistics.warning.v1',
    partitions: 3,
    key: 'agencyCode',
    description: 'Early warnings raised and cleared (预警)',
  },
  statisticsReport: {
    name: 'lep.statistics.report.v1',
    partitions: 1,
    key: 'agencyCode',
    description: 'Annual enforcement statistics reports (行政执法统计年报) published',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicKey = keyof typeof TOPICS;

export const ALL_TOPICS: readonly TopicSpec[] = Object.values(TOPICS);
