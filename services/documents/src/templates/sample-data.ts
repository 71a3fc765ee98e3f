import type { DocumentKind, DocumentOfficer, DocumentParty } from '@lep/contracts';

/**
 * One made-up case, as data for every kind of the default set: what a template preview is rendered with, so a
 * justice bureau reviewing an agency's version sees it filled in. Names, numbers and addresses are invented; the
 * ID number has a valid check digit so the masked preview shows what masking does.
 */
const PERSON: DocumentParty = {
  type: 'natural-person',
  name: '张建国',
  gender: '男',
  idType: '居民身份证',
  idNumber: '659001198503152017',
  address: '新疆石河子市北一路12号3栋2单元501室',
  phone: '13899521234',
};

const COMPANY: DocumentParty = {
  type: 'legal-person',
  name: '石河子市鑫源商贸有限公司',
  creditCode: '91659001MA7XXXXX1Y',
  legalRepresentative: '李明',
  address: '新疆石河子市开发区北三东路36号',
};

const OFFICERS: DocumentOfficer[] = [
  { name: '王执法', certificateNumber: '65090012024001' },
  { name: '李执法', certificateNumber: '65090012024002' },
];

const FACTS =
  '2026年3月12日，本机关执法人员对当事人经营场所进行检查，发现当事人销售的“暖阳”牌电热水壶（型号SH-1802）' +
  '经抽样检验，耐热性和防触电保护项目不合格。经查，当事人于2026年2月1日至3月12日共购进该型号电热水壶60台，' +
  '已销售40台，销售单价每台89元，货值金额5340元，违法所得1200元。';

const EVIDENCE = [
  '现场检查笔录一份、现场照片六张；',
  '抽样检验报告（编号SJ2026-0312）一份；',
  '当事人询问笔录一份；',
  '进货单据及销售记录复印件各一份。',
];

const LEGAL_BASIS = '《中华人民共和国产品质量法》第三十九条、第四十九条';
const PENALTY =
  '1．责令停止销售不合格的电热水壶；2．没收违法销售的电热水壶20台；3．没收违法所得人民币1200元；4．罚款人民币8000元。';

const REMEDY_BODIES = { reconsiderationBody: '第八师石河子市人民政府', court: '石河子市人民法院' };

