import type {
  AvRecordingEntry,
  DecisionDocumentRef,
  DecisionFacts,
  DraftDecisionInput,
  ItemCategory,
  MajorDecisionVerdict,
  OfficerCheckInput,
  OfficerRefusal,
  ProvisionalCount,
  StartCaseInput,
} from '@lep/contracts';
import type { AppliedStep, CaseStep, DossierSeal, TaskClaimChange } from '@lep/case-store';

/** The enforcement body as the case needs it: names for documents, region for the calendar, its review body. */
export interface AgencyFacts {
  code: string;
  name: string;
  creditCode: string;
  region: string;
  reviewBodyAgencyCode: string;
  reviewBodyName: string;
}

export type FilingCheck =
  | {
      accepted: true;
      agency: AgencyFacts;
      category: ItemCategory;
      itemName: string;
      /** The AV list entry for the item, if the list names it. */
      av: AvRecordingEntry | null;
      /** Review SLA of the agency, in working days, and the one extension its head may grant. */
      reviewSla: { workingDays: number; extensionWorkingDays: number };
    }
  | { accepted: false; reasons: string[] };

/** The decision draft without the request envelope: what is hashed and reviewed. */
export type DecisionDraft = Omit<DraftDecisionInput, 'requestId' | 'actor'>;

export interface WorkingDaysEnd {
  dueAt: string;
  /** Why dueAt is provisional (a year's notice missing); null when the calendar held every year it needed. */
  provisional: ProvisionalCount | null;
}

/** Activities of the case workflows. The worker builds them from its database, registry client and calendar. */
export interface CaseActivities {
  /** Authority for the item and at least two handlers with a certificate valid on the filing day (domain.md P6). */
  checkFiling(input: StartCaseInput): Promise<FilingCheck>;
  /**
   * Hash of the canonical draft, whether the catalogue in force at filing makes it major (domain.md L3), and —
   * for a 行政检查结果 naming a 双随机 plan — why the registry does not confirm the plan for the agency and the
   * draft's party (domain.md P14), in Chinese; absent when it does.
   */
  prepareDraft(input: {
    agencyCode: string;
    /** The case's enforcement item, which the catalogue may list (domain.md L3e). */
    itemCode: string;
    asOf: string;
    draft: DecisionDraft;
    facts: DecisionFacts;
  }): Promise<{ hash: string; verdict: MajorDecisionVerdict; inspectionPlanProblem?: string }>;
  /**
   * Whether a person may give this review body's opinion today: a registered legal reviewer (法制审核人员) of
   * that body whose certificate is in force today. Chinese reasons when not.
   */
  checkReviewer(input: { personnelId: string; reviewBodyAgencyCode: string }): Promise<string[]>;
  /**
   * Whether a person is the registered principal leader (主要负责人) of the agency, who alone overrules a failed
   * review (domain.md L6c). Chinese reasons when not.
   */
  checkPrincipalLeader(input: { personnelId: string; agencyCode: string }): Promise<string[]>;
  /**
   * Whether the officers acting may act today, by the registry (domain.md R8): registered in the agency; a
   * certificate valid that day for the item (case work) or the leader role (approvals); shown certificates their
   * own. The first refusal, naming the officer and the check; null when all pass.
   */
  checkActingOfficers(input: OfficerCheckInput): Promise<OfficerRefusal | null>;
  /**
   * The instant a period of working days ends: midnight (China time) after its last working day, on the
   * registry's calendar. Where the calendar lacks a year it is counted without it and marked provisional.
   */
  workingDaysEnd(input: { region: string; from: string; workingDays: number }): Promise<WorkingDaysEnd>;
  /** The calendar region of an agency in the register ('national' when it is not registered any more). */
  agencyRegion(agencyCode: string): Promise<string>;
  /** Records a step of the case: record entry, case index, tasks and events in one transaction. */
  applyStep(step: CaseStep): Promise<AppliedStep>;
  /** Records several steps of the case in order, in one transaction (case-steps-on-server: one activity for them). */
  applySteps(steps: CaseStep[]): Promise<AppliedStep[]>;
  /** Writes a claim or release of an inbox task that its workflow accepted (the inbox row follows the workflow). */
  applyTaskClaim(change: TaskClaimChange): Promise<void>;
  /** The 案卷's manifest hash over the record as it stands before the 归档 entry (domain.md R6). */
  sealDossier(caseId: string): Promise<DossierSeal>;
  /**
   * Has the documents service issue the 决定书 rendered from a draft (decision-document.ts): numbered, stored in the
   * evidence store under its SHA-256. The same request id answers the same document, never a second 文号.
   */
  issueDecisionDocument(input: DecisionDocumentRequest): Promise<DecisionDocumentRef>;
  /** Voids an issued document with its reason (its 文号 is recorded void, never reissued); done once. */
  voidDocument(input: { agencyCode: string; documentId: string; reason: string }): Promise<void>;
}

/** What the workflow asks the documents service to issue: the kind, the template's data, the request id. */
export interface DecisionDocumentRequest {
  requestId: string;
  caseId: string;
  agencyCode: string;
  kind: 'penalty-decision';
  data: Record<string, unknown>;
}
