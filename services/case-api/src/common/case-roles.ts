import type { Role } from '@lep/auth';

/** Who drives a case: the handling unit's staff and its own case system. */
export const CASE_WRITERS: readonly Role[] = ['handler', 'leader', 'agency-system'];

/**
 * What only the agency head does (作出决定, 延长办案期限, 撤销): recorded by the head or by the agency's system.
 */
export const CASE_APPROVERS: readonly Role[] = ['leader', 'agency-system'];

/** Who reads a case: writers, the unit's admins and auditors, and reviewers of a body that reviews it. */
export const CASE_READERS: readonly Role[] = [...CASE_WRITERS, 'agency-admin', 'auditor', 'legal-reviewer'];

/** Who works the task inbox: legal reviewers (review tasks) and agency heads (coordination, extensions). */
export const TASK_WORKERS: readonly Role[] = ['legal-reviewer', 'leader'];
