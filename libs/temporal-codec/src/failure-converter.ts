import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures as Temporal's default converter writes them, but with the message and stack trace moved into an
 * encoded-attributes payload, which the codec then encrypts like any other: a failure message naming a party
 * (an activity's error, a refused update) is no more readable in the history than the party's data itself.
 * Loaded by path (FAILURE_CONVERTER_PATH) because workflows need it inside their sandbox too.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
