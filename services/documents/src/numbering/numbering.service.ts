import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Not, IsNull } from 'typeorm';
import { DOCUMENT_KIND_SPECS, DOCUMENT_KINDS, type DocumentKind } from '@lep/contracts';
import { assertOwnAgency, type Principal } from '@lep/auth';
import { ApiError, type FieldViolation } from '@lep/nest-kit';
import { DocumentEntity } from '../documents/document.entity';
import { formatDocumentNumber } from './document-number';
import { NUMBER_PART, type NumberingPatternDto, type NumberingView } from './numbering.dto';
import { NumberCounterEntity, NumberingPatternEntity } from './numbering.entities';

const NUMBERED_KINDS = DOCUMENT_KINDS.filter((kind) => DOCUMENT_KIND_SPECS[kind].numberWord !== null);

function defaultWords(): Record<string, string> {
  return Object.fromEntries(NUMBERED_KINDS.map((kind) => [kind, DOCUMENT_KIND_SPECS[kind].numberWord!]));
}

export interface AllocatedNumber {
  number: string;
  year: number;
  serial: number;
}

/**
 * 文号: each agency's pattern, and the serials per agency, kind and year. A serial is taken inside the caller's
 * transaction by one upsert on the counter row, which locks the row until that transaction ends: concurrent
 * requests queue on it, and a rolled-back request gives its serial back. The counter lives in the database, so a
 * restart continues where the sequence was; a voided number stays on its document and is never handed out again.
 *
 * Its scope is the agency itself (assertOwnAgency): this service keeps no copy of the registry's agency tree, so an
 * agency above reads none of its agencies' here; case-api, which keeps the tree (case_agency), lets it (domain.md L9).
 */
@Injectable()
export class NumberingService {
  constructor(private readonly dataSource: DataSource) {}

  async view(principal: Principal, agencyCode: string): Promise<NumberingView> {
    assertOwnAgency(principal, agencyCode);
    const manager = this.dataSource.manager;
    const pattern = await manager.findOneBy(NumberingPatternEntity, { agencyCode });
    const counters = await manager.find(NumberCounterEntity, {
      where: { agencyCode },
      order: { year: 'DESC', kind: 'ASC' },
    });
    const voided = await manager.find(DocumentEntity, {
      where: { agencyCode, status: 'voided', number: Not(IsNull()) },
      order: { voidedAt: 'ASC' },
    });
    return {
      agencyCode,
      abbreviation: pattern?.abbreviation ?? null,
      kindWords: { ...defaultWords(), ...(pattern?.kindWords ?? {}) },
      counters: counters.map((counter) => ({
        kind: counter.kind as DocumentKind,
        year: counter.year,
        lastSerial: counter.lastSerial,
      })),
      voided: voided.map((document) => ({
        number: document.number!,
        kind: document.kind,
        documentId: document.id,
        reason: document.voidReason!,
        voidedBy: document.voidedBy!,
        voidedAt: document.voidedAt!.toISOString(),
      })),
    };
  }

  async setPattern(
    principal: Principal,
    agencyCode: string,
    dto: NumberingPatternDto,
  ): Promise<NumberingView> {
    assertOwnAgency(principal, agencyCode);
    const words = dto.kindWords ?? {};
    const violations: FieldViolation[] = Object.entries(words).flatMap(([kind, word]): FieldViolation[] => {
      if (!NUMBERED_KINDS.includes(kind as DocumentKind))
        return [
          {
            field: `kindWords.${kind}`,
            rule: 'numberedKind',
            message: `字段 kindWords.${kind} 不是编文号的文书种类`,
          },
        ];
      if (typeof word !== 'string' || !NUMBER_PART.test(word))
        return [
          {
            field: `kindWords.${kind}`,
            rule: 'matches',
            message: `字段 kindWords.${kind} 须为 1 至 12 个汉字、字母或数字`,
          },
        ];
      return [];
    });
    if (violations.length > 0)
      throw new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', violations);
    await this.dataSource.manager.upsert(
      NumberingPatternEntity,
      {
        agencyCode,
        abbreviation: dto.abbreviation,
        kindWords: words,
        updatedBy: principal.subject,
        updatedAt: new Date(),
      },
      ['agencyCode'],
    );
    return this.view(principal, agencyCode);
  }

  /**
   * Takes the next serial of the agency's kind and year in `manager`'s transaction and formats the 文号; the
   * caller records it in the same transaction. Refused when the agency has set no pattern.
   */
  async allocate(
    manager: EntityManager,
    agencyCode: string,
    kind: DocumentKind,
    year: number,
  ): Promise<AllocatedNumber> {
    const pattern = await manager.findOneBy(NumberingPatternEntity, { agencyCode });
    if (!pattern) throw missingPattern(agencyCode);
    const rows: { last_serial: number }[] = await manager.query(
      `INSERT INTO number_counter (agency_code, kind, year, last_serial) VALUES ($1, $2, $3, 1)
       ON CONFLICT (agency_code, kind, year) DO UPDATE SET last_serial = number_counter.last_serial + 1
       RETURNING last_serial`,
      [agencyCode, kind, year],
    );
    const serial = rows[0].last_serial;
    const word = pattern.kindWords[kind] ?? DOCUMENT_KIND_SPECS[kind].numberWord!;
    return { number: formatDocumentNumber(pattern.abbreviation, word, year, serial), year, serial };
  }

  /** Whether the agency can issue numbered documents, checked before anything else is done for a request. */
  async assertPattern(agencyCode: string): Promise<void> {
    if (!(await this.dataSource.manager.existsBy(NumberingPatternEntity, { agencyCode })))
      throw missingPattern(agencyCode);
  }
}

function missingPattern(agencyCode: string): ApiError {
  return new ApiError(
    HttpStatus.CONFLICT,
    'NUMBERING_PATTERN_MISSING',
    `执法主体 ${agencyCode} 尚未设置文号的机关代字，不能出具编号文书`,
  );
}
