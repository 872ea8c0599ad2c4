/*
 * selfeval: the fallback for webviews that cannot run the pane. ES5 on purpose, and separate from the bundle: Office
 * 2019 (perpetual) runs add-ins in Internet Explorer 11 or EdgeHTML, which cannot parse the ES2020 bundle, so the pane
 * would stay blank. Loaded before the bundle; the bundle's first statement calls window.__selfevalBoot(). If the page
 * has loaded and the bundle never started (it failed to parse or to run), this shows a message in both languages.
 * Never shipped with user data in it: it builds its message with DOM calls, no HTML strings.
 */
(function () {
  "use strict";
  var started = false;
  var shown = false;
  window.__selfevalBoot = function () {
    started = true;
  };

  /** The checker web page beside this pane (dist/web.html on the same host). */
  function webPage() {
    return String(window.location.href).replace(/[?#].*$/, "").replace(/[^\/]*$/, "web.html");
  }

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (style) e.setAttribute("style", style);
    return e;
  }

  function show() {
    if (started || shown) return;
    shown = true;
    var c = document.getElementById("container") || document.body;
    while (c.firstChild) c.removeChild(c.firstChild);
    var box = el("div", "", "font-family: 'Microsoft YaHei', 'Segoe UI', sans-serif; padding: 16px; line-height: 1.6; color: #201f1e");
    box.setAttribute("id", "selfeval-unsupported");
    box.setAttribute("role", "alert");
    box.setAttribute("lang", "zh-CN");
    box.appendChild(el("h1", "此版本的 Excel 无法运行绩效自评校验", "font-size: 18px; margin: 0 0 8px"));
    box.appendChild(el("p", "这台电脑上的 Excel 用 Internet Explorer 或旧版 Edge（EdgeHTML）显示加载项，本加载项需要更新的浏览器内核。"));
    box.appendChild(el("p", "可以这样做：升级到 Microsoft 365 或 Office 2021（或为 Office 2019 安装 Microsoft Edge WebView2 运行时）；使用网页版 Excel；或用命令行校验：npx selfeval check 表.xlsx。"));
    box.appendChild(el("p", "不装任何东西也可以：用 Chrome、Edge、360 或奇安信浏览器打开网页版校验器（文件只在本机校验，不上传）：" + webPage()));
    var en = el("div", "", "margin-top: 16px; border-top: 1px solid #c8c6c4; padding-top: 12px");
    en.setAttribute("lang", "en");
    en.appendChild(el("h2", "This version of Excel cannot run the self-evaluation checker", "font-size: 16px; margin: 0 0 8px"));
    en.appendChild(el("p", "Excel on this computer shows add-ins in Internet Explorer or the old Edge (EdgeHTML); this add-in needs a newer browser engine."));
    en.appendChild(el("p", "What you can do: update to Microsoft 365 or Office 2021 (or install the Microsoft Edge WebView2 Runtime for Office 2019); use Excel on the web; or check from the command line: npx selfeval check form.xlsx."));
    en.appendChild(el("p", "Nothing to install: open the checker web page in Chrome, Edge or another current browser (files are checked on this computer, never uploaded): " + webPage()));
    box.appendChild(en);
    c.appendChild(box);
  }

  // a script that fails to parse reports a SyntaxError here, before the load event
  var previous = window.onerror;
  window.onerror = function (message, source) {
    if (!started && typeof source === "string" && /taskpane\.[^\/]*\.js/.test(source)) show();
    if (typeof previous === "function") return previous.apply(this, arguments);
    return false;
  };
  function onLoad() {
    if (!started) show();
  }
  if (window.addEventListener) window.addEventListener("load", onLoad, false);
  else if (window.attachEvent) window.attachEvent("onload", onLoad);
})();
