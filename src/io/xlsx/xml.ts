/**
 * Streaming XML over saxes for package parts: the inflater's chunks are decoded with a
 * streaming TextDecoder and fed to the parser, so no part is ever one big string.
 *
 * API (stable; only additions):
 * - `parsePart(zip, entry, limit, handler)` — streams one zip entry through `handler`
 *   (`open(tag)`, `close(tag)`, `text(text)`). Elements are matched by local name and
 *   namespace URI, never by prefix: `<x:worksheet xmlns:x="…main">` and `<worksheet>` are
 *   the same. A handler may throw `STOP` to end parsing early (not an error).
 *   Throws XlsxError: `xlsx.badXml`, `xlsx.doctype` (any DOCTYPE is refused: no DTD, no
 *   entity expansion, no external fetch — billion laughs and XXE stay harmless), and the
 *   inflater's size/ratio errors.
 * - `parseText(xml, part, handler)` — the same over a string (tests, tiny parts).
 * - `attr(tag, local)` — an attribute without namespace (`r="A1"`);
 *   `attrNs(tag, local, isNs)` — a namespaced attribute (`r:id`) by local name and URI test.
 * - Namespace tests: `isMainNs` (SpreadsheetML, transitional or strict), `isRelNs`
 *   (officeDocument relationships, transitional or strict), `isPackageRelNs`,
 *   `isContentTypesNs`.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { XlsxError } from './errors';
import { inflateEntry, type ZipArchive, type ZipEntry } from './zip';

export type XmlTag = SaxesTagNS;

export interface XmlHandler {
  open?(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  text?(text: string): void;
}

/** Thrown by a handler to end parsing early; parsePart returns normally. */
export const STOP: unique symbol = Symbol('stop parsing');

/** Decoded text handed to the parser at a time (inflater chunks can be far larger). */
const SLICE = 1 << 20;

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const MAIN_NS_STRICT = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_NS_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';

export const isMainNs = (uri: string): boolean => uri === MAIN_NS || uri === MAIN_NS_STRICT;
export const isRelNs = (uri: string): boolean => uri === REL_NS || uri === REL_NS_STRICT;
export const isPackageRelNs = (uri: string): boolean => uri === PACKAGE_REL_NS;
export const isContentTypesNs = (uri: string): boolean => uri === CONTENT_TYPES_NS;

/**
 * An attribute in no namespace, by local name. Cost: O(attributes).
 * @example attr(tag, 'r') // => 'A1'
 */
export function attr(tag: XmlTag, local: string): string | undefined {
  const direct = tag.attributes[local];
  if (direct && direct.uri === '') return direct.value;
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && a.uri === '') return a.value;
  }
  return undefined;
}

/** A namespaced attribute by local name and a test on its namespace URI. Cost: O(attributes). */
export function attrNs(tag: XmlTag, local: string, isNs: (uri: string) => boolean): string | undefined {
  for (const key in tag.attributes) {
    const a = tag.attributes[key];
    if (a.local === local && isNs(a.uri)) return a.value;
  }
  return undefined;
}

interface Feeder {
  write(text: string): void;
  close(): void;
}

function makeParser(part: string, handler: XmlHandler): Feeder {
  const parser = new SaxesParser({ xmlns: true, position: false });
  let failure: unknown = null;
  parser.on('doctype', () => {
    throw new XlsxError({ code: 'xlsx.doctype', params: { part } });
  });
  parser.on('error', (err) => {
    failure ??= new XlsxError({ code: 'xlsx.badXml', params: { part, detail: err.message.slice(0, 200) } });
    throw failure;
  });
  if (handler.open) parser.on('opentag', handler.open);
  if (handler.close) parser.on('closetag', handler.close);
  if (handler.text) parser.on('text', handler.text);
  if (handler.text) parser.on('cdata', handler.text);
  return {
    write: (text) => {
      parser.write(text);
    },
    close: () => {
      parser.close();
    },
  };
}

function run(part: string, handler: XmlHandler, feed: (write: (text: string) => void) => void): void {
  const parser = makeParser(part, handler);
  try {
    feed(parser.write);
    parser.close();
  } catch (err) {
    if (err === STOP) return;
    throw err;
  }
}

/**
 * Streams a zip entry through saxes. Cost: O(uncompressed bytes); memory O(largest chunk).
 * Throws XlsxError (see the file comment).
 */
export function parsePart(zip: ZipArchive, entry: ZipEntry, limit: number, handler: XmlHandler): void {
  const decoder = new TextDecoder('utf-8');
  run(entry.name, handler, (write) => {
    inflateEntry(zip, entry, limit, (chunk) => {
      for (let o = 0; o < chunk.length; o += SLICE) {
        write(decoder.decode(chunk.subarray(o, Math.min(chunk.length, o + SLICE)), { stream: true }));
      }
    });
    write(decoder.decode());
  });
}

/** Parses XML text already in memory (tests and tiny parts). Throws like parsePart. */
export function parseText(xml: string, part: string, handler: XmlHandler): void {
  run(part, handler, (write) => write(xml));
}
