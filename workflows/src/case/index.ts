export { caseLifecycle } from './case-lifecycle';
export { legalReview } from './legal-review';
export { decisionWithdrawal } from './decision-withdrawal';
export { decisionRemake } from './decision-remake';
