/**
 * The short README.txt placed in every package folder: what the folder is, where to put it,
 * how to check it, how to install it. Chinese first, English after.
 */
import type { OfficeJsChoice } from './officejs';

export interface ReadmeFacts {
  version: string;
  baseUrl: string;
  officejs: OfficeJsChoice;
  officejsUrl: string;
  builtAt: string;
}

const CHOICE_ZH: Record<OfficeJsChoice, string> = {
  global: '微软全球 CDN（办公电脑需能访问互联网）',
  china: '世纪互联运营的 Microsoft 365 CDN（中国版）',
  bundled: '随包附带（内网，无需访问互联网；Office.js 的更新需自行重新打包）',
};
const CHOICE_EN: Record<OfficeJsChoice, string> = {
  global: "Microsoft's global CDN (office PCs need internet access)",
  china: 'the CDN of Microsoft 365 operated by 21Vianet (China)',
  bundled: 'bundled in this package (intranet, no internet needed; Office.js updates mean repackaging)',
};

/**
 * The README text, CRLF line ends so Notepad on older Windows shows it properly.
 * @example readmeText({ version: '1.0.1.0', … }).startsWith('Kaohe 考核') // => true
 */
export function readmeText(facts: ReadmeFacts): string {
  const lines = [
    `Kaohe 考核 加载项安装包 / add-in package — 版本 version ${facts.version}`,
    `打包时间 built: ${facts.builtAt}`,
    '',
    '【中文】',
    `1. 把本文件夹内的全部文件原样复制到 HTTPS 服务器，使其可通过 ${facts.baseUrl} 访问（IIS 会读取 web.config）。`,
    `2. 用浏览器打开 ${facts.baseUrl}check.html 自检：文件是否齐全无损、Office.js 能否加载、部署的版本。`,
    '3. 安装：把 manifest.xml 放入共享文件夹目录，或在 Microsoft 365 管理中心“集成应用”中上传，',
    '   或在网页版 Excel 中“插入 → 加载项 → 上传我的加载项”。详细步骤见项目 README 的“安装到乡镇办公室”一节。',
    `4. Office.js 来源：${CHOICE_ZH[facts.officejs]}，地址 ${facts.officejsUrl}`,
    '5. 升级：用新版本的文件替换整个文件夹，并分发新的 manifest.xml（版本号已递增）。',
    '',
    '[English]',
    `1. Copy every file of this folder, unchanged, onto an HTTPS server so that it is served at ${facts.baseUrl} (IIS reads web.config).`,
    `2. Open ${facts.baseUrl}check.html in a browser: are the files served whole, does Office.js load, which version is deployed.`,
    '3. Install: put manifest.xml in a shared-folder catalog, or upload it in the Microsoft 365 admin center',
    '   (Integrated apps), or in Excel on the web (Insert > Add-ins > Upload My Add-in). See the section “Installing in a town office” of the project README.',
    `4. Office.js comes from ${CHOICE_EN[facts.officejs]}: ${facts.officejsUrl}`,
    '5. Updating: replace the whole folder with the new version and hand out the new manifest.xml (its version is higher).',
    '',
  ];
  return lines.join('\r\n');
}
