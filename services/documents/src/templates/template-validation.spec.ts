import { DOCUMENT_KINDS } from '@lep/contracts';
import { DEFAULT_TEMPLATES } from './default-templates';
import { validateTemplateDefinition } from './template-validation';

const decision = DEFAULT_TEMPLATES['penalty-decision'];
const rules = (
  fields: unknown[],
  blocks: unknown[],
  kind: (typeof DOCUMENT_KINDS)[number] = 'penalty-decision',
) =>
  validateTemplateDefinition(kind, fields, blocks).map((violation) => `${violation.field} ${violation.rule}`);

describe('checking an agency’s own template version', () => {
  it('accepts every default of the platform as it stands', () => {
    for (const kind of DOCUMENT_KINDS)
      expect({
        kind,
        problems: rules(DEFAULT_TEMPLATES[kind].fields, DEFAULT_TEMPLATES[kind].blocks, kind),
      }).toEqual({
        kind,
        problems: [],
      });
  });

  it('accepts added fields and rewording', () => {
    const fields = [
      ...decision.fields,
      { name: 'bankAccount', label: '缴款账户', type: 'text', required: false, source: 'agency.bank' },
    ];
    const blocks = [
      ...decision.blocks,
      { type: 'paragraph', text: '缴款账户：{bankAccount}', when: 'bankAccount' },
    ];
    expect(rules(fields, blocks)).toEqual([]);
  });

  it('refuses a standard field dropped or retyped, since the case side sends it', () => {
    expect(
      rules(
        decision.fields.filter((field) => field.name !== 'legalBasis'),
        decision.blocks,
      ),
    ).toContain('fields defaultFields');
    const retyped = decision.fields.map((field) =>
      field.name === 'fineYuan' ? { ...field, type: 'text' } : field,
    );
    expect(rules(retyped, decision.blocks)).toContain('fields defaultFields');
  });

  it('refuses references to undeclared fields and fields of the wrong type', () => {
    expect(
      rules(decision.fields, [...decision.blocks, { type: 'line', label: '其他', text: '{nothing}' }]),
    ).toContain(`blocks[${decision.blocks.length}].text placeholder`);
    expect(rules(decision.fields, [...decision.blocks, { type: 'qa', field: 'facts' }])).toContain(
      `blocks[${decision.blocks.length}].field fieldType`,
    );
    expect(
      rules(decision.fields, [...decision.blocks, { type: 'paragraph', text: '{parties}', when: 'ghost' }]),
    ).toContain(`blocks[${decision.blocks.length}].when declaredField`);
  });

  it('refuses a 文号 line on a kind without numbers, unknown blocks and keys, and control characters', () => {
    const record = DEFAULT_TEMPLATES['inquiry-record'];
    expect(rules(record.fields, [...record.blocks, { type: 'number' }], 'inquiry-record')).toContain(
      `blocks[${record.blocks.length}].type numbered`,
    );
    expect(rules(decision.fields, [{ type: 'heading' }, { type: 'script', src: 'x' }])).toContain(
      'blocks[1].type isIn',
    );
    expect(rules(decision.fields, [{ type: 'heading', colour: 'red' }])).toContain(
      'blocks[0].colour whitelistValidation',
    );
    expect(rules(decision.fields, [{ type: 'heading' }, { type: 'paragraph', text: 'a\u202Eb' }])).toContain(
      'blocks[1].text printable',
    );
  });

  it('refuses a template without a heading, and malformed field declarations', () => {
    expect(rules(decision.fields, [{ type: 'paragraph', text: '正文' }])).toContain('blocks heading');
    expect(rules([{ name: 'Issuer', label: '', type: 'picture', required: 'yes', source: 'x' }], [])).toEqual(
      expect.arrayContaining([
        'fields[0].name fieldName',
        'fields[0].type isIn',
        'fields[0].required isBoolean',
      ]),
    );
    expect(rules([...decision.fields, decision.fields[0]], decision.blocks)).toContain(
      `fields[${decision.fields.length}].name unique`,
    );
  });
});
