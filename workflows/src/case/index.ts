export { caseLifecycle } from './case-lifecycle';
export { legalReview } from './legal-review';
