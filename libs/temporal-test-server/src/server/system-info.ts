import type { Proto } from './execution';
import { toDuration } from './time';

/** What the SDK learns at connect time: the features this server implements. */
export function systemInfo(): Proto {
  return {
    serverVersion: '1.24.0-lep-test-server',
    capabilities: {
      signalAndQueryHeader: true,
      internalErrorDifferentiation: true,
      activityFailureIncludeHeartbeat: true,
      encodedFailureAttributes: true,
      upsertMemo: true,
      sdkMetadata: true,
      countGroupByExecutionStatus: false,
      eagerWorkflowStart: false,
    },
  };
}

/** Any namespace name a client uses exists: tests pick their own without registering them first. */
export function describeNamespace(name: string): Proto {
  return {
    namespaceInfo: {
      name,
      id: name,
      state: 'NAMESPACE_STATE_REGISTERED',
      description: 'in-memory test namespace',
      capabilities: { eagerWorkflowStart: false, syncUpdate: true, asyncUpdate: true },
    },
    config: { workflowExecutionRetentionTtl: toDuration(24 * 3600 * 1000) },
    isGlobalNamespace: false,
  };
}
