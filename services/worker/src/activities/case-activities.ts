import { createHash } from 'node:crypto';
import { CalendarClient, chinaDateOf, endOfChinaDay, type CalendarRegion } from '@lep/calendar';
import { failingForGoodOnCalendarErrors } from '@lep/nest-kit';
import { applyCaseStep, applyCaseSteps, applyTaskClaim, sealDossier } from '@lep/case-store';
import {
  isPersonnelId,
  type ReviewCatalogCriteria,
  type ReviewCatalogVersion,
  type StartCaseInput,
} from '@lep/contracts';
import { canonicalJson } from '@lep/hash-chain';
import { factsFromDraft, isMajorDecision } from '@lep/review-rules';
import type { CaseActivities, FilingCheck } from '@lep/workflows';
import type { DataSource } from 'typeorm';
import { inspectionPlanProblem } from './inspection-plan-check';
import { checkActingOfficers } from './officer-checks';
import type { DocumentsClient } from './documents-client';
import type { RegistryClient } from './registry-client';

export interface CaseActivityDeps {
  dataSource: DataSource;
  registry: RegistryClient;
  /** The documents service, which renders the 决定书 a draft submitted for review becomes. */
  documents: DocumentsClient;
  /** The registry's working-day calendar, cached (libs/calendar). */
  calendar: CalendarClient;
  /** Where operators read that a deadline was counted provisionally (the service log). */
  warn?: (message: string) => void;
  /** Review SLA when the agency sets none (domain.md L7: 7 working days plus a 3-day extension). */
  reviewSla: { workingDays: number; extensionWorkingDays: number };
}

/** Party-facing acts need at least two certified officers (APL art. 42, domain.md P6). */
const MIN_CERTIFIED_HANDLERS = 2;

