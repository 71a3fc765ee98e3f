import {
  DOCUMENT_KIND_SPECS,
  type DocumentKind,
  type PersonalDataKind,
  type TemplateBlock,
  type TemplateDefinition,
  type TemplateField,
  type TemplateFieldType,
} from '@lep/contracts';

/**
 * The platform's default set of enforcement documents, written after the national basic formats agencies print
 * today (the 市场监管 and 行政强制 document models): the issuing agency over the title, the 文号 on the right, the
 * party block, the body, the legal remedy of a decision (复议 within 60 days, 诉讼 within 6 months: 行政复议法
 * art. 20, 行政诉讼法 art. 46), and the seal block with the date in Chinese numerals. Until the supervising
 * justice bureau has accepted an agency's own version of a kind, the agency's documents use these (domain.md R2).
 */

function field(
  name: string,
  label: string,
  type: TemplateFieldType,
  required: boolean,
  source: string,
  personal?: PersonalDataKind,
): TemplateField {
  return { name, label, type, required, source, ...(personal ? { personal } : {}) };
}

const PARTIES = field('parties', '当事人', 'parties', true, 'case.parties');
const HANDLERS = field('handlers', '承办人', 'persons', true, 'case.handlerIds');
const CASE_TITLE = field('caseTitle', '案由', 'text', true, 'case.title');
const RECONSIDERATION_BODY = field(
  'reconsiderationBody',
  '行政复议机关',
  'text',
  true,
  'agency.reconsiderationBody',
);
const COURT = field('court', '管辖人民法院', 'text', true, 'agency.court');

const REMEDY =
  '当事人如不服本决定，可以在收到本决定书之日起六十日内向{reconsiderationBody}申请行政复议，也可以在收到本决定书之日起' +
  '六个月内依法向{court}提起行政诉讼。';

const APPROVAL_OPINIONS = [
  { label: '承办人意见', text: '{handlerOpinion}', minLines: 3, signed: true },
  { label: '承办机构意见', text: '{unitOpinion}', minLines: 3, signed: true },
  { label: '机关负责人审批意见', text: '{leaderOpinion}', minLines: 3, signed: true },
];
const OPINION_FIELDS = [
  field('handlerOpinion', '承办人意见', 'paragraph', true, 'input'),
  field('unitOpinion', '承办机构意见', 'paragraph', false, 'input'),
  field('leaderOpinion', '机关负责人审批意见', 'paragraph', false, 'input'),
];

function definition(
  kind: DocumentKind,
  fields: TemplateField[],
  blocks: TemplateBlock[],
): TemplateDefinition {
  return { kind, title: DOCUMENT_KIND_SPECS[kind].title, fields, blocks };
}

const filingApproval = definition(
  'filing-approval',
  [
    CASE_TITLE,
    field('caseSource', '案件来源', 'text', true, 'input'),
    PARTIES,
    field('briefFacts', '简要案情', 'paragraph', true, 'input'),
    field('legalBasis', '涉嫌违反的法律规定', 'paragraph', true, 'case.item.legalBasis'),
    HANDLERS,
    ...OPINION_FIELDS,
    field('filedOn', '立案日期', 'date', true, 'case.filedOn'),
  ],
  [
    { type: 'heading' },
    { type: 'paragraph', text: '案号：{caseNumber}', indent: false, align: 'right' },
    {
      type: 'table',
      rows: [
        { label: '案由', text: '{caseTitle}' },
        { label: '案件来源', text: '{caseSource}' },
        { label: '当事人', text: '{parties}' },
        { label: '简要案情', text: '{briefFacts}', minLines: 4 },
        { label: '涉嫌违反的法律规定', text: '{legalBasis}', minLines: 2 },
        { label: '承办人', text: '{handlers}' },
        ...APPROVAL_OPINIONS,
        { label: '立案日期', text: '{filedOn}' },
      ],
    },
  ],
);

