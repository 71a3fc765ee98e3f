import { chinaDateOf } from '@lep/calendar';
import { CASE_ERROR_CODES, caseUpdates } from '@lep/contracts';
import { caseActivities, type CaseContext } from './case-context';
import { refusal } from './refusal';

/**
 * 更换承办人员 (domain.md R8c): a leader replaces one handler of an open case by another, an act of its own in the
 * whole-process record. The incoming officer passes the checks of an acting handler (registered in the agency, a
 * certificate valid that day for the case's item); one for one, so the case keeps its two handlers (APL art. 42).
 * A new update: histories recorded before it never call it, so it needs no patch.
 */
export function handlerReplacement(ctx: CaseContext): void {
  const { state, record, action, open } = ctx;
  action(
    caseUpdates.replaceHandler,
    ({ outgoingId, incomingId }) => {
      const closed = open('更换承办人员');
      if (closed) return closed;
      if (!state.handlerIds.includes(outgoingId))
        return {
          code: CASE_ERROR_CODES.handlerReplacementInvalid,
          message: `执法人员 ${outgoingId} 不是本案的承办人员，无须更换`,
        };
      if (state.handlerIds.includes(incomingId))
        return {
          code: CASE_ERROR_CODES.handlerReplacementInvalid,
          message: `执法人员 ${incomingId} 已是本案的承办人员`,
        };
      return undefined;
    },
    async ({ actor, outgoingId, incomingId, reason }) => {
      const refused = await caseActivities.checkActingOfficers({
        agencyCode: state.agencyCode,
        itemCode: state.itemCode,
        on: chinaDateOf(Date.now()),
        officerIds: [incomingId],
        as: 'handler',
      });
      if (refused) throw refusal(refused.code, refused.message);
      state.handlerIds = state.handlerIds.map((handlerId) =>
        handlerId === outgoingId ? incomingId : handlerId,
      );
      await record(actor, 'handler-replaced', '更换承办人员', {
        outgoingId,
        incomingId,
        reason,
        handlerIds: state.handlerIds,
      });
    },
  );
}
