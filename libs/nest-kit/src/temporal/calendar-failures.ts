import { CalendarError, CalendarUnavailableError } from '@lep/calendar';
import { ApplicationFailure } from '@temporalio/common';

/**
 * Runs an activity's calendar work so that it never retries forever on data a person must correct: a calendar
 * error (an unknown region, a date that is none) fails the activity for good, as an ApplicationFailure whose
 * type names the error. The registry being out of reach stays retryable: it comes back by itself.
 */
export async function failingForGoodOnCalendarErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CalendarError && !(error instanceof CalendarUnavailableError))
      throw ApplicationFailure.nonRetryable(error.message, error.name);
    throw error;
  }
}
