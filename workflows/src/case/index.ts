export { caseLifecycle } from './case-lifecycle';
export { legalReview } from './legal-review';
export { decisionWithdrawal } from './decision-withdrawal';
