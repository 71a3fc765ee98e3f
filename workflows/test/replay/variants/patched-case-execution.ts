import { patched } from '@temporalio/workflow';
import { executionAndClosureWaitingForReceipt } from './serve-receipt-wait';

// Stands in for workflows/src/case/case-execution.ts in the replay guard test: the same change behind a patch,
// so cases served before it (no marker in their history) replay as they ran.
export const executionAndClosure = executionAndClosureWaitingForReceipt(() =>
  patched('serve-waits-for-receipt'),
);