export const SAMPLE_DATA: Record<DocumentKind, Record<string, unknown>> = {
  'filing-approval': {
    caseTitle: '涉嫌销售不合格产品案',
    caseSource: '监督抽查',
    parties: [PERSON],
    briefFacts:
      '2026年3月12日，执法人员在监督抽查中发现当事人销售的“暖阳”牌电热水壶经检验不合格，涉嫌销售不合格产品。',
    legalBasis: '《中华人民共和国产品质量法》第三十九条',
    handlers: OFFICERS,
    handlerOpinion: '当事人涉嫌销售不合格产品，符合立案条件，建议立案调查。',
    unitOpinion: '同意立案。',
    leaderOpinion: '同意。',
    filedOn: '2026-03-13',
  },
  'inspection-record': {
    startedAt: '2026-03-12T09:30:00+08:00',
    endedAt: '2026-03-12T10:45:00+08:00',
    place: '新疆石河子市北四路88号“建国家电”店内',
    parties: [PERSON],
    inspectors: OFFICERS,
    recorder: '李执法',
    present: '赵小红',
    content:
      '经营场所货架上陈列“暖阳”牌电热水壶（型号SH-1802）20台，包装完好，标注生产日期2026年1月，未见合格证明。' +
      '执法人员对现场进行了拍照、录像，当事人在场。',
    partyOpinion: '以上情况属实。',
  },
  'inquiry-record': {
    startedAt: '2026-03-14T14:00:00+08:00',
    endedAt: '2026-03-14T15:10:00+08:00',
    place: '石河子市市场监督管理局第二询问室',
    interviewee: '张建国',
    intervieweeGender: '男',
    intervieweeIdNumber: '659001198503152017',
    intervieweeAddress: '新疆石河子市北一路12号3栋2单元501室',
    intervieweePhone: '13899521234',
    intervieweeRole: '当事人',
    interviewers: OFFICERS,
    recorder: '李执法',
    questions: [
      { question: '你是否申请回避？', answer: '不申请。' },
      {
        question: '请介绍一下你店内“暖阳”牌电热水壶的进货情况。',
        answer: '今年2月从乌鲁木齐一家批发商处进了60台。',
      },
      { question: '目前已经销售了多少台？销售价格是多少？', answer: '卖了40台，每台89元。' },
      { question: '你还有什么需要补充的吗？', answer: '没有了。' },
    ],
  },
  'penalty-notice': {
    parties: [PERSON],
    facts: FACTS,
    evidence: EVIDENCE,
    legalBasis: LEGAL_BASIS,
    proposedPenalty: PENALTY,
    fineYuan: 8000,
    contact: '王执法 0993-2012345',
    agencyAddress: '新疆石河子市北四东路25号',
  },
  'hearing-notice': {
    parties: [PERSON],
    facts: FACTS,
    evidence: EVIDENCE,
    legalBasis: LEGAL_BASIS,
    proposedPenalty: PENALTY,
    fineYuan: 8000,
    contact: '王执法 0993-2012345',
    agencyAddress: '新疆石河子市北四东路25号',
  },
  'penalty-decision': {
    parties: [PERSON],
    facts: FACTS,
    evidence: EVIDENCE,
    statementAndDefence:
      '本机关于2026年4月2日向当事人送达了行政处罚事先告知书，当事人在法定期限内未提出陈述、申辩意见，也未要求听证。',
    discretion:
      '当事人积极配合调查，主动停止销售，依据《新疆生产建设兵团市场监督管理行政处罚裁量基准》，予以从轻处罚。',
    legalBasis: LEGAL_BASIS,
    penaltyContent: PENALTY,
    fineYuan: 8000,
    confiscatedYuan: 1200,
    paymentInstructions: '持本决定书到中国农业银行石河子分行各营业网点缴纳，或通过“新疆非税缴款”平台缴纳。',
    ...REMEDY_BODIES,
  },
  'no-penalty-decision': {
    parties: [COMPANY],
    facts:
      '2026年5月8日，本机关执法人员检查发现当事人经营场所公示的营业执照信息未及时更新。当事人当场予以改正，未造成危害后果。',
    reasonAndBasis:
      '当事人违法行为轻微并及时改正，没有造成危害后果，依据《中华人民共和国行政处罚法》第三十三条第一款的规定，',
    ...REMEDY_BODIES,
  },
  'service-receipt': {
    documents: [{ title: '行政处罚决定书', number: '石市监处罚〔2026〕118号' }],
    recipient: '张建国',
    place: '新疆石河子市北四路88号“建国家电”店内',
    method: '直接送达',
    servers: OFFICERS,
    remarks: '受送达人当场签收。',
  },
  'closure-approval': {
    caseTitle: '销售不合格产品案',
    parties: [PERSON],
    filedOn: '2026-03-13',
    decisionNumber: '石市监处罚〔2026〕118号',
    outcome: '没收违法销售的电热水壶20台，没收违法所得1200元，罚款8000元。',
    execution: '当事人已于2026年4月28日缴纳罚没款9200元，涉案物品已按规定处置。',
    handlers: OFFICERS,
    handlerOpinion: '处罚决定已执行完毕，建议结案。',
    unitOpinion: '同意结案。',
    leaderOpinion: '同意。',
  },
  'seizure-decision': {
    parties: [PERSON],
    measure: '扣押',
    reason: '涉嫌销售不合格的电热水壶',
    legalBasis:
      '《中华人民共和国产品质量法》第十八条第一款第（四）项、《中华人民共和国行政强制法》第二十四条',
    objects: '“暖阳”牌电热水壶（型号SH-1802）20台，详见查封（扣押）财物清单。',
    startsOn: '2026-03-12',
    endsOn: '2026-04-10',
    storagePlace: '石河子市市场监督管理局涉案物品仓库',
    ...REMEDY_BODIES,
  },
  'seizure-inventory': {
    decisionNumber: '石市监强制〔2026〕21号',
    parties: [PERSON],
    items: [
      { name: '“暖阳”牌电热水壶', specification: 'SH-1802 1.8L', quantity: '20台', note: '包装完好' },
      { name: '进货单据', quantity: '3张', note: '复印件' },
    ],
    storagePlace: '石河子市市场监督管理局涉案物品仓库',
  },
  'seizure-release-decision': {
    parties: [PERSON],
    originalDecisionNumber: '石市监强制〔2026〕21号',
    measure: '扣押',
    reason: '上述财物已经作出没收决定',
    legalBasis: '《中华人民共和国行政强制法》第二十八条第一款第（五）项',
    objects: '“暖阳”牌电热水壶（型号SH-1802）20台。',
    returnArrangement: '上述财物已依法没收，不予退还。',
  },
  'not-accepted-notice': {
    noticeNumber: '石市监许不受〔2026〕7号',
    parties: [COMPANY],
    applicationMatter: '食品生产许可',
    receivedOn: '2026-03-02',
    decidedOn: '2026-03-04',
    reason:
      '食品生产许可依法由自治区市场监督管理部门实施，不属于本机关职权范围，请向新疆维吾尔自治区市场监督管理局申请。',
    legalBasis: '《中华人民共和国行政许可法》第三十二条第一款第（二）项',
    ...REMEDY_BODIES,
  },
};
