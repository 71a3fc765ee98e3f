import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DOCUMENT_KIND_SPECS,
  DOCUMENT_KINDS,
  type DocumentKind,
  type TemplateDefinition,
} from '@lep/contracts';
import { assertOwnAgency, type Principal } from '@lep/auth';
import { ApiError } from '@lep/nest-kit';
import type { CallerCredential } from '../upstream/caller-credential';
import { RegistryClient } from '../upstream/registry-client';
import { DEFAULT_TEMPLATES, defaultTemplateVersion } from './default-templates';
import { TemplateVersionEntity } from './template-version.entity';
import { validateTemplateDefinition } from './template-validation';
import type {
  AgencyTemplatesView,
  DocumentKindView,
  SubmitTemplateDto,
  TemplateFilingView,
  TemplateView,
} from './templates.dto';

/** A template version a document can be rendered with: its id and definition. */
export interface UsableTemplate {
  id: string;
  definition: TemplateDefinition;
}

const DEFAULT_ID = /^([a-z-]+)\.v(\d+)$/;

function toFilingView(version: TemplateVersionEntity): TemplateFilingView {
  return {
    id: version.id,
    agencyCode: version.agencyCode,
    kind: version.kind,
    revision: version.revision,
    title: version.title,
    bureauCode: version.bureauCode,
    status: version.status,
    submittedBy: version.submittedBy,
    submittedAt: version.submittedAt.toISOString(),
    decidedBy: version.decidedBy,
    decidedAt: version.decidedAt?.toISOString() ?? null,
    recordNumber: version.recordNumber,
    refusalReason: version.refusalReason,
  };
}

const errors = {
  notFound: (id: string) => new ApiError(HttpStatus.NOT_FOUND, 'TEMPLATE_NOT_FOUND', `文书式样 ${id} 不存在`),
  decided: (id: string) =>
    new ApiError(
      HttpStatus.CONFLICT,
      'FILING_ALREADY_DECIDED',
      `文书式样 ${id} 的备案已经办结，不能再次办理`,
    ),
  invalid: (violations: ReturnType<typeof validateTemplateDefinition>) =>
    new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', violations),
};

/**
 * Document templates: the platform default of each kind, an agency's own versions, and their filing (备案) with
 * the justice bureau that supervises the agency (domain.md R2). An agency's version is used from the moment the
 * bureau accepts it; the newest accepted revision of a kind is the one in effect.
 *
 * Its scope is the agency itself (assertOwnAgency): this service keeps no copy of the registry's agency tree, so an
 * agency above reads none of its agencies' here; case-api, which keeps the tree (case_agency), lets it (domain.md L9).
 */
