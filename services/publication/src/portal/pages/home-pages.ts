import { decisionSearchForm } from './decision-pages';
import { html, Html } from './html';

export function homeBody(): Html {
  return html`<p>
      本平台公开行政执法主体、人员、职责、依据、程序和救济渠道（事前公开），双随机抽查计划和结果，行政许可、行政处罚等执法决定（事后公开），以及行政执法统计年报。
    </p>
    <h2>查询执法决定</h2>
    ${decisionSearchForm({})}
    <h2>栏目</h2>
    <ul class="list">
      <li>
        <a href="/portal/decisions">执法决定公示</a
        ><span class="meta">行政许可、行政处罚等决定，每条决定都有自己的页面，可转发</span>
      </li>
      <li>
        <a href="/portal/agencies">执法主体与事前公开</a
        ><span class="meta">职责权限、执法依据、执法人员、事项清单与服务指南、救济渠道</span>
      </li>
      <li><a href="/portal/inspections">双随机抽查</a><span class="meta">抽查计划、抽取和结果</span></li>
      <li><a href="/portal/annual-reports">行政执法统计年报</a></li>
      <li><a href="/portal/help">使用帮助</a><span class="meta">放大字号、提高对比度、查询方法</span></li>
    </ul>`;
}

/** Guidance for readers who find the web hard going, older readers first (GB/T 37668 适老化). */
export function helpBody(): Html {
  return html`<h2>看不清字？</h2>
    <p>
      点击页面顶部的“大字号”，所有页面的文字都会放大；点击“高对比度”，页面会换成黑底白字、黄色链接。再次点击即可恢复。您的选择会保存在本机浏览器中，下次打开仍然有效。
    </p>
    <p>
      也可以同时按住键盘上的 Ctrl 键和加号键（+）放大页面，按 Ctrl
      键和减号键（-）缩小。手机上可以用两个手指在屏幕上张开放大。
    </p>
    <h2>怎样查到一条执法决定？</h2>
    <ol>
      <li>打开“执法决定”栏目。</li>
      <li>
        在“行政相对人”一栏输入企业名称或统一社会信用代码；个人的姓名已按规定隐去，显示为“张某”这样的形式。
      </li>
      <li>点击“查询”。点击结果的标题，可以看到这条决定的全部公开内容。这个页面的网址可以复制后发给别人。</li>
    </ol>
    <h2>不用鼠标怎样操作？</h2>
    <p>
      按 Tab
      键可以在链接、输入框和按钮之间依次移动，按回车键打开或提交。每个页面开头有“跳到正文”链接，可以跳过导航直接阅读内容。本平台的页面不依赖脚本，读屏软件可以朗读全部内容。
    </p>
    <h2>对公开的信息有疑问？</h2>
    <p>每个执法主体的页面上列有投诉举报渠道和救济渠道。执法主体尚未填报的，页面会注明“未填报”。</p>`;
}
