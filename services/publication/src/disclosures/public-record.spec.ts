import type { DecisionMadeData } from '@lep/contracts';
import { buildPublicRecord, type PublicRecordOptions, toWanYuan } from './public-record';

const OPTIONS = { namePolicy: 'surname-mou' as const, displayUntil: '2027-09-30' };

const base: Omit<DecisionMadeData, 'party' | 'otherPersonNames'> = {
  caseId: 'case-1',
  agencyCode: 'BT-SC-01',
  caseNumber: '兵一师市监立〔2026〕12号',
  category: 'penalty',
  itemCode: 'CF-001',
  decisionId: 'dec-1',
  documentNumber: '兵一师市监罚〔2026〕12号',
  decidedOn: '2026-09-30',
  decidedAt: '2026-09-30T03:00:00.000Z',
  agencyName: '第一师阿拉尔市市场监督管理局',
  agencyCreditCode: '11659002MB1234567X',
  region: 'national',
  major: false,
  publicationBlocks: [],
  draftHash: 'sha256-x',
};

describe('public record of a decision (domain.md §3, §4)', () => {
  it('keeps an organisation’s name, credit code and legal representative, and masks the persons around it', () => {
    const { record, needsConfirmation } = buildPublicRecord(
      {
        ...base,
        party: {
          type: 'legal-person',
          name: '阿拉尔市塔河食品有限公司',
          creditCode: '91659002MA77XQ1P3L',
          legalRepresentative: '周建国',
        },
        otherPersonNames: ['马晓燕'],
        penalty: {
          violationType: '生产经营超过保质期的食品',
          facts:
            '2026年8月12日，执法人员对阿拉尔市塔河食品有限公司（统一社会信用代码91659002MA77XQ1P3L）进行检查，' +
            '发现其仓库存放超过保质期的牛奶120箱。该公司员工马晓燕（手机18999012345）称系8月初购进，' +
            '货款通过公司账号：30010188000123456 支付。',
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第（五）项',
          penaltyKinds: ['没收违法所得', '罚款'],
          content: '没收违法所得3600元，罚款人民币50000元。',
          fineYuan: 50_000,
          confiscatedYuan: 3_600,
          validUntil: '2027-09-30',
        },
      },
      OPTIONS,
    );
    expect(record.party).toEqual({
      name: '阿拉尔市塔河食品有限公司',
      category: '法人及非法人组织',
      creditCode: '91659002MA77XQ1P3L',
      legalRepresentative: '周建国',
    });
    const facts = record.penalty!.facts;
    expect(facts).toContain('91659002MA77XQ1P3L');
    expect(facts).toContain('马某');
    expect(facts).not.toContain('马晓燕');
    expect(facts).not.toContain('18999012345');
    expect(facts).not.toContain('30010188000123456');
    expect(record.penalty).toMatchObject({ fineWanYuan: 5, confiscatedWanYuan: 0.36 });
    expect(record).toMatchObject({
      dataSource: base.agencyName,
      dataSourceCreditCode: base.agencyCreditCode,
    });
    expect(needsConfirmation).toBe(false);
  });

  it('shows a natural person as 姓+某 and never copies the ID number; health data asks for confirmation', () => {
    const { record, needsConfirmation, findings } = buildPublicRecord(
      {
        ...base,
        party: {
          type: 'natural-person',
          name: '买买提·艾力',
          idType: '居民身份证',
          idNumber: '11010519491231002X',
        },
        otherPersonNames: [],
        penalty: {
          violationType: '无照经营',
          facts:
            '当事人买买提·艾力（身份证号11010519491231002X，家庭住址：图木舒克市前海街道12号院3号）未取得营业执照' +
            '从事烧烤经营，其自述患有糖尿病。',
          legalBasis: '《无证无照经营查处办法》第十三条',
          penaltyKinds: ['警告'],
          content: '给予买买提·艾力警告。',
          validUntil: '2027-09-30',
        },
      },
      OPTIONS,
    );
    expect(record.party).toEqual({ name: '买某·艾某', category: '自然人' });
    expect(JSON.stringify(record)).not.toContain('11010519491231002X');
    expect(record.penalty!.facts).not.toContain('前海街道12号院');
    expect(record.penalty!.content).toBe('给予买某·艾某警告。');
    expect(needsConfirmation).toBe(true);
    expect(findings).toEqual(expect.arrayContaining(['resident-id', 'address', 'penalised-person-name']));
  });

  it('keeps an individual business’s name and credit code but masks its operator', () => {
    const { record } = buildPublicRecord(
      {
        ...base,
        category: 'licensing',
        party: {
          type: 'individual-business',
          name: '五家渠市老李拉面馆',
          creditCode: '92659004MA7A1B2C3D',
          legalRepresentative: '李志强',
        },
        otherPersonNames: [],
        licensing: {
          documentTitle: '食品经营许可决定书',
          licenceKind: '普通',
          certificateName: '食品经营许可证',
          licenceNumber: 'JY16590040012345',
          content: '准予李志强经营的五家渠市老李拉面馆从事热食类食品制售。',
          validFrom: '2026-09-30',
          validTo: '2031-09-29',
          granted: true,
        },
      },
      OPTIONS,
    );
    expect(record.party).toMatchObject({ name: '五家渠市老李拉面馆', legalRepresentative: '李某' });
    expect(record.licensing!.content).toBe('准予李某经营的五家渠市老李拉面馆从事热食类食品制售。');
    expect(record.licensing).toMatchObject({ status: '有效', licenceNumber: 'JY16590040012345' });
  });

  it('discloses a 不予许可 with its reason masked, and no certificate, number or validity', () => {
    const { record } = buildPublicRecord(
      {
        ...base,
        category: 'licensing',
        documentNumber: '阿市监不许〔2026〕2号',
        party: {
          type: 'natural-person',
          name: '王小明',
          idType: '居民身份证',
          idNumber: '11010519491231002X',
        },
        otherPersonNames: [],
        licensing: {
          documentTitle: '不予行政许可决定书',
          licenceKind: '其他',
          licenceKindName: '备案类许可',
          content: '王小明申请在自有住宅（住址阿拉尔市幸福路8号）从事热食类食品制售。',
          granted: false,
          refusalReason: '王小明提交的经营场所（住址阿拉尔市幸福路8号）为住宅，不符合食品经营场所要求。',
        },
      },
      { ...OPTIONS, asOf: '2026-10-08' },
    );
    expect(record.licensing).toEqual({
      documentTitle: '不予行政许可决定书',
      licenceKind: '其他（备案类许可）',
      content: expect.not.stringContaining('幸福路'),
      status: '无效',
      granted: false,
      refusalReason: expect.stringMatching(/^王某提交的经营场所/),
    });
    expect(record.licensing!.refusalReason).not.toContain('幸福路');
  });

  it('reads a licence’s 当前状态 from its validity on the day the record is built', () => {
    const licensing = {
      documentTitle: '食品经营许可决定书',
      licenceKind: '普通' as const,
      content: '准予从事热食类食品制售。',
      validFrom: '2026-10-01',
      validTo: '2031-09-30',
      granted: true,
    };
    const status = (asOf: string) =>
      buildPublicRecord(
        {
          ...base,
          category: 'licensing',
          party: { type: 'legal-person', name: '某公司' },
          otherPersonNames: [],
          licensing,
        },
        { ...OPTIONS, asOf },
      ).record.licensing!.status;
    expect([status('2026-09-30'), status('2026-10-01'), status('2031-10-01')]).toEqual([
      '无效',
      '有效',
      '无效',
    ]);
  });

  it('keeps a field marked as a commercial secret in its place without its text, and says why', () => {
    const formula = '采用本公司专有配方（乳清蛋白32%、麦芽糊精41%）';
    const { record, findings } = buildPublicRecord(
      {
        ...base,
        party: { type: 'legal-person', name: '石河子市天山乳业有限公司', creditCode: '91659001MA77XQ1P3L' },
        otherPersonNames: [],
        tradeSecretFields: ['penalty.facts'],
        penalty: {
          violationType: '生产标签不符合规定的食品',
          facts: `当事人${formula}生产的配方奶粉标签未标示营养成分表，联系人手机18999012345。`,
          legalBasis: '《中华人民共和国食品安全法》第一百二十五条',
          penaltyKinds: ['罚款'],
          content: '罚款人民币20000元。',
          fineYuan: 20_000,
          validUntil: '2027-09-30',
        },
      },
      OPTIONS,
    );
    expect(record.penalty!.facts).toBe('涉及商业秘密，依法不予公开');
    expect(JSON.stringify(record)).not.toContain('乳清蛋白');
    // The other fields are published as usual, and the masking report does not speak of the withheld text.
    expect(record.penalty).toMatchObject({ content: '罚款人民币20000元。', fineWanYuan: 2 });
    expect(findings).toEqual([]);
    expect(record.withheldFields).toEqual([
      { field: 'penalty.facts', label: '违法事实', reason: '涉及商业秘密，依法不予公开' },
    ]);
  });

  it('names the kind of a 行政强制 decision and lists no withheld field when none is marked', () => {
    const { record } = buildPublicRecord(
      {
        ...base,
        category: 'coercion',
        party: { type: 'legal-person', name: '石河子市天山乳业有限公司', creditCode: '91659001MA77XQ1P3L' },
        otherPersonNames: [],
        coercion: { kind: 'seal' },
        other: {
          title: '查封决定书',
          content: '查封当事人仓库内涉嫌过期的奶粉200箱，期限30日。',
          legalBasis: '《中华人民共和国食品安全法》第一百一十条',
        },
      },
      OPTIONS,
    );
    expect(record.coercion).toEqual({ kind: '查封场所、设施或者财物' });
    expect(record.other!.content).toBe('查封当事人仓库内涉嫌过期的奶粉200箱，期限30日。');
    expect(record).not.toHaveProperty('withheldFields');
  });

  it('states a 不予行政处罚 decision’s ground in Chinese and keeps back a reason marked as a commercial secret', () => {
    const { record } = buildPublicRecord(
      {
        ...base,
        party: { type: 'legal-person', name: '石河子市天山乳业有限公司', creditCode: '91659001MA77XQ1P3L' },
        otherPersonNames: [],
        noPenalty: {
          ground: 'no-fault',
          violationType: '销售标签不符合规定的食品',
          facts: '当事人销售的奶粉标签存在瑕疵。',
          legalBasis: '《中华人民共和国行政处罚法》第三十三条第二款',
          reason: '当事人提供的进货合同载明其配方由供应商保密提供，足以证明其没有主观过错。',
        },
        tradeSecretFields: ['noPenalty.reason'],
      },
      OPTIONS,
    );
    expect(record.noPenalty).toEqual({
      ground: '当事人有证据足以证明没有主观过错（无主观过错）',
      violationType: '销售标签不符合规定的食品',
      facts: '当事人销售的奶粉标签存在瑕疵。',
      legalBasis: '《中华人民共和国行政处罚法》第三十三条第二款',
      reason: '涉及商业秘密，依法不予公开',
    });
    expect(record).not.toHaveProperty('penalty');
    expect(record.withheldFields).toEqual([
      { field: 'noPenalty.reason', label: '不予处罚理由', reason: '涉及商业秘密，依法不予公开' },
    ]);
  });

  it('converts yuan to 万元', () => {
    expect(toWanYuan(5000)).toBe(0.5);
    expect(toWanYuan(123_456)).toBe(12.3456);
  });

  describe('the masked 决定书 (domain.md L1c)', () => {
    const rendered: DecisionMadeData = {
      ...base,
      decisionId: 'case-BT01.兵一师市监立〔2026〕12号-D1',
      party: { type: 'natural-person', name: '王小明' },
      otherPersonNames: [],
      penalty: {
        violationType: '销售过期食品',
        facts: '当事人王小明销售超过保质期的食品。',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款',
        penaltyKinds: ['罚款'],
        content: '罚款人民币5000元。',
        fineYuan: 5000,
        validUntil: '2027-09-30',
      },
      document: {
        documentId: 'doc-1',
        number: '兵一师市监罚〔2026〕12号',
        sha256: 'a'.repeat(64),
        maskedSha256: 'b'.repeat(64),
        templateVersion: 'penalty-decision.v1',
      },
    };

    it('links the masked rendering by its recorded hash when it hides what the record hides', () => {
      expect(buildPublicRecord(rendered, OPTIONS).record.document).toEqual({
        sha256: 'b'.repeat(64),
        href: `/api/v1/public/decisions/${encodeURIComponent(rendered.decisionId)}/document`,
      });
    });

    it('does not link it when the 决定书 would show what the record keeps back', () => {
      for (const [decision, options] of [
        [{ ...rendered, tradeSecretFields: ['penalty.facts'] }, OPTIONS],
        [{ ...rendered, otherPersonNames: ['李四'] }, OPTIONS],
        [
          {
            ...rendered,
            party: { type: 'individual-business', name: '阿拉尔市小明商店', legalRepresentative: '王小明' },
          },
          OPTIONS,
        ],
        [rendered, { ...OPTIONS, namePolicy: 'surname-star' }],
        [{ ...rendered, document: undefined }, OPTIONS],
      ] as Array<[DecisionMadeData, PublicRecordOptions]>)
        expect(buildPublicRecord(decision, options).record.document).toBeUndefined();
    });
  });
});
