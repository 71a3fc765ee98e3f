import { luhn } from './checksums';
import { FindingKind, REPLACEMENT_TOKENS } from './finding';
import { maskText, MaskOptions } from './mask-text';

const masked = (text: string, options?: MaskOptions) => maskText(text, options).masked;
const kinds = (text: string, options?: MaskOptions): FindingKind[] =>
  maskText(text, options).findings.map((finding) => finding.kind);

describe('maskText: resident IDs', () => {
  it.each([
    ['公民身份号码：659001198503121237，', '公民身份号码：[身份证号已隐去]，'],
    ['身份证号11010519491231002X。', '身份证号[身份证号已隐去]。'],
    ['身份证号11010519491231002x。', '身份证号[身份证号已隐去]。'],
    ['（身份证号码659001198503121237）', '（身份证号码[身份证号已隐去]）'],
    ['张三659001198503121237李四', '张三[身份证号已隐去]李四'],
    ['旧身份证659001850312123', '旧身份证[身份证号已隐去]'],
  ])('%s → %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it('masks a mistyped ID (wrong check digit) whole, and asks for review', () => {
    const result = maskText('身份证号：659001198503121238');
    expect(result.masked).toBe('身份证号：[身份证号已隐去]');
    expect(result.findings).toEqual([
      { kind: 'resident-id', start: 5, end: 23, replacement: '[身份证号已隐去]', needsReview: true },
    ]);
    expect(result.needsManualReview).toBe(true);
  });

  it('does not take part of a longer number for an ID', () => {
    expect(kinds('编码A659001198503121237')).toEqual([]);
    expect(kinds('6590011985031212371')).not.toContain('resident-id');
  });
});

describe('maskText: unified social credit codes are public', () => {
  it.each([
    '统一社会信用代码：914403001922038216',
    '统一社会信用代码9144030071526726XG，',
    '（信用代码91110108551385082Q）',
  ])('keeps %s', (text) => {
    expect(maskText(text)).toEqual({ masked: text, findings: [], needsManualReview: false });
  });

  it('keeps a valid USCC that has the shape of an ID', () => {
    const text = '当事人石河子某某合作社（统一社会信用代码：916501198503121000）';
    expect(masked(text)).toBe(text);
  });

  it('keeps an unlabelled ID-shaped USCC that fails the ID check', () => {
    expect(masked('代码916501198503121000')).toBe('代码916501198503121000');
  });

  describe('a number that passes both the ID and the USCC check', () => {
    const both = '116501198503121498';

    it('stays when labelled as a credit code', () => {
      expect(masked(`统一社会信用代码：${both}`)).toBe(`统一社会信用代码：${both}`);
    });

    it('is masked when labelled as an ID', () => {
      expect(maskText(`身份证号：${both}`)).toMatchObject({
        masked: '身份证号：[身份证号已隐去]',
        needsManualReview: false,
      });
    });

    it('is masked and flagged for review without a label', () => {
      expect(maskText(`号码${both}`)).toMatchObject({
        masked: '号码[身份证号已隐去]',
        needsManualReview: true,
      });
    });
  });

  it('does not let the bank card detector take a USCC that happens to pass Luhn', () => {
    const code = '916590011000056127';
    expect(luhn(code)).toBe(true);
    expect(masked(`统一社会信用代码：${code}`)).toBe(`统一社会信用代码：${code}`);
  });

  it('masks a phone number right after a USCC', () => {
    const text = '信用代码：914403001922038216，手机13912345678';
    expect(masked(text)).toBe('信用代码：914403001922038216，手机[手机号已隐去]');
  });
});

describe('maskText: phone numbers', () => {
  it.each([
    ['联系电话：13912345678', '联系电话：[手机号已隐去]'],
    ['电话+8613912345678。', '电话[手机号已隐去]。'],
    ['电话86-13912345678。', '电话[手机号已隐去]。'],
    ['手机139-1234-5678，', '手机[手机号已隐去]，'],
    ['手机 139 1234 5678，', '手机 [手机号已隐去]，'],
    ['办公电话0993-2012345', '办公电话[电话号码已隐去]'],
    ['电话09932012345', '电话[电话号码已隐去]'],
    ['电话010-12345678转8001', '电话[电话号码已隐去]转8001'],
    ['电话（0993）2012345', '电话[电话号码已隐去]'],
    ['电话(0993) 2012345', '电话[电话号码已隐去]'],
  ])('%s → %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it.each(['12912345678', '139123456789', '1391234567'])('leaves %s (not a mobile number)', (digits) => {
    expect(kinds(`编号${digits}`)).not.toContain('mobile-phone');
  });
});

