export type WorkflowExecutionStatusName =
  'Running' | 'Completed' | 'Failed' | 'Canceled' | 'Terminated' | 'ContinuedAsNew' | 'TimedOut';

/** One workflow execution as the visibility store sees it; search attribute values arrive decoded. */
export interface VisibilityRecord {
  namespace: string;
  workflowId: string;
  runId: string;
  workflowType: string;
  taskQueue: string;
  status: WorkflowExecutionStatusName;
  startTime: Date;
  executionTime: Date;
  closeTime?: Date;
  /** Keyword/Text → string, Int/Double → number, Bool → boolean, Datetime → Date, KeywordList → string[]. */
  searchAttributes: Record<string, unknown>;
}

export type VisibilityFilter = (record: VisibilityRecord) => boolean;
