/**
 * A new workbook from scratch (for `template`, and for a result workbook of its own): the
 * minimal package — content types, package relationships, document properties, a workbook
 * part without sheets, its relationships and a styles part — as a PackageSource the
 * package writer then adds sheets to.
 */
import { BASE_STYLES } from './styleBook';
import type { PackageSource } from './writePackage';
import { CONTENT_TYPE, NS, REL_TYPE, XML_DECL } from './xmlText';

/** The parts of an empty workbook. */
export function emptyPackageParts(now: Date = new Date()): Map<string, string> {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return new Map<string, string>([
    [
      '[Content_Types].xml',
      `${XML_DECL}<Types xmlns="${NS.contentTypes}">` +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.rels}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/>` +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
        '</Types>',
    ],
    [
      '_rels/.rels',
      `${XML_DECL}<Relationships xmlns="${NS.pkgRel}">` +
        `<Relationship Id="rId1" Type="${REL_TYPE.officeDocument}" Target="xl/workbook.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
        '</Relationships>',
    ],
    [
      'docProps/app.xml',
      `${XML_DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kaohe</Application></Properties>`,
    ],
    [
      'docProps/core.xml',
      `${XML_DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>Kaohe</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    ],
    [
      'xl/workbook.xml',
      `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    ],
    ['xl/_rels/workbook.xml.rels', `${XML_DECL}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL_TYPE.styles}" Target="styles.xml"/></Relationships>`],
    ['xl/styles.xml', BASE_STYLES],
  ]);
}

/**
 * A PackageSource over parts held as text; copying an entry deflates its text.
 * @example textSource(emptyPackageParts()).names()[0] // => '[Content_Types].xml'
 */
export function textSource(parts: Map<string, string>): PackageSource {
  return {
    names: () => [...parts.keys()],
    text: (name) => parts.get(name) ?? null,
    copyTo: (name, zip) => zip.addText(name, parts.get(name) ?? ''),
  };
}
