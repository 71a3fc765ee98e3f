import { randomUUID } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { PLATFORM_ADMIN, Principal } from '@lep/auth';
import type { ItemListReview } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { DataSource, EntityManager } from 'typeorm';
import { AgencyAccess } from '../access/agency-access';
import { findAgencyOrFail } from '../agencies/agencies.service';
import { actor } from '../common/actor';
import { ItemListSubmissionView } from './item-list.dto';
import { ItemListSubmissionEntity, SubmissionStatus } from './item-list-submission.entity';
import { ItemListKind } from './item-list-version.entity';
import { latestVersion, LIST_NAMES, lockListsOf, publishVersion } from './item-lists.service';

/**
 * The lists published only after the agency's legal review body has reviewed them: the enforcement item list
 * (S二(二)3 事前: 编制《行政执法事项清单》…经本机关法制机构审核后予以公示). The AV list and the review catalogue are
 * published by the agency admin directly.
 */
export const LISTS_UNDER_REVIEW: readonly ItemListKind[] = ['enforcement-items'];

const notFound = () => new ApiError(HttpStatus.NOT_FOUND, 'SUBMISSION_NOT_FOUND', '未找到该清单报审记录');

export function toSubmissionView(row: ItemListSubmissionEntity): ItemListSubmissionView {
  return {
    id: row.id,
    agencyCode: row.agencyCode,
    kind: row.kind,
    status: row.status,
    basedOnVersion: row.basedOnVersion,
    submittedBy: row.submittedBy,
    submittedAt: row.submittedAt.toISOString(),
    reviewBody: { name: row.reviewBodyName, agencyCode: row.reviewBodyAgencyCode },
    ...(row.reviewedBy ? { reviewedBy: row.reviewedBy } : {}),
    ...(row.reviewedAt ? { reviewedAt: row.reviewedAt.toISOString() } : {}),
    ...(row.opinion ? { opinion: row.opinion } : {}),
    ...(row.publishedVersion !== null ? { publishedVersion: row.publishedVersion } : {}),
    ...(row.supersededBy ? { supersededBy: row.supersededBy } : {}),
    content: row.content,
  };
}

/** The open submission of the agency's list, if any (at most one: a later one supersedes it). */
export function openSubmission(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
): Promise<ItemListSubmissionEntity | null> {
  return manager.findOneBy(ItemListSubmissionEntity, { agencyCode, kind, status: 'submitted' });
}

/**
 * Records `content` as the agency's proposed next version, for its legal review body, inside the caller's
 * transaction; an open submission of the same list is superseded (the newest proposal is the one reviewed).
 * The one path by which the list API and the bulk import submit.
 */
export async function submitVersion(
  manager: EntityManager,
  agencyCode: string,
  kind: ItemListKind,
  content: object,
  submittedBy: string,
): Promise<ItemListSubmissionEntity> {
  await lockListsOf(manager, agencyCode);
  const agency = await findAgencyOrFail(manager, agencyCode);
  const id = randomUUID();
  await manager.update(
    ItemListSubmissionEntity,
    { agencyCode, kind, status: 'submitted' },
    { status: 'superseded', supersededBy: id },
  );
  const latest = await latestVersion(manager, agencyCode, kind);
  return manager.save(
    manager.create(ItemListSubmissionEntity, {
      id,
      agencyCode,
      kind,
      content,
      basedOnVersion: latest?.version ?? null,
      status: 'submitted',
      submittedBy,
      submittedAt: new Date(),
      reviewBodyName: agency.legalReviewBodyName,
      reviewBodyAgencyCode: agency.legalReviewBodyAgencyCode,
      reviewedBy: null,
      reviewedAt: null,
      opinion: null,
      publishedVersion: null,
      supersededBy: null,
    }),
  );
}

/**
 * The review step of a list: the agency admin submits, a legal reviewer of the review body the agency names
 * approves (the version is published and announced) or refuses with a reason. Every step is a state-changing
 * request and therefore in the audit log; the submission keeps who and when.
 */
