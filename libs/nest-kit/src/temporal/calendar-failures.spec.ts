import { CalendarUnavailableError, UnknownCalendarRegionError } from '@lep/calendar';
import { ApplicationFailure } from '@temporalio/common';
import { failingForGoodOnCalendarErrors } from './calendar-failures';

describe('failingForGoodOnCalendarErrors', () => {
  it('fails for good, with the error named as the failure type, on data a person must correct', async () => {
    const failure = await failingForGoodOnCalendarErrors(() => {
      throw new UnknownCalendarRegionError('tibet');
    }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({
      nonRetryable: true,
      type: 'UnknownCalendarRegionError',
      message: '节假日区域“tibet”无效，应为 national（全国）或 xinjiang（新疆）',
    });
  });

  it('leaves an unreachable registry and other errors to the retry policy', async () => {
    const unavailable = new CalendarUnavailableError(new Error('ECONNREFUSED'));
    await expect(failingForGoodOnCalendarErrors(() => Promise.reject(unavailable))).rejects.toBe(unavailable);
    await expect(failingForGoodOnCalendarErrors(async () => 7)).resolves.toBe(7);
  });
});
