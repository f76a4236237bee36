/**
 * The `web.config` that makes IIS serve a package correctly: MIME types IIS lacks by
 * default, no long-lived caching (so updates arrive), and an optional CSP header.
 */

/** Extensions whose MIME type older IIS versions do not know (or know wrongly). */
const MIME_TYPES: ReadonlyArray<[string, string]> = [
  ['.json', 'application/json'],
  ['.woff', 'font/woff'],
  ['.woff2', 'font/woff2'],
  ['.map', 'application/json'],
  ['.svg', 'image/svg+xml'],
  ['.txt', 'text/plain; charset=utf-8'],
];

/**
 * Builds web.config. `csp` is the page policy (from the built pages); it is written as a
 * commented-out header, because the pages already carry it as a `<meta>` and a header
 * that disagrees with them would block them.
 * @example webConfig("default-src 'self'").includes('font/woff2') // => true
 */
export function webConfig(csp: string | null): string {
  const mime = MIME_TYPES.map(
    ([extension, type]) =>
      `      <remove fileExtension="${extension}" />\n      <mimeMap fileExtension="${extension}" mimeType="${type}" />`,
  ).join('\n');
  const cspLine = csp
    ? `        <!-- 可选 Optional: 取消注释即由服务器发送与页面相同的内容安全策略 / uncomment to send the pages' CSP as a header.\n        <add name="Content-Security-Policy" value="${escapeXmlAttribute(csp)}" />\n        -->`
    : '        <!-- 页面未声明 CSP / the pages declare no CSP -->';
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Kaohe 考核：IIS 配置。把本文件与其他文件一起放在站点（或虚拟目录）根下。
     Kaohe: IIS settings. Keep this file next to the other package files. -->
<configuration>
  <system.webServer>
    <staticContent>
${mime}
      <!-- 每次都向服务器确认是否有新版本 / always revalidate, so a new version arrives -->
      <clientCache cacheControlMode="DisableCache" />
    </staticContent>
    <httpProtocol>
      <customHeaders>
        <add name="X-Content-Type-Options" value="nosniff" />
${cspLine}
      </customHeaders>
    </httpProtocol>
  </system.webServer>
</configuration>
`;
}

function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/--/g, '- -');
}