@Injectable()
export class ItemListReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AgencyAccess,
  ) {}

  submit(
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    content: object,
  ): Promise<ItemListSubmissionView> {
    return this.dataSource.transaction(async (manager) =>
      toSubmissionView(await submitVersion(manager, agencyCode, kind, content, actor(principal))),
    );
  }

  async list(
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    status?: SubmissionStatus,
  ): Promise<ItemListSubmissionView[]> {
    await this.assertCanSee(principal, agencyCode);
    const rows = await this.dataSource.manager.find(ItemListSubmissionEntity, {
      where: { agencyCode, kind, ...(status ? { status } : {}) },
      order: { submittedAt: 'DESC', id: 'ASC' },
      take: 200,
    });
    return rows.map(toSubmissionView);
  }

  async get(
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    id: string,
  ): Promise<ItemListSubmissionView> {
    await this.assertCanSee(principal, agencyCode);
    const row = await this.dataSource.manager.findOneBy(ItemListSubmissionEntity, { id, agencyCode, kind });
    if (!row) throw notFound();
    return toSubmissionView(row);
  }

  /** The review body approves: the submitted content becomes the agency's next published version. */
  approve(
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    id: string,
    opinion?: string,
  ): Promise<ItemListSubmissionView> {
    return this.dataSource.transaction(async (manager) => {
      const submission = await this.lockForReview(manager, principal, agencyCode, kind, id);
      const reviewedAt = new Date();
      const review: ItemListReview = {
        submissionId: submission.id,
        submittedBy: submission.submittedBy,
        submittedAt: submission.submittedAt.toISOString(),
        reviewBody: { name: submission.reviewBodyName, agencyCode: submission.reviewBodyAgencyCode },
        reviewedBy: actor(principal),
        reviewedAt: reviewedAt.toISOString(),
        opinion: opinion ?? null,
      };
      const published = await publishVersion(manager, agencyCode, kind, submission.content, review);
      await manager.update(
        ItemListSubmissionEntity,
        { id },
        {
          status: 'approved',
          reviewedBy: review.reviewedBy,
          reviewedAt,
          opinion: review.opinion,
          publishedVersion: published.version,
        },
      );
      return toSubmissionView(await manager.findOneByOrFail(ItemListSubmissionEntity, { id }));
    });
  }

  /** The review body sends the list back with its reason; nothing is published. */
  refuse(
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    id: string,
    reason: string,
  ): Promise<ItemListSubmissionView> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForReview(manager, principal, agencyCode, kind, id);
      await manager.update(
        ItemListSubmissionEntity,
        { id },
        { status: 'refused', reviewedBy: actor(principal), reviewedAt: new Date(), opinion: reason },
      );
      return toSubmissionView(await manager.findOneByOrFail(ItemListSubmissionEntity, { id }));
    });
  }

  /**
   * The submission, locked, once the caller may review it: a legal reviewer of the review body the submission
   * names (a platform admin passes, as everywhere), never the person who submitted it, and only while it waits.
   */
  private async lockForReview(
    manager: EntityManager,
    principal: Principal,
    agencyCode: string,
    kind: ItemListKind,
    id: string,
  ): Promise<ItemListSubmissionEntity> {
    await lockListsOf(manager, agencyCode);
    const submission = await manager.findOneBy(ItemListSubmissionEntity, { id, agencyCode, kind });
    if (!submission) throw notFound();
    const platformAdmin = principal.roles.includes(PLATFORM_ADMIN);
    if (!platformAdmin && principal.agencyCode !== submission.reviewBodyAgencyCode)
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'AGENCY_FORBIDDEN',
        `只有${submission.reviewBodyName}（${submission.reviewBodyAgencyCode}）可以审核该${LIST_NAMES[kind]}`,
      );
    if (submission.status !== 'submitted')
      throw new ApiError(
        HttpStatus.CONFLICT,
        'SUBMISSION_NOT_PENDING',
        `该报审已${{ approved: '审核通过', refused: '退回', superseded: '被新的报审取代', submitted: '' }[submission.status]}，不能再审核`,
      );
    if (!platformAdmin && submission.submittedBy === actor(principal))
      throw new ApiError(HttpStatus.CONFLICT, 'REVIEWER_IS_SUBMITTER', '报审人不能审核自己报审的清单');
    return submission;
  }

  /** Submissions are seen by the agency's own chain and by its legal review body. */
  private async assertCanSee(principal: Principal, agencyCode: string): Promise<void> {
    const agency = await findAgencyOrFail(this.dataSource.manager, agencyCode);
    if (principal.agencyCode && principal.agencyCode === agency.legalReviewBodyAgencyCode) return;
    await this.access.assertCanManage(principal, agencyCode);
  }
}