/** The activities of the case workflows, closed over the worker's database and registry client. */
export function createCaseActivities({
  dataSource,
  registry,
  documents,
  calendar,
  warn,
  reviewSla,
}: CaseActivityDeps): CaseActivities {
  return {
    async checkFiling(input: StartCaseInput): Promise<FilingCheck> {
      // Ids that are not personnel ids name nobody: answered here, since the registry refuses to be asked them.
      const named = [...new Set(input.handlerIds)];
      const asked = named.filter((handlerId) => isPersonnelId(handlerId));
      const facts = await registry.filingFacts(input.agencyCode, input.itemCode, input.filedOn, asked);
      if (!facts.found)
        return { accepted: false, reasons: [`执法主体 ${input.agencyCode} 未在执法主体名录中登记`] };
      const { agency, item, handlers, av, reviewTimeLimit } = facts.value;
      const refusals: string[] = [];
      if (!item)
        refusals.push(
          `事项 ${input.itemCode} 不在执法主体 ${input.agencyCode} 现行的行政执法事项清单中，无权立案`,
        );
      // Only a 行政许可 starts from an application to accept or not (domain.md P7a).
      if (item && input.application && item.category !== 'licensing')
        refusals.push(`事项 ${input.itemCode} 不是行政许可事项，不适用申请受理（application）`);
      const certified: string[] = [];
      const handlerProblems: string[] = [];
      for (const handlerId of named) {
        const standing = handlers.find((answer) => answer.personnelId === handlerId);
        if (!standing?.registered) handlerProblems.push(`执法人员 ${handlerId} 未登记`);
        else if (standing.allowed) certified.push(handlerId);
        else handlerProblems.push(...standing.reasons.map((reason) => `执法人员 ${handlerId}：${reason}`));
      }
      if (certified.length < MIN_CERTIFIED_HANDLERS)
        refusals.push(
          `立案之日须有至少 ${MIN_CERTIFIED_HANDLERS} 名持有效执法证件的承办人员，现有 ${certified.length} 名`,
          ...handlerProblems,
        );
      if (!item || refusals.length > 0) return { accepted: false, reasons: refusals };
      return {
        accepted: true,
        agency: {
          code: agency.code,
          name: agency.name,
          creditCode: agency.unifiedSocialCreditCode,
          region: agency.region,
          reviewBodyAgencyCode: agency.legalReviewBody.agencyCode,
          reviewBodyName: agency.legalReviewBody.name,
        },
        category: item.category,
        itemName: item.name,
        av,
        // The agency's own review time limit, from the catalogue in force at filing; else the platform default.
        reviewSla: reviewTimeLimit ?? reviewSla,
      };
    },

    async agencyRegion(agencyCode: string): Promise<string> {
      const agency = await registry.agency(agencyCode);
      return agency.found ? agency.value.region : 'national';
    },

    async prepareDraft({ agencyCode, asOf, draft, facts, itemCode }) {
      const hash = createHash('sha256').update(canonicalJson(draft)).digest('hex');
      const catalog = await catalogInForce(registry, agencyCode, asOf);
      // The catalogue judges what the draft decides, not what the handler declares beside it (domain.md L3a).
      const verdict = isMajorDecision(catalog, factsFromDraft(draft, facts.hearingHeld, itemCode));
      const planId = draft.inspection?.randomInspectionPlanId;
      if (!planId) return { hash, verdict };
      // A result claiming a 双随机 plan is checked against the registry (domain.md P14).
      const problem = inspectionPlanProblem(
        agencyCode,
        draft.party,
        draft.inspection!,
        await registry.inspectionPlan(planId),
      );
      return problem ? { hash, verdict, inspectionPlanProblem: problem } : { hash, verdict };
    },

    async checkReviewer({ personnelId, reviewBodyAgencyCode }) {
      const person = await registry.person(personnelId);
      if (!person.found) return [`审核人员 ${personnelId} 未在执法人员名录中登记`];
      const problems: string[] = [];
      if (!person.value.roles.includes('legal-reviewer'))
        problems.push(`${person.value.name} 不是法制审核人员`);
      if (person.value.agencyCode !== reviewBodyAgencyCode)
        problems.push(`${person.value.name} 不属于本案的法制审核机构（${reviewBodyAgencyCode}）`);
      // A reviewer qualifies by legal standing (法律职业资格, 公职律师, 法律顾问) or by an enforcement certificate in
      // force today (domain.md L2a); one with neither is refused, naming both.
      if (person.value.legalStanding.length > 0) return problems;
      const expiresOn = person.value.certificateExpiresOn;
      if (expiresOn === null)
        problems.push(`${person.value.name} 既无法律职业资格、公职律师或法律顾问身份，也未持执法证件`);
      else if (expiresOn < chinaDateOf(Date.now()))
        problems.push(
          `${person.value.name} 无法律职业资格、公职律师或法律顾问身份，执法证件已于 ${expiresOn} 到期`,
        );
      else if (person.value.status !== 'active')
        problems.push(
          `${person.value.name} 无法律职业资格、公职律师或法律顾问身份，执法证件当前不在有效状态`,
        );
      return problems;
    },

    async checkPrincipalLeader({ personnelId, agencyCode }) {
      const person = await registry.person(personnelId);
      if (!person.found)
        return [`负责人 ${personnelId} 未在执法人员名录中登记，不能确认其为本机关主要负责人`];
      if (person.value.agencyCode === agencyCode && person.value.principalLeader) return [];
      return [`${person.value.name} 不是执法主体 ${agencyCode} 登记的主要负责人，不能推翻法制审核意见`];
    },

    checkActingOfficers: (input) => checkActingOfficers(registry, input),

    workingDaysEnd: ({ region, from, workingDays }) =>
      failingForGoodOnCalendarErrors(async () => {
        const startDate = chinaDateOf(from);
        const lastDay = await calendar.count((current) =>
          current.addWorkingDays(startDate, Math.max(0, workingDays), { region: region as CalendarRegion }),
        );
        if (lastDay.provisional)
          warn?.(
            `${workingDays} working days from ${startDate} (${region}) end ${lastDay.value}, provisionally: ${lastDay.provisional.reason}`,
          );
        return { dueAt: endOfChinaDay(lastDay.value), provisional: lastDay.provisional };
      }),

    applyStep: (step) => applyCaseStep(dataSource, step),
    applySteps: (steps) => applyCaseSteps(dataSource, steps),

    applyTaskClaim: (change) => applyTaskClaim(dataSource, change),

    sealDossier: (caseId) => sealDossier(dataSource, caseId),

    issueDecisionDocument: ({ agencyCode, ...request }) => documents.issue(agencyCode, request),

    voidDocument: ({ agencyCode, documentId, reason }) => documents.void(agencyCode, documentId, reason),
  };
}

/**
 * The catalogue a draft is judged by: the agency's own in force at `asOf`, else the platform default in force then
 * (domain.md L3c). Never none: the registry seeds the default's first version in force from before any case, so a
 * missing default is a fault the activity retries, not a "not major".
 */
async function catalogInForce(
  registry: RegistryClient,
  agencyCode: string,
  asOf: string,
): Promise<ReviewCatalogVersion> {
  const own = await registry.list<ReviewCatalogCriteria>(agencyCode, 'review-catalog', asOf);
  if (own.found) return { version: own.value.version, source: 'agency', criteria: own.value.content };
  const platform = await registry.platformCatalog<ReviewCatalogCriteria>(asOf);
  if (!platform.found)
    throw new Error(`the registry has no platform default review catalogue in force at ${asOf}`);
  return { version: platform.value.version, source: 'platform-default', criteria: platform.value.content };
}
