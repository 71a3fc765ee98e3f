import type { DecisionMadeData } from '@lep/contracts';

/**
 * What the disclosure deadline workflow asks of the outside world. The publication service implements these
 * (it owns the records and reads the registry's calendar); the workflow sees only these types, so its code
 * stays deterministic. Every time argument is the workflow's own clock, so records carry workflow time.
 */
export interface DisclosurePlan {
  deadlineOn: string;
  /** ISO instants computed from the agency's working-day calendar. */
  warnAt: string;
  overdueAt: string;
  /** Why the deadline is provisional (a year's notice missing from the calendar); null when it is not. */
  provisional: string | null;
}

/** What became of an attempt to publish. */
export type PublishAttempt = 'published' | 'waiting' | 'withheld' | 'withdrawn';

export interface DisclosureActivities {
  /**
   * Stores the decision the workflow was started with (raw and masked, its first version), in one transaction
   * with the events parked until it arrived (a withdrawal, a re-decision that replaces it). Repeating it stores
   * nothing twice. Answers the stored re-decisions that replace this decision: each needs its own workflow.
   */
  receiveDecision(decision: DecisionMadeData): Promise<DecisionMadeData[]>;
  /**
   * Counts the deadline on the agency's calendar and records it (and the timeliness of an early publication).
   * Never waits for a missing year: the deadline is then provisional, and counted again when the year is loaded.
   */
  planDisclosure(decisionId: string): Promise<DisclosurePlan>;
  /** Publishes when nothing holds the record back; otherwise says why not, changing nothing. */
  tryPublish(decisionId: string, at: string): Promise<PublishAttempt>;
  recordDeadlineWarning(decisionId: string, at: string): Promise<void>;
  recordOverdue(decisionId: string, at: string): Promise<void>;
}