describe('maskText: bank accounts', () => {
  it.each([
    ['银行卡号6222021234567894', '银行卡号[银行账号已隐去]'],
    ['转入6217001234567890122。', '转入[银行账号已隐去]。'],
    ['账号：3004 0201 0900 1234 567，', '账号：[银行账号已隐去]，'],
    ['对公账户为30040201090012345', '对公账户为[银行账号已隐去]'],
    [
      '开户行：中国农业银行石河子分行 30-040201-0900123，',
      '开户行：中国农业银行石河子分行 [银行账号已隐去]，',
    ],
    ['帐号123456789', '帐号[银行账号已隐去]'],
  ])('%s → %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it('leaves a 16-digit number that fails Luhn and has no account keyword', () => {
    expect(masked('流水号6222021234567895')).toBe('流水号6222021234567895');
  });

  it.each([
    '账户余额123456789元',
    '账户内资金123456789.50元',
    '开户行：中国工商银行石河子分行，',
    '账户于2025年3月被冻结',
    '[银行账号已隐去]，金额12345678901元',
  ])('does not read an amount, date or bank name after the keyword as an account: %s', (text) => {
    expect(masked(text)).toBe(text);
  });

  it('does not look past the clause for an account number', () => {
    expect(masked('开户行：中国工商银行，合同编号123456789')).toBe('开户行：中国工商银行，合同编号123456789');
  });
});

describe('maskText: passports and permits', () => {
  it.each([
    ['护照号码E12345678，', '护照号码[护照号已隐去]，', 'passport'],
    ['护照EA1234567。', '护照[护照号已隐去]。', 'passport'],
    ['护照G12345678', '护照[护照号已隐去]', 'passport'],
    ['回乡证H1234567801', '回乡证[通行证号已隐去]', 'hk-macau-permit'],
    ['通行证号m12345678，', '通行证号[通行证号已隐去]，', 'hk-macau-permit'],
    ['台胞证号码：12345678，', '台胞证号码：[台胞证号已隐去]，', 'taiwan-permit'],
    ['台胞证12345678', '台胞证[台胞证号已隐去]', 'taiwan-permit'],
  ])('%s → %s', (text, expected, kind) => {
    const result = maskText(text);
    expect(result.masked).toBe(expected);
    expect(result.findings.map((finding) => finding.kind)).toEqual([kind]);
  });

  it.each(['型号E123456789', '编号12345678', 'SKU:E12345678X'])('leaves %s', (text) => {
    expect(masked(text)).toBe(text);
  });
});

describe('maskText: free-text addresses', () => {
  it.each([
    ['住址：新疆石河子市北子午路12号3栋2单元502室，', '住址：[住址已隐去]，'],
    ['家庭住址:石河子市东城街道23小区15-2-301。', '家庭住址:[住址已隐去]。'],
    ['户籍地：河南省商丘市睢县某某村；', '户籍地：[住址已隐去]；'],
    ['户籍所在地为甘肃省武威市凉州区', '户籍所在地为[住址已隐去]'],
    ['现住石河子市向阳街道北三路5号，', '现住[住址已隐去]，'],
    ['现住址：五家渠市人民路8号', '现住址：[住址已隐去]'],
    ['住所：石河子市开发区北八路21号\n法定代表人', '住所：[住址已隐去]\n法定代表人'],
    ['联系地址： 阿拉尔市塔河大道1号 ，', '联系地址： [住址已隐去] ，'],
    ['住址新疆石河子市北子午路12号，', '住址[住址已隐去]，'],
    ['男，住新疆石河子市向阳街道北三路5号，', '男，住[住址已隐去]，'],
    ['家住第八师一四二团三连17号。', '家住[住址已隐去]。'],
    ['居住地北屯市天骄街道额河路21号', '居住地[住址已隐去]'],
    ['现住五家渠市人民路8号3栋602室', '现住[住址已隐去]'],
    ['住在图木舒克市前海街道12栋，', '住在[住址已隐去]，'],
    ['（住址：石河子市北泉路7号401室）于2026年10月销售', '（住址：[住址已隐去]）于2026年10月销售'],
    ['住址为昆玉市北京路16号的个体工商户', '住址为[住址已隐去]的个体工商户'],
    ['住石河子市北泉镇（一四三团）五连5栋2号，', '住[住址已隐去]，'],
    ['其家住址：石河子市东一路12号，', '其家住址：[住址已隐去]，'],
    ['住址：不详。', '住址：[住址已隐去]。'],
  ])('%s → %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it('swallows the numbers inside the address into one finding', () => {
    expect(kinds('住址：石河子市北四路13912345678号')).toEqual(['address']);
  });

  it('leaves legal phrases that only contain an address word', () => {
    const text = '可以在六个月内向被告住所地人民法院提起行政诉讼。';
    expect(masked(text)).toBe(text);
  });

  it('does not read 现住院 (in hospital) as an address', () => {
    expect(kinds('当事人现住院治疗')).toEqual(['health-status']);
  });

  it.each([
    '为保住石河子市场份额，当事人低价倾销',
    '请记住石河子市12345热线',
    '入住率达到90%',
    '当事人持有居住证',
    '向石河子市住建局申请住房补贴',
    '住宿费人民币300元',
    '居住在本地的经营者应当于10日内登记',
  ])('leaves %s: no address follows a 住 word there', (text) => {
    expect(masked(text)).toBe(text);
  });
});

