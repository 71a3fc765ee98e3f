/* global document, URLSearchParams, FormData, fetch */
// 行政执法公示平台: renders the public API's masked records; no framework, so it loads fast on a phone.
(function () {
  'use strict';
  var CATEGORY = {
    penalty: '行政处罚',
    licensing: '行政许可',
    coercion: '行政强制',
    inspection: '行政检查',
    collection: '行政征收',
    confirmation: '行政确认',
    other: '其他',
  };
  var form = document.getElementById('search');
  var results = document.getElementById('results');
  var status = document.getElementById('status');
  var page = 1;
  var PAGE_SIZE = 10;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function field(list, label, value) {
    if (value === undefined || value === null || value === '') return;
    list.appendChild(el('dt', label));
    list.appendChild(el('dd', Array.isArray(value) ? value.join('、') : value));
  }

  function render(item) {
    var r = item.record;
    var card = el('article', null, 'item' + (item.status === 'withdrawn' ? ' withdrawn' : ''));
    card.setAttribute('data-decision-id', item.decisionId);
    card.appendChild(el('h2', (CATEGORY[r.category] || '') + ' ' + r.documentNumber));
    card.appendChild(el('div', r.agencyName + ' · 决定日期 ' + r.decidedOn, 'meta'));
    var list = el('dl');
    if (item.status === 'withdrawn') {
      field(list, '撤回类型', item.withdrawal.kind);
      field(list, '撤回理由', item.withdrawal.reason);
      field(list, '撤回时间', item.withdrawal.withdrawnAt.slice(0, 10));
    } else {
      field(list, '行政相对人', r.party.name);
      field(list, '相对人类别', r.party.category);
      field(list, '统一社会信用代码', r.party.creditCode);
      field(list, '法定代表人', r.party.legalRepresentative);
      var p = r.penalty;
      if (p) {
        field(list, '违法行为类型', p.violationType);
        field(list, '违法事实', p.facts);
        field(list, '处罚依据', p.legalBasis);
        field(list, '处罚类别', p.penaltyKinds);
        field(list, '处罚内容', p.content);
        field(list, '罚款金额（万元）', p.fineWanYuan);
        field(list, '没收金额（万元）', p.confiscatedWanYuan);
        field(list, '暂扣或吊销证照', p.licenceAffected);
        field(list, '处罚有效期', p.validUntil);
      }
      var l = r.licensing;
      if (l) {
        field(list, '许可文书名称', l.documentTitle);
        field(list, '许可类别', l.licenceKind);
        field(list, '许可证书名称', l.certificateName);
        field(list, '许可编号', l.licenceNumber);
        field(list, '许可内容', l.content);
        field(list, '有效期', l.validFrom + ' 至 ' + l.validTo);
        field(list, '当前状态', l.status);
      }
      var o = r.other;
      if (o) {
        field(list, '决定名称', o.title);
        field(list, '决定内容', o.content);
        field(list, '依据', o.legalBasis);
      }
      field(list, '公示截止期', r.displayUntil);
      if (item.version > 1) field(list, '更正', '已更正（第 ' + item.version + ' 版）');
    }
    card.appendChild(list);
    return card;
  }

  function load() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value) params.set(key, value);
    });
    params.set('page', String(page));
    params.set('pageSize', String(PAGE_SIZE));
    status.textContent = '正在查询…';
    fetch('/api/v1/public/decisions?' + params.toString(), { headers: { accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 429) throw new Error('查询过于频繁，请稍后再试');
        if (!response.ok) throw new Error('查询失败，请检查查询条件');
        return response.json();
      })
      .then(function (body) {
        results.textContent = '';
        body.items.forEach(function (item) {
          results.appendChild(render(item));
        });
        var pages = Math.max(1, Math.ceil(body.total / body.pageSize));
        status.textContent = body.total === 0 ? '没有符合条件的公示信息' : '共 ' + body.total + ' 条';
        document.getElementById('page').textContent = '第 ' + body.page + ' / ' + pages + ' 页';
        document.getElementById('prev').disabled = body.page <= 1;
        document.getElementById('next').disabled = body.page >= pages;
      })
      .catch(function (error) {
        status.textContent = error.message;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    page = 1;
    load();
  });
  document.getElementById('prev').addEventListener('click', function () {
    page -= 1;
    load();
  });
  document.getElementById('next').addEventListener('click', function () {
    page += 1;
    load();
  });
  load();
})();