const inspectionRecord = definition(
  'inspection-record',
  [
    field('startedAt', '检查开始时间', 'datetime', true, 'input'),
    field('endedAt', '检查结束时间', 'datetime', true, 'input'),
    field('place', '检查地点', 'text', true, 'input'),
    PARTIES,
    field('inspectors', '检查人员', 'persons', true, 'case.handlerIds'),
    field('recorder', '记录人', 'text', true, 'input'),
    field('present', '在场人员', 'text', false, 'input', 'person-name'),
    field('content', '现场检查情况', 'paragraph', true, 'input'),
    field('partyOpinion', '当事人意见', 'paragraph', false, 'input'),
  ],
  [
    { type: 'heading' },
    { type: 'line', label: '检查时间', text: '{startedAt}至{endedAt}' },
    { type: 'line', label: '检查地点', text: '{place}' },
    { type: 'parties', field: 'parties', label: '被检查人' },
    { type: 'line', label: '检查人员', text: '{inspectors}' },
    { type: 'line', label: '记录人', text: '{recorder}' },
    { type: 'line', label: '在场人员', text: '{present}', when: 'present' },
    {
      type: 'paragraph',
      text:
        '执法人员已向当事人出示执法证件，表明身份，告知了检查的事由和依据，并告知当事人有权进行陈述和申辩；' +
        '认为执法人员与本案有直接利害关系的，有权申请回避。',
    },
    { type: 'line', label: '现场检查情况', text: '{content}' },
    { type: 'line', label: '当事人意见', text: '{partyOpinion}', when: 'partyOpinion' },
    { type: 'signatures', lines: ['当事人（签名）', '检查人员（签名）', '记录人（签名）'] },
  ],
);

const inquiryRecord = definition(
  'inquiry-record',
  [
    field('startedAt', '询问开始时间', 'datetime', true, 'input'),
    field('endedAt', '询问结束时间', 'datetime', true, 'input'),
    field('place', '询问地点', 'text', true, 'input'),
    field('interviewee', '被询问人', 'text', true, 'input', 'person-name'),
    field('intervieweeGender', '性别', 'text', false, 'input'),
    field('intervieweeIdNumber', '身份证件号码', 'text', false, 'input', 'id-number'),
    field('intervieweeAddress', '住址', 'text', false, 'input', 'address'),
    field('intervieweePhone', '联系电话', 'text', false, 'input', 'phone'),
    field('intervieweeRole', '与本案关系', 'text', true, 'input'),
    field('interviewers', '询问人', 'persons', true, 'case.handlerIds'),
    field('recorder', '记录人', 'text', true, 'input'),
    field('questions', '询问内容', 'qa', true, 'input'),
  ],
  [
    { type: 'heading' },
    { type: 'line', label: '询问时间', text: '{startedAt}至{endedAt}' },
    { type: 'line', label: '询问地点', text: '{place}' },
    { type: 'line', label: '被询问人', text: '{interviewee}' },
    { type: 'line', label: '性别', text: '{intervieweeGender}', when: 'intervieweeGender' },
    { type: 'line', label: '身份证件号码', text: '{intervieweeIdNumber}', when: 'intervieweeIdNumber' },
    { type: 'line', label: '住址', text: '{intervieweeAddress}', when: 'intervieweeAddress' },
    { type: 'line', label: '联系电话', text: '{intervieweePhone}', when: 'intervieweePhone' },
    { type: 'line', label: '与本案关系', text: '{intervieweeRole}' },
    { type: 'line', label: '询问人', text: '{interviewers}' },
    { type: 'line', label: '记录人', text: '{recorder}' },
    {
      type: 'paragraph',
      text:
        '我们是{issuer}的行政执法人员，已向你出示执法证件。现依法向你进行询问调查，请你如实回答，不得作伪证或者隐匿' +
        '证据。你有权进行陈述和申辩；认为询问人员与本案有直接利害关系的，有权申请回避。',
    },
    { type: 'qa', field: 'questions' },
    { type: 'paragraph', text: '以上笔录已交被询问人核对（已向被询问人宣读），与所述一致。', indent: true },
    { type: 'signatures', lines: ['被询问人（签名）', '询问人（签名）', '记录人（签名）'] },
  ],
);

