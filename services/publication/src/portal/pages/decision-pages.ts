import {
  ITEM_CATEGORIES,
  ITEM_CATEGORY_LABELS,
  ItemCategory,
  licenceStatus,
  PublicDisclosureRecord,
  TRADE_SECRET_NOTICE,
} from '@lep/contracts';
import type {
  PublicDecisionPage,
  PublicDecisionQuery,
  PublicDecisionView,
} from '../../public-api/public-decision.dto';
import { chinaDateOf } from '@lep/calendar';
import { fields, html, Html, pager } from './html';

/** The record as the public API serves it: whole when published, its identifying fields when withdrawn. */
const recordOf = (item: PublicDecisionView) => item.record as unknown as PublicDisclosureRecord;

const category = (value: unknown) => ITEM_CATEGORY_LABELS[value as ItemCategory] ?? String(value ?? '');

/**
 * The kind the public reads: a 不予行政处罚 is not a penalty (domain.md P12), a 行政强制 measure names its kind
 * (domain.md P13), whatever case it was taken in, and an inspection case's result is a 行政检查结果 (P14).
 */
const kindOf = (record: PublicDisclosureRecord) =>
  record.noPenalty
    ? '不予行政处罚'
    : record.licensing?.granted === false
      ? '不予行政许可'
      : record.coercion
        ? `${category(record.category)}（${record.coercion.kind}）`
        : record.inspection
          ? '行政检查结果'
          : category(record.category);

/** The address of a decision's own page: shareable, the same for everyone. */
export const decisionHref = (decisionId: string) => `/portal/decisions/${encodeURIComponent(decisionId)}`;

/** The search form; it submits by GET, so a search is a link too. */
export function decisionSearchForm(query: Partial<PublicDecisionQuery>): Html {
  const option = (value: string, label: string, selected: unknown) =>
    html`<option value="${value}" ${selected === value ? html` selected` : ''}>${label}</option>`;
  return html`<form
    class="search"
    method="get"
    action="/portal/decisions"
    role="search"
    aria-label="查询执法决定"
  >
    <label for="q-keyword">关键词</label>
    <input
      id="q-keyword"
      name="keyword"
      value="${query.keyword ?? ''}"
      placeholder="文号、违法事实、处罚内容"
    />
    <label for="q-party">行政相对人</label>
    <input id="q-party" name="party" value="${query.party ?? ''}" placeholder="名称或统一社会信用代码" />
    <label for="q-category">决定类别</label>
    <select id="q-category" name="category">
      ${option('', '全部', query.category ?? '')}
      ${ITEM_CATEGORIES.map((value) => option(value, ITEM_CATEGORY_LABELS[value], query.category))}
    </select>
    <label for="q-from">决定日期起</label>
    <input id="q-from" name="from" type="date" value="${query.from ?? ''}" />
    <label for="q-to">决定日期止</label>
    <input id="q-to" name="to" type="date" value="${query.to ?? ''}" />
    <label for="q-status">公示状态</label>
    <select id="q-status" name="status">
      ${option('published', '公示中', query.status ?? 'published')}
      ${option('withdrawn', '已撤回', query.status)}
    </select>
    <button type="submit">查询</button>
  </form>`;
}

function summary(item: PublicDecisionView): Html {
  const record = recordOf(item);
  return html`<li class="item${item.status === 'withdrawn' ? ' withdrawn' : ''}">
    <h2>
      <a href="${decisionHref(item.decisionId)}">${kindOf(record)} ${record.documentNumber}</a>
    </h2>
    <p class="meta">
      ${record.agencyName} · 决定日期
      ${record.decidedOn}${
        item.status === 'withdrawn' ? html` · <strong>已撤回（${item.withdrawal?.kind}）</strong>` : ''
      }
    </p>
    ${item.status === 'published' ? html`<p>行政相对人：${record.party.name}</p>` : ''}
  </li>`;
}

export function decisionListBody(
  query: PublicDecisionQuery,
  result: PublicDecisionPage | null,
  problems: string[],
): Html {
  const href = (page: number) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query))
      if (value !== undefined && value !== '' && name !== 'page' && name !== 'pageSize')
        params.set(name, String(value));
    params.set('page', String(page));
    return `/portal/decisions?${params.toString()}`;
  };
  return html`${decisionSearchForm(query)}
  ${
    problems.length > 0
      ? html`<div class="problems" role="alert">
          <p>查询条件有误：</p>
          <ul>
            ${problems.map((problem) => html`<li>${problem}</li>`)}
          </ul>
        </div>`
      : ''
  }
  ${
    result
      ? html`<p class="status" role="status">
            ${result.total === 0 ? '没有符合条件的公示信息' : `共 ${result.total} 条`}
          </p>
          <ul class="list">
            ${result.items.map(summary)}
          </ul>
          ${pager(result.page, result.pageSize, result.total, href)}`
      : ''
  }`;
}

/** A field's text, or its notice when it was kept back as a commercial secret (the notice is the text then). */
const text = (value: unknown) =>
  value === TRADE_SECRET_NOTICE ? html`<em>${TRADE_SECRET_NOTICE}</em>` : value;

