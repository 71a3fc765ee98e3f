import type { CaseActor } from '@lep/contracts';

/** The workflow itself, as the actor of timer-driven record entries (deadlines, reminders, escalations). */
export const SYSTEM_ACTOR: CaseActor = { id: 'system', role: 'system', agencyCode: '' };