const NOTICE_FIELDS = [
  PARTIES,
  field('facts', '违法事实', 'paragraph', true, 'draft.penalty.facts'),
  field('evidence', '证据', 'list', false, 'case.evidence'),
  field('legalBasis', '处罚依据', 'paragraph', true, 'draft.penalty.legalBasis'),
  field('proposedPenalty', '拟作出的行政处罚', 'paragraph', true, 'draft.penalty.content'),
  field('fineYuan', '拟罚款金额', 'money', false, 'draft.penalty.fineYuan'),
  field('contact', '联系人及联系电话', 'text', false, 'input'),
  field('agencyAddress', '本机关地址', 'text', false, 'input'),
];

const NOTICE_OPENING: TemplateBlock[] = [
  { type: 'heading' },
  { type: 'number' },
  { type: 'paragraph', text: '{parties}：', indent: false, align: 'left' },
  { type: 'paragraph', text: '经查，{facts}' },
  { type: 'paragraph', text: '以上事实有下列证据证实：', when: 'evidence' },
  { type: 'list', field: 'evidence', when: 'evidence' },
  {
    type: 'paragraph',
    text: '依据{legalBasis}的规定，本机关拟对你（单位）作出如下行政处罚：{proposedPenalty}',
  },
  { type: 'paragraph', text: '其中罚款金额为{fineYuan}。', when: 'fineYuan' },
];

const NOTICE_CLOSING: TemplateBlock[] = [
  { type: 'line', label: '联系人及联系电话', text: '{contact}', when: 'contact' },
  { type: 'line', label: '本机关地址', text: '{agencyAddress}', when: 'agencyAddress' },
  { type: 'signature' },
];

const penaltyNotice = definition('penalty-notice', NOTICE_FIELDS, [
  ...NOTICE_OPENING,
  {
    type: 'paragraph',
    text:
      '根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。你（单位）可以' +
      '在收到本告知书之日起五个工作日内向本机关提出陈述、申辩意见；逾期未提出的，视为放弃上述权利。',
  },
  ...NOTICE_CLOSING,
]);

const hearingNotice = definition('hearing-notice', NOTICE_FIELDS, [
  ...NOTICE_OPENING,
  {
    type: 'paragraph',
    text:
      '根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求举行听证。如要求听证，应当在' +
      '收到本告知书之日起五日内向本机关提出；逾期未提出的，视为放弃听证的权利。你（单位）同时享有陈述、申辩的权利。',
  },
  ...NOTICE_CLOSING,
]);

const penaltyDecision = definition(
  'penalty-decision',
  [
    PARTIES,
    field('facts', '违法事实', 'paragraph', true, 'draft.penalty.facts'),
    field('evidence', '证据', 'list', false, 'case.evidence'),
    field('statementAndDefence', '陈述申辩及采纳情况', 'paragraph', false, 'case.records'),
    field('hearing', '听证情况', 'paragraph', false, 'case.hearing.report'),
    field('discretion', '裁量理由', 'paragraph', false, 'input'),
    field('legalBasis', '处罚依据', 'paragraph', true, 'draft.penalty.legalBasis'),
    field('penaltyContent', '行政处罚的内容', 'paragraph', true, 'draft.penalty.content'),
    field('fineYuan', '罚款金额', 'money', false, 'draft.penalty.fineYuan'),
    field('confiscatedYuan', '没收违法所得金额', 'money', false, 'draft.penalty.confiscatedYuan'),
    field('paymentInstructions', '缴款方式', 'paragraph', false, 'agency.payment'),
    RECONSIDERATION_BODY,
    COURT,
  ],
  [
    { type: 'heading' },
    { type: 'number' },
    { type: 'parties', field: 'parties' },
    { type: 'paragraph', text: '经查，{facts}' },
    { type: 'paragraph', text: '上述事实，有下列证据证明：', when: 'evidence' },
    { type: 'list', field: 'evidence', when: 'evidence' },
    { type: 'paragraph', text: '{statementAndDefence}', when: 'statementAndDefence' },
    { type: 'paragraph', text: '{hearing}', when: 'hearing' },
    { type: 'paragraph', text: '{discretion}', when: 'discretion' },
    { type: 'paragraph', text: '依据{legalBasis}的规定，本机关决定对当事人作出如下行政处罚：' },
    { type: 'paragraph', text: '{penaltyContent}' },
    { type: 'paragraph', text: '罚款：{fineYuan}。', when: 'fineYuan' },
    { type: 'paragraph', text: '没收违法所得：{confiscatedYuan}。', when: 'confiscatedYuan' },
    {
      type: 'paragraph',
      text:
        '当事人应当自收到本决定书之日起十五日内缴纳罚款。到期不缴纳罚款的，本机关可以依据《中华人民共和国行政处罚法》' +
        '第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。',
      when: 'fineYuan',
    },
    { type: 'paragraph', text: '缴款方式：{paymentInstructions}', when: 'paymentInstructions' },
    {
      type: 'paragraph',
      text:
        REMEDY +
        '行政复议和行政诉讼期间，本行政处罚决定不停止执行，法律另有规定的除外。当事人逾期不申请行政复议、不提起行政' +
        '诉讼又不履行本行政处罚决定的，本机关将依法申请人民法院强制执行。',
    },
    { type: 'signature' },
    { type: 'note', text: '本决定书一式两份，一份送达当事人，一份附卷。' },
  ],
);

