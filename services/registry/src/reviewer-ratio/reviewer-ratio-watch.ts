import { REGISTRY_EVENT_TYPES, ReviewerRatioData, TOPICS } from '@lep/contracts';
import type { EntityManager } from 'typeorm';
import { chinaDate } from '../common/dates';
import { emitRegistryEvent } from '../disclosure/registry-events';
import { ReviewerRatio, reviewerRatio } from './reviewer-ratio';

/**
 * Runs a personnel change and, in the same transaction, raises a warning for every agency it pushed below the
 * 5% reviewer ratio (and clears it for every agency it brought back). Warnings go to the platform's early
 * warning topic, which the supervision dashboards read, rather than to the public pre-disclosure feed.
 * Callers lock the agencies first so concurrent changes see each other's effect.
 */
export async function watchReviewerRatio<T>(
  manager: EntityManager,
  agencyCodes: string[],
  change: () => Promise<T>,
): Promise<T> {
  const today = chinaDate();
  const codes = [...new Set(agencyCodes)];
  const before = new Map<string, ReviewerRatio>();
  for (const code of codes) before.set(code, await reviewerRatio(manager, code, today));
  const result = await change();
  for (const code of codes) {
    await announceComplianceChange(manager, before.get(code), await reviewerRatio(manager, code, today));
  }
  return result;
}

/** Raises the warning when `after` fell below the threshold, or clears it when it came back; else nothing. */
export async function announceComplianceChange(
  manager: EntityManager,
  before: ReviewerRatio | undefined,
  after: ReviewerRatio,
): Promise<void> {
  const wasCompliant = before?.compliant ?? true;
  if (wasCompliant === after.compliant) return;
  const type = after.compliant
    ? REGISTRY_EVENT_TYPES.reviewerRatioRestored
    : REGISTRY_EVENT_TYPES.reviewerRatioBelowThreshold;
  const data: ReviewerRatioData = {
    agencyCode: after.agencyCode,
    legalReviewers: after.legalReviewers,
    enforcementOfficers: after.enforcementOfficers,
    ratio: after.ratio,
    threshold: after.threshold,
  };
  await emitRegistryEvent(
    manager,
    type,
    after.agencyCode,
    `agency/${after.agencyCode}/reviewer-ratio`,
    data,
    TOPICS.statisticsWarning,
  );
}
