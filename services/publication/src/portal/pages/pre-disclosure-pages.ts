import {
  AgencyChangedData,
  EnforcementItemListContent,
  InspectionDrawMadeData,
  InspectionDrawVoidedData,
  InspectionPlanDisclosedData,
  InspectionResultsPublishedData,
  ITEM_CATEGORY_LABELS,
  ItemListPublishedData,
  PersonnelChangedData,
} from '@lep/contracts';
import { fields, html, Html } from './html';

/** What the portal says where an agency has not filled in a field it must pre-disclose (P5). */
export const NOT_FILLED = '未填报';

export function agencyListBody(agencies: AgencyChangedData[], keyword: string): Html {
  return html`<form
      class="search"
      method="get"
      action="/portal/agencies"
      role="search"
      aria-label="查询执法主体"
    >
      <label for="a-keyword">执法主体名称</label>
      <input id="a-keyword" name="keyword" value="${keyword}" />
      <button type="submit">查询</button>
    </form>
    ${agencies.length === 0 ? html`<p role="status">没有符合条件的执法主体</p>` : ''}
    <ul class="list">
      ${agencies.map(
        (agency) =>
          html`<li>
            <a href="/portal/agencies/${agency.code}">${agency.name}</a>
            <span class="meta">统一社会信用代码 ${agency.unifiedSocialCreditCode}</span>
          </li>`,
      )}
    </ul>`;
}

const PARTY_TYPES: Record<string, string> = {
  'natural-person': '自然人',
  'individual-business': '个体工商户',
  'legal-person': '法人',
  'other-organisation': '非法人组织',
};

const CERTIFICATE_STATUSES: Record<string, string> = {
  active: '有效',
  suspended: '暂扣',
  revoked: '吊销',
  expired: '已过期',
  'not-yet-valid': '未生效',
};

