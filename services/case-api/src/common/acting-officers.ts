import { AsyncLocalStorage } from 'node:async_hooks';
import { HttpStatus } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { Principal, Role } from '@lep/auth';
import {
  ACTING_OFFICERS_HEADER,
  CASE_ERROR_CODES,
  MAX_ACTING_OFFICERS,
  PERSONNEL_ID_MESSAGE,
  PERSONNEL_ID_RULE,
  isPersonnelId,
  type CaseActor,
} from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { actorOf } from './case-actor';

/**
 * The officers a request names in its header, for the request's whole handling. Case actions take the header on
 * every route; keeping it here (set by `actingOfficersMiddleware`, as request-context libraries do) lets the actor
 * be built where it always was, from the authenticated principal, without each route passing the header along.
 */
const namedInRequest = new AsyncLocalStorage<string | undefined>();

export function actingOfficersMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const header = request.headers[ACTING_OFFICERS_HEADER];
  namedInRequest.run(Array.isArray(header) ? header.join(',') : header, next);
}

/** The header on the OpenAPI page of the case routes (the actions read it; filing names its handlers in the body). */
export const ActingOfficersHeader = () =>
  ApiHeader({
    name: ACTING_OFFICERS_HEADER,
    required: false,
    description:
      '办理案件（本组 POST 路由，立案除外）时实施该行为的执法人员 id（多名以英文逗号分隔，至多 10 名）。业务系统（API key）调用必填，缺少时 400 ACTING_OFFICER_REQUIRED；执法人员本人调用时为共同实施的其他执法人员（如现场检查的第二名执法人员）',
  });

/**
 * The recorded actor of a case act with the officers who performed it (domain.md R8): a staff caller and the
 * co-officers it names, or the officers an agency system names — a key is no officer, so a system call naming
 * none is refused (400 ACTING_OFFICER_REQUIRED). Whether they may act the case workflow checks at the act.
 */
export function caseActor(principal: Principal, acting: readonly Role[]): CaseActor {
  const named = parseOfficers(namedInRequest.getStore());
  const actor = actorOf(principal, acting);
  if (principal.kind === 'api-key') {
    if (named.length === 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        CASE_ERROR_CODES.officerMissing,
        `业务系统办理案件须在请求头 ${ACTING_OFFICERS_HEADER} 中载明实施该行为的执法人员`,
        [{ field: ACTING_OFFICERS_HEADER, rule: 'required', message: '缺少实施该行为的执法人员' }],
      );
    return { ...actor, officerIds: named };
  }
  return { ...actor, officerIds: [principal.subject, ...named.filter((id) => id !== principal.subject)] };
}

function parseOfficers(header: string | undefined): string[] {
  if (header === undefined || header.trim() === '') return [];
  const ids = [...new Set(header.split(',').map((id) => id.trim()))];
  if (!ids.every(isPersonnelId))
    throw malformed(
      PERSONNEL_ID_RULE,
      `请求头 ${ACTING_OFFICERS_HEADER} 的每一项${PERSONNEL_ID_MESSAGE}，以英文逗号分隔`,
    );
  if (ids.length > MAX_ACTING_OFFICERS)
    throw malformed(
      'officerIds',
      `请求头 ${ACTING_OFFICERS_HEADER} 至多载明 ${MAX_ACTING_OFFICERS} 名执法人员`,
    );
  return ids;
}

function malformed(rule: string, message: string): ApiError {
  return new ApiError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', '请求参数不符合要求', [
    { field: ACTING_OFFICERS_HEADER, rule, message },
  ]);
}
