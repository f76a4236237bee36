/**
 * A large 考核数据 workbook generated at run time (never committed): `rows` units × `cols`
 * columns (the demo's 22 headers, then 备用N columns), streamed through fflate's Zip so the
 * XML is never one string. Also a zip bomb: a sheet part of zeros at deflate's best ratio.
 */
import { Zip, ZipDeflate, zipSync, type Zippable } from 'fflate';
import { columnLetter } from '../../src/core/a1';
import { concatBytes } from '../../src/io/xlsx/zip';

const enc = new TextEncoder();
const HEADERS = [
  '单位', '类型', '主要负责人', '是否贫困村', '实际减贫人数', '计划减贫人数', '人均可支配收入增长率（%）', '识别准确率（%）',
  '五个一批复核完成率（%）', '退出准确率（%）', '帮扶覆盖率（%）', '群众满意度（%）', '弱势户重点帮扶落实', '脱贫方案制订率（%）',
  '到户措施落实率（%）', '重点工作落实项数', '产业扶贫项目数', '资金绩效评价得分', '资金问题数', '台账缺漏项数', '日常管理评分', '报送信息篇数',
];

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function frame(sheetNames: string[], extra: string): Zippable {
  const s = (x: string): Uint8Array => enc.encode(x);
  return {
    '[Content_Types].xml': s(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetNames
        .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
        .join('')}${extra}</Types>`,
    ),
    '_rels/.rels': s(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': s(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetNames.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': s(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheetNames
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
}

/** `rows` units × `cols` columns of 考核数据 (inline strings), streamed. */
export function bigDataWorkbook(rows: number, cols: number): Uint8Array {
  const out: Uint8Array[] = [];
  let done = false;
  const zip = new Zip((err, chunk, final) => {
    if (err) throw err;
    out.push(chunk);
    if (final) done = true;
  });
  for (const [name, data] of Object.entries(frame(['考核数据'], ''))) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(data as Uint8Array, true);
  }
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
  zip.add(sheet);
  const headers = Array.from({ length: cols }, (_, c) => HEADERS[c] ?? `备用${c + 1}`);
  const inline = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  let buffer = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData><row r="1">${headers.map((h, c) => inline(`${columnLetter(c)}1`, h)).join('')}</row>`;
  for (let r = 2; r <= rows + 1; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) {
      const ref = `${columnLetter(c)}${r}`;
      if (c === 0) row += inline(ref, `第${r - 1}村`);
      else if (c === 1) row += inline(ref, r % 5 ? '村' : '社区');
      else if (c === 2) row += inline(ref, '张三');
      else if (c === 3 || c === 12) row += inline(ref, r % 3 ? '否' : '是');
      else if (c === 4 || c === 5) row += `<c r="${ref}"><v>${(r % 7) + 1}</v></c>`;
      else row += `<c r="${ref}"><v>${(r * 31 + c * 17) % 100}</v></c>`;
    }
    buffer += `${row}</row>`;
    if (buffer.length > 1 << 20) {
      sheet.push(enc.encode(buffer));
      buffer = '';
    }
  }
  sheet.push(enc.encode(`${buffer}</sheetData></worksheet>`), true);
  zip.end();
  if (!done) throw new Error('zip not finished');
  return concatBytes(out);
}

/** A workbook whose 考核数据 part is `megabytes` MiB of zeros after a valid start (a zip bomb). */
export function zipBombWorkbook(megabytes: number): Uint8Array {
  const files = frame(['考核数据'], '');
  const head = enc.encode(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row><!--`);
  const body = new Uint8Array(head.length + megabytes * 1024 * 1024).fill(0x20);
  body.set(head);
  files['xl/worksheets/sheet1.xml'] = [body, { level: 9 }];
  return zipSync(files);
}