const noPenaltyDecision = definition(
  'no-penalty-decision',
  [
    PARTIES,
    field('facts', '违法事实', 'paragraph', true, 'draft.facts'),
    field('evidence', '证据', 'list', false, 'case.evidence'),
    field('reasonAndBasis', '不予行政处罚的理由和依据', 'paragraph', true, 'draft.reason'),
    RECONSIDERATION_BODY,
    COURT,
  ],
  [
    { type: 'heading' },
    { type: 'number' },
    { type: 'parties', field: 'parties' },
    { type: 'paragraph', text: '经查，{facts}' },
    { type: 'paragraph', text: '上述事实，有下列证据证明：', when: 'evidence' },
    { type: 'list', field: 'evidence', when: 'evidence' },
    { type: 'paragraph', text: '{reasonAndBasis}本机关决定对当事人不予行政处罚。' },
    { type: 'paragraph', text: REMEDY },
    { type: 'signature' },
    { type: 'note', text: '本决定书一式两份，一份送达当事人，一份附卷。' },
  ],
);

const serviceReceipt = definition(
  'service-receipt',
  [
    field('documents', '送达文书名称及文号', 'documents', true, 'documents'),
    field('recipient', '受送达人', 'text', true, 'case.parties'),
    field('place', '送达地点', 'text', true, 'input'),
    field('method', '送达方式', 'text', true, 'input'),
    field('servers', '送达人', 'persons', true, 'case.handlerIds'),
    field('witness', '见证人', 'text', false, 'input', 'person-name'),
    field('remarks', '备注', 'paragraph', false, 'input'),
  ],
  [
    { type: 'heading' },
    {
      type: 'table',
      rows: [
        { label: '送达文书名称及文号', text: '{documents}', minLines: 2 },
        { label: '受送达人', text: '{recipient}' },
        { label: '送达地点', text: '{place}' },
        { label: '送达方式', text: '{method}' },
        { label: '送达人', text: '{servers}', minLines: 2 },
        { label: '受送达人签名或盖章', text: '', minLines: 3, signed: true },
        { label: '代收人及代收理由', text: '', minLines: 3, signed: true },
        { label: '见证人', text: '{witness}', minLines: 1 },
        { label: '备注', text: '{remarks}', minLines: 2 },
      ],
    },
    {
      type: 'note',
      text:
        '说明：受送达人或者其同住成年家属拒绝接收的，送达人可以邀请有关基层组织或者所在单位的代表到场，说明情况，' +
        '在送达回证上记明拒收事由和日期，由送达人、见证人签名或者盖章，把文书留在受送达人的住所，即视为送达。',
    },
  ],
);