describe('maskText: names from the person registry', () => {
  const options: MaskOptions = {
    penalisedPersonName: '张三',
    otherPersonNames: ['李四', '欧阳娜娜', '张三丰'],
  };

  it('masks the penalised person by policy and other persons as 姓+某', () => {
    expect(masked('当事人张三雇用欧阳娜娜，证人李四在场。', options)).toBe(
      '当事人张某雇用欧阳某，证人李某在场。',
    );
  });

  it('matches the longer registry name first', () => {
    expect(masked('张三丰与张三', options)).toBe('张某与张某');
    expect(kinds('张三丰与张三', options)).toEqual(['other-person-name', 'penalised-person-name']);
  });

  it.each([
    ['surname-star', '当事人张*，证人李某'],
    ['full-name', '当事人张三，证人李某'],
  ] as const)('applies the %s policy to the penalised person only', (namePolicy, expected) => {
    expect(masked('当事人张三，证人李四', { ...options, namePolicy })).toBe(expected);
  });

  it('treats a name given both as penalised and as other person as the penalised one', () => {
    expect(
      masked('张三', { penalisedPersonName: '张三', otherPersonNames: ['张三'], namePolicy: 'full-name' }),
    ).toBe('张三');
  });

  it('ignores one-character registry entries', () => {
    expect(masked('王五与王先生', { otherPersonNames: ['王', ' '] })).toBe('王五与王先生');
  });

  it('masks transliterated names part by part', () => {
    expect(masked('证人买买提·艾力称', { otherPersonNames: ['买买提·艾力'] })).toBe('证人买某·艾某称');
  });
});

describe('maskText: health status', () => {
  it('flags health wording for manual review without changing it', () => {
    const result = maskText('当事人称其患有糖尿病，曾住院治疗。');
    expect(result.masked).toBe('当事人称其患有糖尿病，曾住院治疗。');
    expect(result.findings).toEqual([
      { kind: 'health-status', start: 5, end: 7, replacement: null, needsReview: true },
      { kind: 'health-status', start: 12, end: 14, replacement: null, needsReview: true },
    ]);
    expect(result.needsManualReview).toBe(true);
  });

  it.each([
    '依据《中华人民共和国传染病防治法》第七十三条',
    '违反《残疾人保障法》',
    '销售病死猪肉',
    '石河子市疾病预防控制中心',
  ])('does not flag %s', (text) => {
    expect(maskText(text).needsManualReview).toBe(false);
  });

  it('does not flag a health word inside a span that was masked away', () => {
    expect(maskText('住址：石河子市人民医院住院部家属楼，').needsManualReview).toBe(false);
  });
});

describe('maskText: text that must survive', () => {
  it.each([
    '罚款人民币1,250,000.00元（壹佰贰拾伍万元整）',
    '没收违法所得12500元，罚款50000元',
    '罚款金额0.5万元',
    '于2025年10月9日作出决定',
    '处罚决定日期：2025-10-09，有效期至2099-12-31',
    '20251009',
    '石市监罚〔2025〕12号',
    '兵师市监处字〔2025〕第0993123456号',
    '案号：第2025659001000017号',
    '依据《中华人民共和国食品安全法》第一百二十四条第一款第（三）项',
    '抽检批号20250312001，生产日期2025年3月12日',
    '执法证号65010012345',
  ])('%s', (text) => {
    expect(maskText(text)).toEqual({ masked: text, findings: [], needsManualReview: false });
  });
});

describe('maskText: findings and idempotence', () => {
  const text =
    '当事人张三（身份证号659001198503121237，电话13912345678），住址：石河子市北四路5号，' +
    '开户行：农业银行石河子分行，账号：30040201090012345。证人李四，护照E12345678。当事人患有高血压。';
  const options: MaskOptions = { penalisedPersonName: '张三', otherPersonNames: ['李四'] };

  it('reports each finding with its span in the original text and its replacement', () => {
    const result = maskText(text, options);
    for (const finding of result.findings) {
      expect(finding.end).toBeGreaterThan(finding.start);
      if (finding.replacement !== null) expect(result.masked).toContain(finding.replacement);
    }
    const spans = result.findings.map((finding) => [finding.kind, text.slice(finding.start, finding.end)]);
    expect(spans).toEqual([
      ['penalised-person-name', '张三'],
      ['resident-id', '659001198503121237'],
      ['mobile-phone', '13912345678'],
      ['address', '石河子市北四路5号'],
      ['bank-account', '30040201090012345'],
      ['other-person-name', '李四'],
      ['passport', 'E12345678'],
      ['health-status', '患有'],
    ]);
  });

  it('changes nothing when masking masked text again', () => {
    const once = maskText(text, options);
    const twice = maskText(once.masked, options);
    expect(twice.masked).toBe(once.masked);
    expect(twice.findings.map((finding) => finding.kind)).toEqual(['health-status']);
  });

  it.each(Object.values(REPLACEMENT_TOKENS))('leaves the token %s alone after any label', (token) => {
    const reMasked = `住址：${token}，账号：${token}，现住${token}，开户行${token}，台胞证${token}`;
    expect(maskText(reMasked)).toEqual({ masked: reMasked, findings: [], needsManualReview: false });
  });

  it('returns an empty text unchanged', () => {
    expect(maskText('')).toEqual({ masked: '', findings: [], needsManualReview: false });
  });
});
