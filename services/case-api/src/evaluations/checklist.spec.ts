import { EVALUATION_ITEM_POINTS, EVALUATION_ITEMS, type EvaluationItemScore } from '@lep/contracts';
import { ApiError } from '@lep/nest-kit';
import { scoreChecklist } from './checklist';

const full = (): EvaluationItemScore[] =>
  EVALUATION_ITEMS.map((item) => ({ item, score: EVALUATION_ITEM_POINTS[item], finding: '无问题' }));

const violationsOf = (items: EvaluationItemScore[]) => {
  try {
    scoreChecklist(items);
  } catch (error) {
    if (error instanceof ApiError) return (error.getResponse() as { violations: unknown[] }).violations;
    throw error;
  }
  throw new Error('accepted');
};

describe('the 案卷评查 checklist (domain.md R7a)', () => {
  it('has eight items worth 100 points together', () => {
    expect(EVALUATION_ITEMS).toHaveLength(8);
    expect(Object.values(EVALUATION_ITEM_POINTS).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('adds up the scores, grades them and names the items that lost points, in checklist order', () => {
    const items = full().reverse();
    items.find((entry) => entry.item === 'evidence')!.score = 12;
    items.find((entry) => entry.item === 'filing')!.score = 3;
    const scored = scoreChecklist(items);
    expect(scored.items.map((entry) => entry.item)).toEqual([...EVALUATION_ITEMS]);
    expect(scored).toMatchObject({ total: 90, grade: 'excellent', problemItems: ['evidence', 'filing'] });
    expect(scoreChecklist(full()).problemItems).toEqual([]);
  });

  it('grades 优秀 from 90, 合格 from 60, 不合格 below', () => {
    const at = (total: number) => {
      const items = full();
      let over = 100 - total;
      for (const entry of items) {
        const cut = Math.min(entry.score, over);
        entry.score -= cut;
        over -= cut;
      }
      return scoreChecklist(items).grade;
    };
    expect([at(100), at(90), at(89), at(60), at(59), at(0)]).toEqual([
      'excellent',
      'excellent',
      'pass',
      'pass',
      'fail',
      'fail',
    ]);
  });

  it('refuses a repeated or missing item and a score above the item’s points, naming the field', () => {
    const repeated = full();
    repeated[7] = { item: 'subject', score: 10, finding: '无问题' };
    expect(violationsOf(repeated)).toEqual([
      expect.objectContaining({ field: 'items.7.item', rule: 'uniqueItem' }),
      expect.objectContaining({
        field: 'items',
        rule: 'allItems',
        message: expect.stringContaining('filing'),
      }),
    ]);
    const over = full();
    over[0] = { item: 'subject', score: 11, finding: '无问题' };
    expect(violationsOf(over)).toEqual([
      expect.objectContaining({
        field: 'items.0.score',
        rule: 'maxPoints',
        message: expect.stringContaining('10 分'),
      }),
    ]);
  });
});