/** 事前公开 of one agency (P5): who it is, its powers and basis, remedies, officers, item list and service guide. */
export function agencyBody(
  agency: AgencyChangedData,
  officers: PersonnelChangedData[],
  items: ItemListPublishedData | null,
): Html {
  const content = items?.content as EnforcementItemListContent | undefined;
  return html`${fields([
      ['统一社会信用代码', agency.unifiedSocialCreditCode],
      ['职责权限', agency.dutiesAndPowers],
      ['执法依据', agency.legalBasis],
      ['法制审核机构', agency.legalReviewBody.name],
    ])}
    <h2>救济渠道与监督</h2>
    ${fields([
      ['救济渠道（行政复议、行政诉讼）', agency.remedyChannels, NOT_FILLED],
      ['监督方式', agency.supervisionMethods, NOT_FILLED],
      ['投诉举报', agency.complaintChannels, NOT_FILLED],
    ])}
    <h2>执法人员（${officers.length} 名）</h2>
    ${
      officers.length === 0
        ? html`<p>暂无公示的执法人员。</p>`
        : html`<table>
            <caption class="visually-hidden">
              执法人员及执法证件
            </caption>
            <thead>
              <tr>
                <th scope="col">姓名</th>
                <th scope="col">执法证号</th>
                <th scope="col">执法区域及类别</th>
                <th scope="col">有效期至</th>
                <th scope="col">证件状态</th>
              </tr>
            </thead>
            <tbody>
              ${officers.map(
                (officer) =>
                  html`<tr>
                    <td>${officer.name}</td>
                    <td>${officer.certificateNumber}</td>
                    <td>${officer.scope}</td>
                    <td>${officer.certificateExpiresOn}</td>
                    <td>${CERTIFICATE_STATUSES[officer.status] ?? officer.status}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
    <h2>行政执法事项清单与服务指南</h2>
    ${
      content
        ? html`<p class="meta">
              第 ${items!.version} 版，公示于
              ${items!.publishedAt.slice(0, 10)}${
                items!.review
                  ? html`；经${items!.review.reviewBody.name}于 ${items!.review.reviewedAt.slice(0, 10)}
                    法制审核`
                  : ''
              }
            </p>
            ${content.items.map(
              (item) =>
                html`<section aria-labelledby="item-${item.code}">
                  <h3 id="item-${item.code}">${item.name}</h3>
                  ${fields([
                    ['事项编码', item.code],
                    ['事项类别', ITEM_CATEGORY_LABELS[item.category]],
                    ['实施依据', item.legalBasis],
                    ['办理程序', item.procedure],
                    ['受理机构', item.acceptingBody, NOT_FILLED],
                    ['审批机构', item.approvingBody, NOT_FILLED],
                    ['法定办结时限', `${item.statutoryWorkingDays} 个工作日`],
                    [
                      '承诺办结时限',
                      item.promisedWorkingDays === undefined
                        ? undefined
                        : `${item.promisedWorkingDays} 个工作日`,
                    ],
                    ['服务指南', item.serviceGuide],
                  ])}
                </section>`,
            )}`
        : html`<p>尚未公示行政执法事项清单。</p>`
    }
    <p>
      <a href="/portal/inspections?agency=${agency.code}">本单位的双随机抽查</a> ·
      <a href="/portal/decisions?agency=${agency.code}">本单位的执法决定</a>
    </p>`;
}

export function inspectionPlanListBody(
  plans: InspectionPlanDisclosedData[],
  agencyNames: Map<string, string>,
): Html {
  // Inspections outside 双随机 are decided in cases and listed with the decisions (domain.md P14).
  const elsewhere = html`<p>
    双随机抽查以外的行政检查结果见<a href="/portal/decisions?category=inspection">行政检查结果公示</a>。
  </p>`;
  if (plans.length === 0)
    return html`<p role="status">暂无公示的双随机抽查计划。</p>
      ${elsewhere}`;
  return html`${elsewhere}
    <ul class="list">
      ${plans.map(
        (plan) =>
          html`<li>
            <a href="/portal/inspections/${encodeURIComponent(plan.planId)}">${plan.subject}</a>
            <span class="meta"
              >${agencyNames.get(plan.agencyCode) ?? plan.agencyCode} · ${plan.plannedStart} 至
              ${plan.plannedEnd}</span
            >
          </li>`,
      )}
    </ul>`;
}

const OUTCOMES: Record<string, string> = {
  'no-problem': '未发现问题',
  'problem-found': '发现问题',
  'target-not-found': '未找到检查对象',
};

/** One plan of 双随机、一公开 (P8): the plan, each draw as committed (or voided, with why), then the results. */
export function inspectionPlanBody(
  plan: InspectionPlanDisclosedData,
  draws: Array<InspectionDrawMadeData & Partial<InspectionDrawVoidedData> & { voided?: boolean }>,
  results: InspectionResultsPublishedData[],
): Html {
  return html`${fields([
      ['抽查依据', plan.basis],
      ['抽查范围', plan.scope],
      ['检查对象类别', plan.targetCategory ?? '全部'],
      ['抽取检查对象数', plan.targetCount],
      ['每个对象的检查人员数', plan.inspectorsPerTarget],
      ['计划时间', `${plan.plannedStart} 至 ${plan.plannedEnd}`],
    ])}
    <h2>抽取</h2>
    ${draws.length === 0 ? html`<p>尚未抽取。</p>` : ''}
    <ul class="list">
      ${draws.map(
        (draw) =>
          html`<li>
            抽取
            ${draw.drawId}${draw.drawDay ? html`，抽取日 ${draw.drawDay}` : ''}${draw.voided ? html` — <strong>已作废</strong>：${draw.reason}` : ''}
            ${draw.seedCommitment ? html`<br /><span class="meta code">种子承诺值 ${draw.seedCommitment}</span>` : ''}
          </li>`,
      )}
    </ul>
    <h2>抽查结果</h2>
    ${
      results.length === 0
        ? html`<p>结果尚未公开。</p>`
        : results.map(
            (published) =>
              html`<table>
                  <caption>
                    抽取 ${published.drawId} 的结果（公开于 ${published.publishedAt.slice(0, 10)}）
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">检查对象</th>
                      <th scope="col">类别</th>
                      <th scope="col">检查结果</th>
                      <th scope="col">检查情况</th>
                      <th scope="col">检查日期</th>
                      <th scope="col">检查人员</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${published.results.map(
                      (result) =>
                        html`<tr>
                          <td>${result.target.name}（${result.target.code}）</td>
                          <td>${PARTY_TYPES[result.target.partyType ?? ''] ?? ''}</td>
                          <td>${OUTCOMES[result.outcome] ?? result.outcome}</td>
                          <td>${result.findings}</td>
                          <td>${result.inspectedOn}</td>
                          <td>
                            ${result.inspectors.map((inspector) => `${inspector.name}（${inspector.certificateNumber}）`).join('、')}
                          </td>
                        </tr>`,
                    )}
                  </tbody>
                </table>
                <p class="meta code">
                  随机种子 ${published.seed}：可按公开的抽取池重新计算并核对抽取承诺值。
                </p>`,
          )
    }`;
}