const closureApproval = definition(
  'closure-approval',
  [
    CASE_TITLE,
    PARTIES,
    field('filedOn', '立案日期', 'date', true, 'case.filedOn'),
    field('decisionNumber', '处理决定书文号', 'text', false, 'decision.documentNumber'),
    field('outcome', '处理结果', 'paragraph', true, 'decision'),
    field('execution', '执行情况', 'paragraph', true, 'case.execution'),
    HANDLERS,
    ...OPINION_FIELDS,
  ],
  [
    { type: 'heading' },
    { type: 'paragraph', text: '案号：{caseNumber}', indent: false, align: 'right' },
    {
      type: 'table',
      rows: [
        { label: '案由', text: '{caseTitle}' },
        { label: '当事人', text: '{parties}' },
        { label: '立案日期', text: '{filedOn}' },
        { label: '处理决定书文号', text: '{decisionNumber}' },
        { label: '处理结果', text: '{outcome}', minLines: 3 },
        { label: '执行情况', text: '{execution}', minLines: 3 },
        { label: '承办人', text: '{handlers}' },
        ...APPROVAL_OPINIONS,
      ],
    },
  ],
);

const SEIZURE_MEASURE = field('measure', '强制措施（查封或扣押）', 'text', true, 'input');

const seizureDecision = definition(
  'seizure-decision',
  [
    PARTIES,
    SEIZURE_MEASURE,
    field('reason', '实施强制措施的理由', 'paragraph', true, 'input'),
    field('legalBasis', '法律依据', 'paragraph', true, 'input'),
    field('objects', '查封（扣押）的场所、设施或者财物', 'paragraph', true, 'input'),
    field('startsOn', '期限起始日', 'date', true, 'input'),
    field('endsOn', '期限届满日', 'date', true, 'input'),
    field('storagePlace', '财物存放地点', 'text', false, 'input'),
    RECONSIDERATION_BODY,
    COURT,
  ],
  [
    { type: 'heading' },
    { type: 'number' },
    { type: 'parties', field: 'parties' },
    {
      type: 'paragraph',
      text: '因你（单位）{reason}，依据{legalBasis}的规定，本机关决定对你（单位）的有关场所、设施或者财物实施{measure}。',
    },
    { type: 'paragraph', text: '{measure}的场所、设施或者财物：{objects}' },
    { type: 'paragraph', text: '{measure}的期限自{startsOn}起至{endsOn}止。' },
    { type: 'paragraph', text: '{measure}财物的存放地点：{storagePlace}。', when: 'storagePlace' },
    {
      type: 'paragraph',
      text: '在{measure}期间，你（单位）不得擅自转移、隐匿、损毁、变卖被{measure}的财物，不得擅自动用被查封的场所、设施。',
    },
    {
      type: 'paragraph',
      text:
        '你（单位）如不服本决定，可以在收到本决定书之日起六十日内向{reconsiderationBody}申请行政复议，也可以在收到' +
        '本决定书之日起六个月内依法向{court}提起行政诉讼。',
    },
    { type: 'signature' },
    { type: 'note', text: '附件：查封（扣押）财物清单。本决定书一式两份，一份送达当事人，一份附卷。' },
  ],
);

const seizureInventory = definition(
  'seizure-inventory',
  [
    field('decisionNumber', '查封（扣押）决定书文号', 'text', true, 'documents.seizure-decision.number'),
    PARTIES,
    field('items', '查封（扣押）财物', 'items', true, 'input'),
    field('storagePlace', '存放地点', 'text', false, 'input'),
  ],
  [
    { type: 'heading' },
    { type: 'line', label: '查封（扣押）决定书文号', text: '{decisionNumber}' },
    { type: 'parties', field: 'parties' },
    { type: 'items', field: 'items' },
    { type: 'line', label: '存放地点', text: '{storagePlace}', when: 'storagePlace' },
    { type: 'signatures', lines: ['当事人（签名）', '执法人员（签名）', '见证人（签名）'] },
    { type: 'note', text: '本清单一式两份，一份交当事人，一份附卷。' },
  ],
);

