import { maskText, type MaskOptions } from '@lep/masking';

// Decisions written the ways 兵团 and 师市 bodies write them (names, numbers and addresses invented; ID numbers
// carry valid check digits). For each: what is personal and must not survive masking, and the public facts that
// must survive it word for word (domain.md §4: hide the home address, contact details, ID number and bank
// account of natural persons and the names of people other than the penalised party; keep the facts).

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** An 18-digit resident ID (GB 11643) with its check digit. */
function residentId(area: string, birth: string, sequence: string): string {
  const body = `${area}${birth}${sequence}`;
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * ID_WEIGHTS[index], 0);
  return body + '10X98765432'[sum % 11];
}

interface Decision {
  title: string;
  text: string;
  options: MaskOptions;
  /** Personal data: none of it may appear in the masked text. */
  personal: string[];
  /** Public facts: each must appear in the masked text unchanged. */
  facts: string[];
}

const WANG_ID = residentId('659001', '19850312', '123');
const LI_ID = residentId('659004', '19900705', '231');
const AYGUL_ID = residentId('653226', '19920211', '042');
const ZHAO_ID = residentId('659002', '19781120', '315');
const MA_ID = residentId('659005', '19881001', '007');

const CORPUS: Decision[] = [
  {
    title: '住址 with no colon, running straight into the address (石河子市)',
    text:
      `当事人：王建国，男，汉族，1985年3月12日出生，公民身份号码${WANG_ID}，住址新疆石河子市向阳街道北三路5号2栋1单元302室，` +
      '联系电话13899521234。经查，当事人于2026年9月在石河子市北子午路销售过期食品，违法所得人民币3,680.50元。',
    options: { penalisedPersonName: '王建国' },
    personal: ['王建国', WANG_ID, '向阳街道北三路5号', '2栋1单元302室', '13899521234'],
    facts: ['1985年3月12日出生', '于2026年9月在石河子市北子午路销售过期食品', '违法所得人民币3,680.50元'],
  },
  {
    title: '住 alone, as in 男，汉族，住…',
    text:
      '当事人李红梅，女，1990年7月5日出生，住新疆石河子市向阳街道东一路12号小区3-2-401，' +
      `身份证号${LI_ID}。2026年10月8日，执法人员在其经营的“红梅超市”（石河子市北四路88号）检查时发现过期奶粉12罐。`,
    options: { penalisedPersonName: '李红梅' },
    personal: ['李红梅', LI_ID, '东一路12号', '3-2-401'],
    facts: ['2026年10月8日', '“红梅超市”（石河子市北四路88号）', '过期奶粉12罐'],
  },
  {
    title: 'an address in brackets ends at the bracket, and the sale after it is kept',
    text:
      '当事人张立新（男，1979年出生，住址：石河子市东城街道北泉路7号4栋3单元401室）于2026年10月在其经营场所销售未经检验的' +
      '猪肉86公斤，货值金额人民币2,408元。上述事实有现场检查笔录、询问笔录为证。',
    options: { penalisedPersonName: '张立新' },
    personal: ['张立新', '北泉路7号', '4栋3单元401室'],
    facts: [
      '于2026年10月在其经营场所销售未经检验的猪肉86公斤',
      '货值金额人民币2,408元',
      '现场检查笔录、询问笔录为证',
    ],
  },
  {
    title: '兵团 团场 and 连队 addresses: 家住第八师一四二团三连, 现住…镇（一四三团）…连',
    text:
      '当事人赵志刚，男，1978年11月20日出生，家住第八师一四二团三连17号，现住石河子市北泉镇（一四三团）五连5栋2号，' +
      `身份证号码：${ZHAO_ID}。当事人于2026年8月擅自在一四二团三连农田周边焚烧秸秆约20亩。`,
    options: { penalisedPersonName: '赵志刚' },
    personal: ['赵志刚', ZHAO_ID, '第八师一四二团三连17号', '北泉镇（一四三团）五连5栋2号'],
    facts: ['于2026年8月擅自在一四二团三连农田周边焚烧秸秆约20亩'],
  },
  {
    title: '居住地 and 户籍地 (北屯市), with colon',
    text:
      '当事人马晓东，男，回族，户籍地：甘肃省临夏回族自治州广河县三甲集镇某某村，居住地：北屯市天骄街道额河路21号小区6-1-502，' +
      `公民身份号码：${MA_ID}，手机：+86 139 0906 1234。经查，当事人驾驶的新G·A1234号货车于2026年7月15日超限运输。`,
    options: { penalisedPersonName: '马晓东' },
    personal: ['马晓东', MA_ID, '广河县三甲集镇某某村', '额河路21号小区6-1-502', '139 0906 1234'],
    facts: ['新G·A1234号货车', '于2026年7月15日超限运输'],
  },
  {
    title: '现住 and a landline with its area code (五家渠市)',
    text:
      '当事人刘建军，现住五家渠市人民路北街218号3栋602室，联系电话0994-5812345。当事人未取得食品经营许可，' +
      '自2026年4月起在五家渠市青湖路“建军小吃”从事餐饮服务，违法所得人民币6,200元。',
    options: { penalisedPersonName: '刘建军' },
    personal: ['刘建军', '人民路北街218号3栋602室', '0994-5812345'],
    facts: ['自2026年4月起在五家渠市青湖路“建军小吃”从事餐饮服务', '违法所得人民币6,200元'],
  },
  {
    title: 'an organisation keeps its name and code; its representative and accounts do not survive',
    text:
      '当事人：石河子市某某商贸有限公司，统一社会信用代码：91659001MA7AC1234M，住所：石河子市开发区北八路21号，' +
      `法定代表人：欧阳明，公民身份号码：${residentId('659001', '19700101', '011')}，委托代理人：古丽娜尔·吐尔逊，电话18999123456。` +
      '经查，当事人在其对公账户30040201090012345中收取违法所得共计人民币126,000元。',
    options: { otherPersonNames: ['欧阳明', '古丽娜尔·吐尔逊'] },
    personal: ['欧阳明', '古丽娜尔', '吐尔逊', '18999123456', '30040201090012345', '北八路21号'],
    facts: ['石河子市某某商贸有限公司', '91659001MA7AC1234M', '收取违法所得共计人民币126,000元'],
  },
  {
    title: 'an individual business: the premises are public, the operator’s home is not',
    text:
      '当事人：阿拉尔市兴盛五金店（个体工商户），统一社会信用代码：92659002MA78D2K31X，经营者：孙立平，' +
      '经营场所：阿拉尔市塔河大道3号商铺，家庭住址：阿拉尔市幸福路88号3栋2单元501室。当事人于2026年6月销售不合格电线20卷。',
    options: { penalisedPersonName: '孙立平' },
    personal: ['孙立平', '幸福路88号3栋2单元501室'],
    facts: [
      '阿拉尔市兴盛五金店',
      '92659002MA78D2K31X',
      '经营场所：阿拉尔市塔河大道3号商铺',
      '于2026年6月销售不合格电线20卷',
    ],
  },
  {
    title: 'witnesses with their own addresses (阿拉尔市, 图木舒克市)',
    text:
      '证人李四，住阿拉尔市幸福路1号院3排5号；证人周小燕，居住于图木舒克市前海街道永安坝社区12栋，' +
      '均证实当事人于2026年5月20日在阿拉尔市青松路菜市场销售病死羊肉。',
    options: { otherPersonNames: ['李四', '周小燕'] },
    personal: ['李四', '周小燕', '幸福路1号院3排5号', '永安坝社区12栋'],
    facts: ['于2026年5月20日在阿拉尔市青松路菜市场销售病死羊肉'],
  },
  {
    title: 'a Uyghur name, an address in 于田县 (the 于 is a place, not a date), a legacy 15-digit ID',
    text:
      `当事人阿依古丽·买买提，女，维吾尔族，身份证号${AYGUL_ID}，住和田地区于田县木尕拉镇某某村3组25号。` +
      '其丈夫艾力·吐尔逊（身份证号653226790101123）到场。当事人于2026年9月无证收购棉花4.2吨。',
    options: { penalisedPersonName: '阿依古丽·买买提', otherPersonNames: ['艾力·吐尔逊'] },
    personal: ['阿依古丽', '买买提', AYGUL_ID, '于田县木尕拉镇某某村3组25号', '653226790101123', '艾力'],
    facts: ['于2026年9月无证收购棉花4.2吨'],
  },
  {
    title: 'labels of every kind: 家住, 现居住地, 通讯地址, 送达地址, 暂住',
    text:
      '当事人吴刚，家住可克达拉市福源路6号，现居住地可克达拉市明珠街道长丰小区9-3-201，通讯地址：铁门关市迎宾大道55号，' +
      '送达地址为胡杨河市共青路12号203室，暂住双河市博河大道3栋。当事人于2026年3月至5月无照经营烧烤摊。',
    options: { penalisedPersonName: '吴刚' },
    personal: ['吴刚', '福源路6号', '长丰小区9-3-201', '迎宾大道55号', '共青路12号203室', '博河大道3栋'],
    facts: ['于2026年3月至5月无照经营烧烤摊'],
  },
  {
    title: 'the address ends where the facts begin, without punctuation between them',
    text:
      '经查，当事人住址为昆玉市北京路16号的个体工商户王某于2026年10月销售假冒化肥30袋；另查明当事人曾住可克达拉市' +
      '伊犁河路8号期间多次被投诉。',
    options: {},
    personal: ['北京路16号', '伊犁河路8号'],
    facts: ['的个体工商户王某于2026年10月销售假冒化肥30袋', '期间多次被投诉'],
  },
  {
    title: 'legal phrases with 住 words stay, and so do the deciding body’s and the court’s names',
    text:
      '如不服本决定，可以在收到本决定书之日起六十日内向第八师石河子市人民政府申请行政复议，也可以在六个月内向被告住所地' +
      '人民法院提起行政诉讼。当事人如需住宿登记证明，请向石河子市住建局申请；当事人现住院治疗的，可以委托他人代为领取。',
    options: {},
    personal: [],
    facts: [
      '向第八师石河子市人民政府申请行政复议',
      '向被告住所地人民法院提起行政诉讼',
      '住宿登记证明',
      '石河子市住建局',
    ],
  },
  {
    title: 'a bank card, a second mobile and a room number swallowed by the address',
    text:
      '当事人郑海涛，住址：双河市博河大道88号2栋1301室，电话：15199887766、0909-2263344，' +
      '将违法所得转入其个人银行卡6222021234567894。罚款人民币20,000元，于2026年12月31日前缴纳。',
    options: { penalisedPersonName: '郑海涛' },
    personal: ['郑海涛', '博河大道88号2栋1301室', '15199887766', '0909-2263344', '6222021234567894'],
    facts: ['罚款人民币20,000元', '于2026年12月31日前缴纳'],
  },
];

