/* global document, window, fetch, URLSearchParams */
// 行政执法统计监督: draws the statistics API as plain SVG; no framework and no CDN. The staff token comes in the
// URL fragment (#token=…, never sent to the server) from the platform's sign-in, and is kept for the tab only.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var CATEGORY = {
    licensing: '行政许可',
    penalty: '行政处罚',
    coercion: '行政强制',
    inspection: '行政检查',
    collection: '行政征收',
    confirmation: '行政确认',
    other: '其他',
  };
  var WARNING_KIND = {
    'disclosure-deadline': '公示期限预警',
    'review-sla': '法制审核超时',
    'decision-limit': '办案期限预警',
    'reviewer-ratio': '法制审核人员比例不足',
    'annual-report': '统计年报待确认',
    'certificate-expiry': '执法证件即将到期',
  };
  var fragment = new URLSearchParams(window.location.hash.slice(1));
  if (fragment.get('token')) window.sessionStorage.setItem('lep-token', fragment.get('token'));
  var token = window.sessionStorage.getItem('lep-token');
  var form = document.getElementById('query');
  var status = document.getElementById('status');

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /** Vertical bars, one group per label, one colour per series; `series` = [{name, colour, values}]. */
  function barChart(target, labels, series) {
    var width = 400;
    var height = 180;
    var max = 1;
    series.forEach(function (serie) {
      serie.values.forEach(function (value) {
        max = Math.max(max, value);
      });
    });
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + (height + 40), width: '100%', role: 'img' });
    var slot = width / labels.length;
    var bar = Math.max(2, (slot - 6) / series.length);
    labels.forEach(function (label, index) {
      series.forEach(function (serie, s) {
        var value = serie.values[index];
        var barHeight = (value / max) * height;
        var rect = svg('rect', {
          x: index * slot + 3 + s * bar,
          y: height - barHeight,
          width: bar - 1,
          height: barHeight,
          fill: serie.colour,
          class: 'bar',
          'data-series': serie.name,
          'data-label': label,
          'data-value': value,
        });
        rect.appendChild(svg('title', {}, label + ' ' + serie.name + '：' + value));
        chart.appendChild(rect);
      });
      chart.appendChild(
        svg('text', { x: index * slot + slot / 2, y: height + 14, 'text-anchor': 'middle' }, label),
      );
    });
    series.forEach(function (serie, s) {
      chart.appendChild(
        svg('rect', { x: s * 90, y: height + 26, width: 10, height: 10, fill: serie.colour }),
      );
      chart.appendChild(svg('text', { x: s * 90 + 14, y: height + 35 }, serie.name));
    });
    target.replaceChildren(chart);
  }

  function get(path, params) {
    return fetch(path + '?' + new URLSearchParams(params), {
      headers: { authorization: 'Bearer ' + token },
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) {
          throw new Error(body.message || '查询失败（' + response.status + '）');
        });
      }
      return response.json();
    });
  }

  function render(figures, warnings) {
    var months = [];
    for (var m = 1; m <= 12; m += 1) months.push(m);
    var byMonth = {};
    figures.byMonth.forEach(function (entry) {
      byMonth[entry.month] = entry.figures;
    });
    var monthly = function (metric) {
      return months.map(function (month) {
        return (byMonth[month] && byMonth[month][metric]) || 0;
      });
    };
    barChart(
      document.getElementById('trend'),
      months.map(function (month) {
        return month + '月';
      }),
      [
        { name: '立案', colour: '#2680c2', values: monthly('cases.filed') },
        { name: '决定', colour: '#9b1c1c', values: monthly('cases.decided') },
      ],
    );
    var categories = Object.keys(CATEGORY);
    barChart(
      document.getElementById('categories'),
      categories.map(function (category) {
        return CATEGORY[category];
      }),
      [
        {
          name: '决定',
          colour: '#9b1c1c',
          values: categories.map(function (category) {
            return (figures.byCategory[category] || {})['cases.decided'] || 0;
          }),
        },
      ],
    );
    var totals = figures.totals;
    barChart(
      document.getElementById('timeliness'),
      ['按期公示', '逾期公示', '超期未公示', '撤回', '更正'],
      [
        {
          name: '件数',
          colour: '#2f8132',
          values: [
            totals['disclosure.on-time'] || 0,
            totals['disclosure.late'] || 0,
            totals['disclosure.overdue'] || 0,
            totals['disclosure.withdrawn'] || 0,
            totals['disclosure.corrected'] || 0,
          ],
        },
      ],
    );
    var table = document.createElement('table');
    var head = table.insertRow();
    ['类型', '执法主体', '内容', '状态'].forEach(function (title) {
      var th = document.createElement('th');
      th.textContent = title;
      head.appendChild(th);
    });
    warnings.forEach(function (warning) {
      var row = table.insertRow();
      row.className = 'warning ' + warning.severity;
      [
        WARNING_KIND[warning.kind] || warning.kind,
        warning.agencyCode,
        warning.message,
        warning.severity === 'past' ? '已超期' : '临近期限',
      ].forEach(function (text) {
        row.insertCell().textContent = text;
      });
    });
    document
      .getElementById('warnings')
      .replaceChildren(warnings.length ? table : document.createTextNode('暂无预警'));
  }

  function load(agency, year) {
    status.textContent = '加载中…';
    Promise.all([
      get('/api/v1/statistics', { agency: agency, year: year, rollup: 'true' }),
      get('/api/v1/warnings', { agency: agency, state: 'raised' }),
    ])
      .then(function (results) {
        render(results[0], results[1]);
        status.textContent =
          agency + ' ' + year + ' 年度（含下级执法主体 ' + (results[0].agencies.length - 1) + ' 个）';
      })
      .catch(function (error) {
        status.textContent = error.message;
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    load(form.agency.value, form.year.value);
  });
  if (!token) {
    status.textContent = '请先登录平台';
  } else if (fragment.get('agency')) {
    form.agency.value = fragment.get('agency');
    form.year.value = fragment.get('year') || String(new Date().getFullYear());
    load(form.agency.value, form.year.value);
  }
})();