const seizureReleaseDecision = definition(
  'seizure-release-decision',
  [
    PARTIES,
    field(
      'originalDecisionNumber',
      '原查封（扣押）决定书文号',
      'text',
      true,
      'documents.seizure-decision.number',
    ),
    SEIZURE_MEASURE,
    field('reason', '解除的理由', 'paragraph', true, 'input'),
    field('legalBasis', '法律依据', 'paragraph', true, 'input'),
    field('objects', '解除查封（扣押）的场所、设施或者财物', 'paragraph', true, 'input'),
    field('returnArrangement', '财物退还安排', 'paragraph', false, 'input'),
  ],
  [
    { type: 'heading' },
    { type: 'number' },
    { type: 'parties', field: 'parties' },
    {
      type: 'paragraph',
      text:
        '本机关以{originalDecisionNumber}查封（扣押）决定书，对你（单位）的有关场所、设施或者财物实施了{measure}。' +
        '因{reason}，依据{legalBasis}的规定，本机关决定解除上述{measure}。',
    },
    { type: 'paragraph', text: '解除{measure}的场所、设施或者财物：{objects}' },
    { type: 'paragraph', text: '{returnArrangement}', when: 'returnArrangement' },
    { type: 'signature' },
    { type: 'note', text: '本决定书一式两份，一份送达当事人，一份附卷。' },
  ],
);

/**
 * 不予受理通知书 (行政许可法 art. 32, domain.md P7a): the dated written notice of an application not accepted, from
 * what the not-accepted filing records — receipt, decision date, reason, legal basis and the notice's 文号 (the
 * filing's `noticeNumber`, printed where a numbered kind prints the number it is given). The applicant may seek
 * 复议 or 诉讼 against it as against any decision.
 */
const notAcceptedNotice = definition(
  'not-accepted-notice',
  [
    field('noticeNumber', '文号', 'text', true, 'case.application.notAccepted.noticeNumber'),
    PARTIES,
    field('applicationMatter', '申请事项', 'text', true, 'case.item.name'),
    field('receivedOn', '收到申请之日', 'date', true, 'case.application.receivedOn'),
    field('decidedOn', '不予受理决定日期', 'date', true, 'case.application.notAccepted.decidedOn'),
    field('reason', '不予受理的理由', 'paragraph', true, 'case.application.notAccepted.reason'),
    field('legalBasis', '法律依据', 'paragraph', true, 'case.application.notAccepted.legalBasis'),
    RECONSIDERATION_BODY,
    COURT,
  ],
  [
    { type: 'heading' },
    { type: 'paragraph', text: '{noticeNumber}', indent: false, align: 'right' },
    { type: 'paragraph', text: '{parties}：', indent: false, align: 'left' },
    { type: 'paragraph', text: '本机关于{receivedOn}收到你（单位）提出的{applicationMatter}申请。' },
    { type: 'paragraph', text: '经审查，不予受理的理由：{reason}' },
    { type: 'paragraph', text: '依据{legalBasis}的规定，本机关于{decidedOn}决定对该申请不予受理。' },
    {
      type: 'paragraph',
      text:
        '你（单位）如不服本决定，可以在收到本通知书之日起六十日内向{reconsiderationBody}申请行政复议，也可以在收到' +
        '本通知书之日起六个月内依法向{court}提起行政诉讼。',
    },
    { type: 'signature' },
    { type: 'note', text: '本通知书一式两份，一份送达申请人，一份附卷。' },
  ],
);

export const DEFAULT_TEMPLATES: Record<DocumentKind, TemplateDefinition> = {
  'filing-approval': filingApproval,
  'inspection-record': inspectionRecord,
  'inquiry-record': inquiryRecord,
  'penalty-notice': penaltyNotice,
  'hearing-notice': hearingNotice,
  'penalty-decision': penaltyDecision,
  'no-penalty-decision': noPenaltyDecision,
  'service-receipt': serviceReceipt,
  'closure-approval': closureApproval,
  'seizure-decision': seizureDecision,
  'seizure-inventory': seizureInventory,
  'seizure-release-decision': seizureReleaseDecision,
  'not-accepted-notice': notAcceptedNotice,
};

/** The default set's version: raised when the platform's wording changes, so every document names what it used. */
export const DEFAULT_TEMPLATE_REVISION = 1;

/** `penalty-decision.v1`: a platform default; an agency's own versions are `<kind>.<agency>.v<n>`. */
export function defaultTemplateVersion(kind: DocumentKind): string {
  return `${kind}.v${DEFAULT_TEMPLATE_REVISION}`;
}
