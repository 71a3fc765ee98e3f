import { randomUUID } from 'node:crypto';
import { validate } from 'class-validator';
import { PERSONNEL_ID_RULE } from '@lep/contracts';
import { IsPersonnelId } from './personnel-id';
import { toViolations } from './validation';

class Named {
  @IsPersonnelId()
  officerId!: string;

  @IsPersonnelId({ each: true })
  handlerIds!: string[];
}

function named(officerId: string, handlerIds: string[]): Named {
  return Object.assign(new Named(), { officerId, handlerIds });
}

describe('IsPersonnelId', () => {
  it('takes registry ids', async () => {
    expect(await validate(named(randomUUID(), [randomUUID(), randomUUID()]))).toEqual([]);
  });

  it('refuses anything else with the field, the stable rule and a Chinese message', async () => {
    const violations = toViolations(await validate(named('officer-1', [randomUUID(), '张三'])));
    expect(violations).toEqual([
      {
        field: 'officerId',
        rule: PERSONNEL_ID_RULE,
        message: '字段 officerId 须为登记的执法人员 id（UUID）',
      },
      {
        field: 'handlerIds',
        rule: PERSONNEL_ID_RULE,
        message: '字段 handlerIds 须为登记的执法人员 id（UUID）',
      },
    ]);
  });
});