@Injectable()
export class TemplatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: RegistryClient,
  ) {}

  kinds(): DocumentKindView[] {
    return DOCUMENT_KINDS.map((kind) => ({
      kind,
      title: DOCUMENT_KIND_SPECS[kind].title,
      numberWord: DOCUMENT_KIND_SPECS[kind].numberWord,
      stage: DOCUMENT_KIND_SPECS[kind].stage,
      defaultVersion: defaultTemplateVersion(kind),
    }));
  }

  /** The version of `kind` the agency's documents use now: its newest accepted one, else the platform default. */
  async inEffect(agencyCode: string, kind: DocumentKind, manager?: EntityManager): Promise<UsableTemplate> {
    const accepted = await (manager ?? this.dataSource.manager).findOne(TemplateVersionEntity, {
      where: { agencyCode, kind, status: 'accepted' },
      order: { revision: 'DESC' },
    });
    if (accepted)
      return {
        id: accepted.id,
        definition: { kind, title: accepted.title, fields: accepted.fields, blocks: accepted.blocks },
      };
    return { id: defaultTemplateVersion(kind), definition: DEFAULT_TEMPLATES[kind] };
  }

  /**
   * The version a document of `agencyCode` must use; a version the request names must be that one: an agency's
   * version still awaiting (or refused by) the justice bureau is refused with TEMPLATE_NOT_ACCEPTED.
   */
  async forDocument(agencyCode: string, kind: DocumentKind, named?: string): Promise<UsableTemplate> {
    const current = await this.inEffect(agencyCode, kind);
    if (named === undefined || named === current.id) return current;
    const version = await this.dataSource.manager.findOneBy(TemplateVersionEntity, { id: named });
    if (
      version &&
      version.agencyCode === agencyCode &&
      version.kind === kind &&
      version.status !== 'accepted'
    )
      throw new ApiError(
        HttpStatus.CONFLICT,
        'TEMPLATE_NOT_ACCEPTED',
        `文书式样 ${named} 尚未经司法行政机关备案通过（${version.status === 'refused' ? '已被退回' : '备案审查中'}），在此之前使用 ${current.id}`,
      );
    throw new ApiError(
      HttpStatus.CONFLICT,
      'TEMPLATE_NOT_IN_EFFECT',
      `文书式样 ${named} 不是本执法主体现行的${DOCUMENT_KIND_SPECS[kind].title}式样，现行式样为 ${current.id}`,
    );
  }

  /** Every kind with the version in effect for the agency and the agency's own versions and their filing. */
  async ofAgency(principal: Principal, agencyCode: string): Promise<AgencyTemplatesView[]> {
    assertOwnAgency(principal, agencyCode);
    const versions = await this.dataSource.manager.find(TemplateVersionEntity, {
      where: { agencyCode },
      order: { kind: 'ASC', revision: 'ASC' },
    });
    return Promise.all(
      DOCUMENT_KINDS.map(async (kind) => ({
        kind,
        title: DOCUMENT_KIND_SPECS[kind].title,
        inEffect: (await this.inEffect(agencyCode, kind)).id,
        defaultVersion: defaultTemplateVersion(kind),
        versions: versions.filter((version) => version.kind === kind).map(toFilingView),
      })),
    );
  }

  /** A justice bureau's filings: what its supervised agencies submitted (or what it decided), newest first. */
  async filingsOf(principal: Principal, bureauCode: string, status?: string): Promise<TemplateFilingView[]> {
    assertOwnAgency(principal, bureauCode);
    const versions = await this.dataSource.manager.find(TemplateVersionEntity, {
      where: { bureauCode, ...(status ? { status: status as TemplateVersionEntity['status'] } : {}) },
      order: { submittedAt: 'DESC' },
    });
    return versions.map(toFilingView);
  }

  /** A version with its fields and blocks: defaults for anyone, an agency's own for it and its bureau. */
  async get(principal: Principal, id: string): Promise<TemplateView> {
    const usable = await this.readable(principal, id);
    const filing = usable.filing ? toFilingView(usable.filing) : null;
    return { id, ...usable.definition, filing };
  }

  /** Resolves a version id the caller may read: defaults for anyone, an agency's own for it and its bureau. */
  async readable(
    principal: Principal,
    id: string,
  ): Promise<UsableTemplate & { filing: TemplateVersionEntity | null }> {
    const found = await this.find(id);
    if (found.filing && principal.agencyCode !== found.filing.bureauCode)
      assertOwnAgency(principal, found.filing.agencyCode);
    return found;
  }

  /** The definition of a version a document names, for rendering it (again). */
  async definitionOf(id: string): Promise<TemplateDefinition> {
    return (await this.find(id)).definition;
  }

  private async find(id: string): Promise<UsableTemplate & { filing: TemplateVersionEntity | null }> {
    const match = DEFAULT_ID.exec(id);
    if (match) {
      const kind = match[1] as DocumentKind;
      if (!DOCUMENT_KINDS.includes(kind) || id !== defaultTemplateVersion(kind)) throw errors.notFound(id);
      return { id, definition: DEFAULT_TEMPLATES[kind], filing: null };
    }
    const version = await this.dataSource.manager.findOneBy(TemplateVersionEntity, { id });
    if (!version) throw errors.notFound(id);
    return {
      id,
      definition: {
        kind: version.kind,
        title: version.title,
        fields: version.fields,
        blocks: version.blocks,
      },
      filing: version,
    };
  }

  /**
   * Files an agency's own version with its supervising justice bureau (asked of the registry): checked, stored
   * as the next revision of the kind, and not used until the bureau accepts it.
   */
  async submit(
    principal: Principal,
    credential: CallerCredential,
    dto: SubmitTemplateDto,
  ): Promise<TemplateFilingView> {
    assertOwnAgency(principal, dto.agencyCode);
    const violations = validateTemplateDefinition(dto.kind, dto.fields, dto.blocks);
    if (violations.length > 0) throw errors.invalid(violations);
    const bureau = await this.registry.justiceBureau(dto.agencyCode, credential).catch((error: unknown) => {
      if (error instanceof ApiError && error.getStatus() === HttpStatus.NOT_FOUND)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'JUSTICE_BUREAU_MISSING',
          `执法主体 ${dto.agencyCode} 的上级各层级均未登记司法行政机关，无法备案`,
        );
      throw error;
    });
    return this.dataSource.transaction(async (manager) => {
      // One revision number per agency and kind: submissions of the same kind take turns.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
        `template:${dto.agencyCode}:${dto.kind}`,
      ]);
      const rows: { revision: number | null }[] = await manager.query(
        'SELECT max(revision) AS revision FROM template_version WHERE agency_code = $1 AND kind = $2',
        [dto.agencyCode, dto.kind],
      );
      const revision = (rows[0]?.revision ?? 0) + 1;
      const version = manager.create(TemplateVersionEntity, {
        id: `${dto.kind}.${dto.agencyCode}.v${revision}`,
        agencyCode: dto.agencyCode,
        kind: dto.kind,
        revision,
        title: dto.title ?? DOCUMENT_KIND_SPECS[dto.kind].title,
        fields: dto.fields as TemplateVersionEntity['fields'],
        blocks: dto.blocks as TemplateVersionEntity['blocks'],
        bureauCode: bureau.code,
        status: 'submitted',
        submittedBy: principal.subject,
        submittedAt: new Date(),
        decidedBy: null,
        decidedAt: null,
        recordNumber: null,
        refusalReason: null,
      });
      await manager.insert(TemplateVersionEntity, version);
      return toFilingView(version);
    });
  }

  /** The bureau accepts the version for the record: from now on it is the agency's version of its kind. */
  accept(principal: Principal, id: string, recordNumber?: string): Promise<TemplateFilingView> {
    return this.decide(principal, id, (version) => {
      version.status = 'accepted';
      version.recordNumber = recordNumber ?? null;
    });
  }

  /** The bureau refuses it, saying why; the agency keeps the version it had. */
  refuse(principal: Principal, id: string, reason: string): Promise<TemplateFilingView> {
    return this.decide(principal, id, (version) => {
      version.status = 'refused';
      version.refusalReason = reason;
    });
  }

  private decide(
    principal: Principal,
    id: string,
    apply: (version: TemplateVersionEntity) => void,
  ): Promise<TemplateFilingView> {
    return this.dataSource.transaction(async (manager) => {
      const version = await manager.findOne(TemplateVersionEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!version) throw errors.notFound(id);
      // Only the justice bureau the version was filed with decides on it.
      assertOwnAgency(principal, version.bureauCode);
      if (version.status !== 'submitted') throw errors.decided(id);
      apply(version);
      version.decidedBy = principal.subject;
      version.decidedAt = new Date();
      await manager.save(version);
      return toFilingView(version);
    });
  }
}