describe('masking a corpus of 兵团 and 师市 decisions', () => {
  it.each(CORPUS.map((decision) => [decision.title, decision] as const))('%s', (_title, decision) => {
    const { masked } = maskText(decision.text, decision.options);
    for (const value of decision.personal)
      expect({ personal: value, survives: masked.includes(value) }).toEqual({
        personal: value,
        survives: false,
      });
    for (const fact of decision.facts)
      expect({ fact, kept: masked.includes(fact) }).toEqual({ fact, kept: true });
    // Masking is stable: the published text masked again is the published text.
    expect(maskText(masked, decision.options).masked).toBe(masked);
  });

  it('leaves the parenthesised address out and every word of the facts after it in', () => {
    const { masked } = maskText(CORPUS[2].text, CORPUS[2].options);
    expect(masked).toBe(
      '当事人张某（男，1979年出生，住址：[住址已隐去]）于2026年10月在其经营场所销售未经检验的猪肉86公斤，' +
        '货值金额人民币2,408元。上述事实有现场检查笔录、询问笔录为证。',
    );
  });

  it('masks 住址 and 住 without a colon as whole addresses, down to the room', () => {
    expect(maskText(CORPUS[0].text, CORPUS[0].options).masked).toContain(
      '住址[住址已隐去]，联系电话[手机号已隐去]。',
    );
    expect(maskText(CORPUS[1].text, CORPUS[1].options).masked).toContain(
      '住[住址已隐去]，身份证号[身份证号已隐去]',
    );
    expect(maskText(CORPUS[3].text, CORPUS[3].options).masked).toContain(
      '家住[住址已隐去]，现住[住址已隐去]，身份证号码：[身份证号已隐去]',
    );
  });
});