export function decisionBody(item: PublicDecisionView): Html {
  const r = recordOf(item);
  if (item.status === 'withdrawn')
    return html`<div class="notice" role="note">
        <p>
          该执法决定已于 ${String(item.withdrawal?.withdrawnAt ?? '').slice(0, 10)}
          撤回公示（${item.withdrawal?.kind}）。
        </p>
        <p>撤回理由：${item.withdrawal?.reason}</p>
        ${
          item.withdrawal?.source
            ? html`<p>
                撤回依据：${item.withdrawal.source.kind}
                ${item.withdrawal.source.documentNumber}（${item.withdrawal.source.decidedOn}）
              </p>`
            : ''
        }
      </div>
      ${fields([
        ['决定类别', category(r.category)],
        ['决定文书号', r.documentNumber],
        ['执法主体', r.agencyName],
        ['决定日期', r.decidedOn],
      ])}`;
  const { penalty: p, noPenalty: n, licensing: l, other: o, inspection: i } = r;
  const withheld = r.withheldFields ?? [];
  return html`${item.version > 1 ? html`<p class="notice" role="note">本信息已更正，当前为第 ${item.version} 版。</p>` : ''}
    ${
      r.replacesDecisionId
        ? html`<p class="notice" role="note">
            本决定系重新作出，替代<a href="${decisionHref(r.replacesDecisionId)}">原执法决定</a>（已撤回）。
          </p>`
        : ''
    }
    <h2>基本信息</h2>
    ${fields([
      ['决定类别', kindOf(r)],
      ['决定文书号', r.documentNumber],
      ['执法主体', `${r.agencyName}（统一社会信用代码 ${r.agencyCreditCode}）`],
      ['决定日期', r.decidedOn],
      ['公示日期', item.publishedAt?.slice(0, 10)],
      ['公示截止期', r.displayUntil],
    ])}
    <h2>行政相对人</h2>
    ${fields([
      ['名称', r.party.name],
      ['类别', r.party.category],
      ['统一社会信用代码', r.party.creditCode],
      ['法定代表人', r.party.legalRepresentative],
    ])}
    ${
      p
        ? html`<h2>行政处罚</h2>
            ${fields([
              ['违法行为类型', p.violationType],
              ['违法事实', text(p.facts)],
              ['处罚依据', p.legalBasis],
              ['处罚类别', p.penaltyKinds.join('、')],
              ['处罚内容', text(p.content)],
              ['罚款金额（万元）', p.fineWanYuan],
              ['没收违法所得、没收非法财物的金额（万元）', p.confiscatedWanYuan],
              ['暂扣或吊销证照名称及编号', text(p.licenceAffected)],
              ['处罚有效期', p.validUntil],
            ])}`
        : ''
    }
    ${
      n
        ? html`<h2>不予行政处罚</h2>
            ${fields([
              ['违法行为类型', n.violationType],
              ['违法事实', text(n.facts)],
              ['不予处罚情形', n.ground],
              ['不予处罚依据', n.legalBasis],
              ['不予处罚理由', text(n.reason)],
            ])}`
        : ''
    }
    ${
      l && l.granted === false
        ? html`<h2>不予行政许可</h2>
            ${fields([
              ['决定文书名称', l.documentTitle],
              ['许可类别', l.licenceKind],
              ['申请事项', text(l.content)],
              ['不予许可理由', l.refusalReason],
            ])}`
        : l
          ? html`<h2>行政许可</h2>
              ${fields([
                ['许可决定文书名称', l.documentTitle],
                ['许可类别', l.licenceKind],
                ['许可证书名称', text(l.certificateName)],
                ['许可编号', l.licenceNumber],
                ['许可内容', text(l.content)],
                ['有效期', `${l.validFrom} 至 ${l.validTo}`],
                // 当前状态 on the day the page is read: a licence expires without a new record (domain.md §3).
                ['当前状态', licenceStatus(l, chinaDateOf(Date.now()))],
              ])}`
          : ''
    }
    ${
      o
        ? html`<h2>${r.coercion ? '行政强制决定' : '决定内容'}</h2>
            ${fields([
              ['强制类型', r.coercion?.kind],
              ['决定名称', o.title],
              ['决定内容', text(o.content)],
              ['依据', o.legalBasis],
            ])}`
        : ''
    }
    ${
      i
        ? html`<h2>行政检查结果</h2>
            ${fields([
              ['检查对象', r.party.name],
              ['检查事项', i.matter],
              ['检查依据', i.legalBasis],
              ['检查日期', i.inspectedOn],
              ['检查方式', i.method],
              ['检查结果', i.outcome],
              ['检查情况', text(i.findings)],
              ['处理情况', text(i.handling)],
              ['检查机关', r.agencyName],
            ])}
            ${
              i.randomInspectionPlanId
                ? html`<p>
                    本次检查系<a href="/portal/inspections/${encodeURIComponent(i.randomInspectionPlanId)}"
                      >双随机抽查</a
                    >的检查对象。
                  </p>`
                : ''
            }`
        : ''
    }
    ${
      withheld.length > 0
        ? html`<p class="notice" role="note">
            以下内容${withheld[0]!.reason}：${withheld.map((field) => field.label).join('、')}。
          </p>`
        : ''
    }
    ${fields([['数据来源单位', `${r.dataSource}（${r.dataSourceCreditCode}）`]])}
    ${
      r.document
        ? html`<p>
            <a href="${r.document.href}">决定书全文（公开版 PDF，已隐去个人信息）</a>
            <small>SHA-256 ${r.document.sha256}</small>
          </p>`
        : ''
    }
    <p>
      <a href="/api/v1/public/decisions/${encodeURIComponent(item.decisionId)}">本条信息的数据（JSON）</a>
    </p>`;
}
