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
import { SaxesParser, type SaxesTag } from 'saxes';
import { XlsxError } from './errors';
import { inflateEntry, type ZipArchive, type ZipEntry } from './zip';

/** Prefix → namespace URI in scope ('' = the default namespace). */
export type NsScope = Record<string, string>;

/**
 * An element as handlers see it. saxes runs without its namespace mode (which costs about
 * half the parse time); this layer resolves prefixes itself, only where `xmlns` appears.
 */
export interface XmlTag {
  /** Qualified name as written (`x:c`). */
  name: string;
  /** Local name (`c`). */
  local: string;
  /** Namespace URI ('' for none). */
  uri: string;
  /** Attributes by qualified name, as written. */
  attributes: Record<string, string>;
  /** The namespace scope of the element. */
  ns: NsScope;
  isSelfClosing: boolean;
}

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
 * An attribute in no namespace, by local name (unprefixed attributes have no namespace).
 * Cost: O(1).
 * @example attr(tag, 'r') // => 'A1'
 */
export function attr(tag: XmlTag, local: string): string | undefined {
  return tag.attributes[local];
}

/** A namespaced attribute (`r:id`) by local name and a test on its namespace URI. Cost: O(attributes). */
export function attrNs(tag: XmlTag, local: string, isNs: (uri: string) => boolean): string | undefined {
  for (const key in tag.attributes) {
    const colon = key.indexOf(':');
    if (colon < 0 || key.slice(colon + 1) !== local) continue;
    const uri = tag.ns[key.slice(0, colon)];
    if (uri !== undefined && isNs(uri)) return tag.attributes[key];
  }
  return undefined;
}

/** Never written to: every declaring element gets a child scope. */
const ROOT_SCOPE: NsScope = Object.assign(Object.create(null) as NsScope, { '': '', xml: 'http://www.w3.org/XML/1998/namespace' });

/** Tags that opened a namespace scope, so closing them restores the parent's. */
const OWNS_SCOPE = Symbol('owns scope');

interface Feeder {
  write(text: string): void;
  close(): void;
}

function makeParser(part: string, handler: XmlHandler): Feeder {
  const parser = new SaxesParser({ position: false });
  let failure: unknown = null;
  let scope = ROOT_SCOPE;
  parser.on('doctype', () => {
    throw new XlsxError({ code: 'xlsx.doctype', params: { part } });
  });
  parser.on('error', (err) => {
    failure ??= new XlsxError({ code: 'xlsx.badXml', params: { part, detail: err.message.slice(0, 200) } });
    throw failure;
  });
  const open = handler.open;
  const close = handler.close;
  // Namespace declarations, seen attribute by attribute (saxes' attribute objects are
  // dictionaries: scanning every tag's attributes would cost more than the parse).
  let declared: string[] = [];
  parser.on('attribute', (a) => {
    const key = a.name;
    if (key.charCodeAt(0) === 120 && key.startsWith('xmlns') && (key.length === 5 || key.charCodeAt(5) === 58)) {
      declared.push(key.length === 5 ? '' : key.slice(6), a.value);
    }
  });
  parser.on('opentag', (raw: SaxesTag) => {
    const tag = raw as unknown as XmlTag & { [OWNS_SCOPE]?: NsScope };
    if (declared.length > 0) {
      tag[OWNS_SCOPE] = scope;
      scope = Object.create(scope) as NsScope;
      for (let i = 0; i < declared.length; i += 2) scope[declared[i]] = declared[i + 1];
      declared = [];
    }
    const name = tag.name;
    const colon = name.indexOf(':');
    if (colon < 0) {
      tag.local = name;
      tag.uri = scope[''];
    } else {
      tag.local = name.slice(colon + 1);
      const uri = scope[name.slice(0, colon)];
      if (uri === undefined) throw new XlsxError({ code: 'xlsx.badXml', params: { part, detail: `unbound prefix in <${name.slice(0, 40)}>` } });
      tag.uri = uri;
    }
    tag.ns = scope;
    if (open) open(tag);
  });
  parser.on('closetag', (raw: SaxesTag) => {
    const tag = raw as unknown as XmlTag & { [OWNS_SCOPE]?: NsScope };
    if (close) close(tag);
    const parent = tag[OWNS_SCOPE];
    if (parent) scope = parent;
  });
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
