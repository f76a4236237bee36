/*
 * Kaohe's first script on taskpane.html (the CSP forbids inline scripts). ES5 only, and it
 * never throws in any engine: it picks the pane bundle for the browser engine and adds its
 * <script>. Office shows add-ins in IE11 (Trident) on volume-licensed Office 2016/2019 and
 * in legacy Edge (EdgeHTML, Edge/12–18) on retail 2016/2019 without WebView2: those always
 * get the legacy pane (ES5, no React). A feature test can only add to that: an engine
 * without Promise or with no `fetch` and no `Symbol` also gets it. The URLs of both bundles
 * come from this tag's data-modern / data-legacy attributes (set at build time).
 */
(function () {
  'use strict';
  function legacyEngine(ua) {
    if (/Trident\//.test(ua)) return true;
    var edge = /\bEdge\/(\d+)/.exec(ua);
    if (edge && +edge[1] >= 12 && +edge[1] <= 18) return true;
    return typeof Promise === 'undefined' || typeof Symbol === 'undefined';
  }
  try {
    var scripts = document.getElementsByTagName('script');
    var me = null;
    for (var i = 0; i < scripts.length; i++) {
      if (scripts[i].getAttribute('data-legacy')) {
        me = scripts[i];
        break;
      }
    }
    if (!me) return;
    var ua = (window.navigator && window.navigator.userAgent) || '';
    // WPS: the ribbon asks for the legacy pane when its modern bundle could not run (src/wps/ribbon.ts).
    var legacy = legacyEngine(ua) || /[?&]kaohe-engine=legacy\b/.test((window.location && window.location.search) || '');
    var src = me.getAttribute(legacy ? 'data-legacy' : 'data-modern');
    document.documentElement.className += legacy ? ' kaohe-legacy-engine' : ' kaohe-modern-engine';
    var tag = document.createElement('script');
    tag.src = src;
    (document.head || document.getElementsByTagName('head')[0]).appendChild(tag);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
  } catch (e) {
    // Never throw: the page then stays at its "starting" text.
  }
})();
