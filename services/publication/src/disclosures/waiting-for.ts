import type { DisclosureDeadlineData } from '@lep/contracts';
import type { DisclosureEntity } from './disclosure.entity';

/** What still holds a pending record back from the portal; empty when it may be published. */
export function waitingFor(
  disclosure: Pick<
    DisclosureEntity,
    'needsMaskingConfirmation' | 'maskingConfirmedAt' | 'blocks' | 'blockReview'
  >,
): DisclosureDeadlineData['waitingFor'] {
  const reasons: DisclosureDeadlineData['waitingFor'] = [];
  if (disclosure.needsMaskingConfirmation && !disclosure.maskingConfirmedAt)
    reasons.push('masking-confirmation');
  if (disclosure.blocks.length > 0 && disclosure.blockReview === null) reasons.push('block-sign-off');
  return reasons;
}
