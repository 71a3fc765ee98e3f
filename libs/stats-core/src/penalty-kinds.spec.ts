import { heaviestPenaltyKind } from './penalty-kinds';
import { MalformedEventError, periodOf } from './periods';

describe('heaviestPenaltyKind', () => {
  it('counts several sanctions once, under the heaviest in the template order', () => {
    expect(heaviestPenaltyKind(['罚款', '警告'])).toBe('罚款');
    expect(heaviestPenaltyKind(['罚款', '吊销许可证件', '没收违法所得'])).toBe('吊销许可证件');
    expect(heaviestPenaltyKind(['行政拘留', '罚款'])).toBe('行政拘留');
  });

  it('uses 其他 only when nothing listed was imposed, and none for a no-penalty decision', () => {
    expect(heaviestPenaltyKind(['其他', '警告'])).toBe('警告');
    expect(heaviestPenaltyKind(['其他'])).toBe('其他');
    expect(heaviestPenaltyKind(['责令改正'])).toBe('其他');
    expect(heaviestPenaltyKind([])).toBeUndefined();
  });
});

describe('periodOf', () => {
  it('takes a date as written and an instant in China time', () => {
    expect(periodOf('2026-12-31')).toEqual({ year: 2026, month: 12 });
    expect(periodOf('2026-12-31T15:59:59Z')).toEqual({ year: 2026, month: 12 });
    expect(periodOf('2026-12-31T16:00:00Z')).toEqual({ year: 2027, month: 1 });
  });

  it('refuses what is not a date', () => {
    expect(() => periodOf('soon')).toThrow(MalformedEventError);
  });
});
