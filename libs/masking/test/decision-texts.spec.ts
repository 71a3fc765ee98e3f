import { maskText, publicationBlockers } from '@lep/masking';

// Excerpts shaped like real 行政处罚决定书 of 师市 bodies (names, numbers and addresses invented, checksums valid).
describe('masking whole decision texts through @lep/masking', () => {
  it('masks a market-supervision decision against a natural person', () => {
    const decision = [
      '石河子市市场监督管理局',
      '行政处罚决定书',
      '石市监罚〔2025〕37号',
      '当事人：王建国，男，汉族，1985年3月12日出生，公民身份号码：659001198503121237，',
      '住址：新疆石河子市向阳街道北三路5号2栋1单元302室，联系电话：13899521234。',
      '经查，当事人于2025年3月至5月在石河子市北子午路销售过期食品，违法所得人民币3,680.50元。',
      '证人刘芳（电话0993-2512345）证实了上述事实。当事人通过其个人银行卡6222021234567894收取货款。',
      '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项，决定：没收违法所得3,680.50元，罚款人民币50,000元。',
      '请于收到本决定书之日起十五日内缴至指定账户（开户行：农业银行石河子分行，账号：30-040201-0900123）。',
      '2025年6月16日',
    ].join('\n');

    const result = maskText(decision, { penalisedPersonName: '王建国', otherPersonNames: ['刘芳'] });

    expect(result.masked).toBe(
      [
        '石河子市市场监督管理局',
        '行政处罚决定书',
        '石市监罚〔2025〕37号',
        '当事人：王某，男，汉族，1985年3月12日出生，公民身份号码：[身份证号已隐去]，',
        '住址：[住址已隐去]，联系电话：[手机号已隐去]。',
        '经查，当事人于2025年3月至5月在石河子市北子午路销售过期食品，违法所得人民币3,680.50元。',
        '证人刘某（电话[电话号码已隐去]）证实了上述事实。当事人通过其个人银行卡[银行账号已隐去]收取货款。',
        '依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项，决定：没收违法所得3,680.50元，罚款人民币50,000元。',
        '请于收到本决定书之日起十五日内缴至指定账户（开户行：农业银行石河子分行，账号：[银行账号已隐去]）。',
        '2025年6月16日',
      ].join('\n'),
    );
    expect(result.needsManualReview).toBe(false);
    expect(
      maskText(result.masked, { penalisedPersonName: '王建国', otherPersonNames: ['刘芳'] }).masked,
    ).toBe(result.masked);
  });

  it('keeps an organisation and its public codes, hides its bank account and the people around it', () => {
    const decision =
      '当事人：石河子市某某商贸有限公司，统一社会信用代码：91659001MA7AC1234M，' +
      '法定代表人：欧阳明，公民身份号码：659001199001012342，' +
      '委托代理人：阿依古丽·吐尔逊，手机+86 139 9521 0000。' +
      '经查，当事人在其对公账户30040201090012345中收取违法所得共计人民币126,000元。';

    const result = maskText(decision, { otherPersonNames: ['欧阳明', '阿依古丽·吐尔逊'] });

    expect(result.masked).toBe(
      '当事人：石河子市某某商贸有限公司，统一社会信用代码：91659001MA7AC1234M，' +
        '法定代表人：欧阳某，公民身份号码：[身份证号已隐去]，' +
        '委托代理人：阿某·吐某，手机[手机号已隐去]。' +
        '经查，当事人在其对公账户[银行账号已隐去]中收取违法所得共计人民币126,000元。',
    );
  });

  it('holds back a decision whose facts mention health and blocks it for a minor', () => {
    const decision = '当事人李明（身份证号：659001201005204560）称其患有抑郁症，现住石河子市东城街道23小区。';

    const result = maskText(decision, { penalisedPersonName: '李明' });

    expect(result.masked).toBe('当事人李某（身份证号：[身份证号已隐去]）称其患有抑郁症，现住[住址已隐去]。');
    expect(result.needsManualReview).toBe(true);
    expect(result.findings.filter((finding) => finding.needsReview).map((finding) => finding.kind)).toEqual([
      'health-status',
      'health-status',
    ]);
    expect(
      publicationBlockers({
        decisionDate: '2025-06-16',
        penalisedPerson: { residentIdNumber: '659001201005204560' },
        involvesSecretsOrPrivacy: true,
        endangersSecurityOrStability: false,
        provincialBodyDeemsUnsuitable: false,
      }).map((blocker) => blocker.code),
    ).toEqual(['minor', 'secrets-or-privacy']);
  });
});
