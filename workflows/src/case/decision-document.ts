import { ActivityFailure, ApplicationFailure, patched, proxyActivities } from '@temporalio/workflow';
import {
  CASE_ERROR_CODES,
  type CaseActor,
  type CaseState,
  type DecisionDocumentRef,
  type DecisionInput,
  type DocumentParty,
} from '@lep/contracts';
import type { CaseActivities, DecisionDraft } from './activities';
import type { CaseContext } from './case-context';
import type { Violation } from './rules';

/**
 * The 决定书 the reviewer reviews is the rendered document, not the JSON draft (issue #20 item 3): a penalty draft
 * that carries the document's own fields is issued as the 行政处罚决定书 when it is submitted for review; the round
 * reviews that document, its approval records the document's SHA-256, and the decision is made on exactly that
 * document. A later draft's document voids the earlier one, with the reason, in the whole-process record.
 */

/** Rendering and storing a PDF through the documents and evidence services takes longer than a database step. */
const documentActivities = proxyActivities<Pick<CaseActivities, 'issueDecisionDocument' | 'voidDocument'>>({
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/** Where staff download a document's stored PDF (the documents service; the party's copy is the same bytes). */
export function documentDownloadPath(documentId: string): string {
  return `/api/v1/documents/${documentId}/pdf`;
}

/** Whether a draft is rendered for review: a penalty decision with the 决定书's own fields. */
export function rendersDocument(draft: DecisionDraft | undefined): boolean {
  return Boolean(draft?.penalty && draft.document);
}

/** The `penalty-decision` template's data (services/documents default-templates.ts) from the draft. */
export function penaltyDecisionData(draft: DecisionDraft): Record<string, unknown> {
  const { party, penalty, document } = draft;
  const documentParty: DocumentParty = {
    type: party.type,
    name: party.name,
    ...(party.creditCode ? { creditCode: party.creditCode } : {}),
    ...(party.legalRepresentative ? { legalRepresentative: party.legalRepresentative } : {}),
    ...(party.idType ? { idType: party.idType } : {}),
    ...(party.idNumber ? { idNumber: party.idNumber } : {}),
  };
  const data: Record<string, unknown> = {
    parties: [documentParty],
    facts: penalty?.facts,
    legalBasis: penalty?.legalBasis,
    penaltyContent: penalty?.content,
    reconsiderationBody: document?.reconsiderationBody,
    court: document?.court,
  };
  const extras: Record<string, string | number | undefined> = {
    fineYuan: penalty?.fineYuan,
    confiscatedYuan: penalty?.confiscatedYuan,
    discretion: document?.discretion,
    paymentInstructions: document?.paymentInstructions,
    statementAndDefence: document?.statementAndDefence,
    hearing: document?.hearing,
  };
  // The template refuses empty values: an optional field left out is not printed.
  for (const [name, value] of Object.entries(extras))
    if (value !== undefined && value !== '') data[name] = value;
  return data;
}

/**
 * Issues the 决定书 of the current draft for review round `round` (request id from the round's task id, so a
 * retried activity answers the same document), and voids the document of the latest earlier round that had
 * one: a superseded draft's 决定书 is never decided on, and its 文号 is recorded void, never reissued.
 * Rounds submitted before this existed (or drafts without the document's fields) render nothing.
 */
export async function renderForReview(
  ctx: CaseContext,
  taskId: string,
  actor: CaseActor,
): Promise<DecisionDocumentRef | undefined> {
  const { state, caseId, draft } = ctx;
  // Drafts carried no document fields before this change, so no recorded round reaches the patch.
  if (!draft || !rendersDocument(draft) || !patched('review-rendered-decision')) return undefined;
  const document = await refusedAsSubmission(() =>
    documentActivities.issueDecisionDocument({
      requestId: `${taskId}-decision`,
      caseId,
      agencyCode: state.agencyCode,
      kind: 'penalty-decision',
      data: penaltyDecisionData(draft),
    }),
  );
  const superseded = [...state.reviewRounds].reverse().find((round) => round.document)?.document;
  if (superseded && superseded.documentId !== document.documentId) {
    const reason = `决定草案已修改（第 ${ctx.draftVersion} 稿），另行出具决定书 ${document.number}`;
    await documentActivities.voidDocument({
      agencyCode: state.agencyCode,
      documentId: superseded.documentId,
      reason,
    });
    await ctx.record(actor, 'document-voided', `作废决定书 ${superseded.number}`, {
      documentId: superseded.documentId,
      number: superseded.number,
      sha256: superseded.sha256,
      reason,
      replacedBy: { documentId: document.documentId, number: document.number },
    });
  }
  return document;
}

/**
 * The documents service refusing the document (no 文号 pattern set for the agency, data its format refuses) refuses
 * the submission with the service's code and Chinese reason; nothing of the round has been recorded yet.
 */
async function refusedAsSubmission<T>(issue: () => Promise<T>): Promise<T> {
  try {
    return await issue();
  } catch (error) {
    if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure)
      throw ApplicationFailure.create({
        type: error.cause.type ?? 'DOCUMENT_REFUSED',
        message: `未能出具行政处罚决定书，不能提请法制审核：${error.cause.message}`,
        nonRetryable: true,
      });
    throw error;
  }
}

/** What the review task shows of the document: its number, hash and where to download it. */
export function documentForTask(document: DecisionDocumentRef): Record<string, unknown> {
  return { ...document, download: documentDownloadPath(document.documentId) };
}

/**
 * A decision on a rendered draft names the document it is made on, and that must be the approved one: the
 * document of the current draft, which the latest review approved (decisionViolation checks the approval).
 */
export function documentViolation(
  state: CaseState,
  decision: Pick<DecisionInput, 'documentSha256'>,
): Violation | undefined {
  const document = state.draft?.document;
  if (!document)
    return decision.documentSha256
      ? {
          code: CASE_ERROR_CODES.draftMismatch,
          message: '当前决定草案未出具决定书，不能按决定书哈希作出决定',
        }
      : undefined;
  if (decision.documentSha256 === document.sha256) return undefined;
  return {
    code: CASE_ERROR_CODES.reviewNotApproved,
    message: `只能就法制审核通过的决定书（${document.number}）作出决定：所作决定的决定书哈希与之不符`,
  };
}
