import { executionAndClosureWaitingForReceipt } from './serve-receipt-wait';

// Stands in for workflows/src/case/case-execution.ts in the replay guard test: the change deployed as is.
export const executionAndClosure = executionAndClosureWaitingForReceipt(() => true);
