import { checkPersonnelRow } from './import-rows';

const row = (certificateIssuedOn: string) => ({
  line: 7,
  fields: {
    agencyCode: 'BT-8',
    name: '张三',
    roles: 'handler',
    certificateNumber: 'C-1',
    certificateIssuedOn,
    certificateExpiresOn: '2099-12-31',
    qualification: 'exam-passed',
    scope: '市场监管',
  },
});

describe('personnel import line dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-12-31', '2023-04-30'])('accepts %s', (date) => {
    expect(checkPersonnelRow(row(date))).toMatchObject({ certificateIssuedOn: date });
  });

  it.each(['2023-02-29', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-1-5'])(
    'refuses %s with the line number',
    (date) => {
      expect(checkPersonnelRow(row(date))).toEqual([
        {
          line: 7,
          field: 'certificateIssuedOn',
          rule: 'isDate',
          message: `第 7 行：certificateIssuedOn 应为有效日期 YYYY-MM-DD，实为“${date}”`,
        },
      ]);
    },
  );
});
