/**
 * Small, additive edits to the package parts that list other parts: relationships
 * (`*.rels`) and `[Content_Types].xml`. Each edit removes or inserts whole elements and
 * leaves every other byte of the part as it was. Any namespace prefix is accepted.
 */
import { NS, xmlAttr } from './xmlText';

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** Where the element starts and ends in the part. */
  start: number;
  end: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and character references. Cost: O(length).
 * @example decodeXml('a&amp;b&#x41;') // => 'a&bA'
 */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

/**
 * The attributes of one start tag by local name (a prefixed `r:id` is `r:id`; `id` is `id`).
 * @example attributes('<sheet name="a&amp;b" sheetId="1"/>').name // => 'a&b'
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w.:-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag)) !== null) out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Every element `<p:local …/>` or `<p:local …>…</p:local>` with its span. */
export function elements(xml: string, local: string): { tag: string; start: number; end: number; prefix: string }[] {
  const out: { tag: string; start: number; end: number; prefix: string }[] = [];
  const re = new RegExp(`<([\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const prefix = m[1] ?? '';
    const tag = m[0];
    let end = m.index + tag.length;
    if (!tag.endsWith('/>')) {
      const close = `</${prefix}${local}>`;
      const at = xml.indexOf(close, end);
      if (at >= 0) end = at + close.length;
    }
    out.push({ tag, start: m.index, end, prefix });
    re.lastIndex = end;
  }
  return out;
}

/**
 * The relationships of a `.rels` part. Cost: O(part size).
 */
export function parseRels(xml: string): Relationship[] {
  return elements(xml, 'Relationship').map(({ tag, start, end }) => {
    const a = attributes(tag);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: (a.TargetMode ?? '') === 'External', start, end };
  });
}

/** Removes elements by span (spans must not overlap). */
export function cut(xml: string, spans: { start: number; end: number }[]): string {
  let out = xml;
  for (const span of [...spans].sort((a, b) => b.start - a.start)) out = out.slice(0, span.start) + out.slice(span.end);
  return out;
}

/** Inserts `inner` (unprefixed markup, given the part's prefix) before the root's closing tag. */
export function insertBeforeClose(xml: string, root: string, inner: string): string {
  const re = new RegExp(`</([\\w.-]+:)?${root}\\s*>`, 'g');
  let last: RegExpExecArray | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) last = m;
  if (!last) {
    // A self-closed root: `<Relationships …/>`.
    const open = new RegExp(`<([\\w.-]+:)?${root}(\\s[^>]*)?/>`).exec(xml);
    if (!open) throw new Error(`no <${root}> in part`);
    const prefix = open[1] ?? '';
    return `${xml.slice(0, open.index)}${open[0].slice(0, -2)}>${withPrefix(inner, prefix)}</${prefix}${root}>${xml.slice(open.index + open[0].length)}`;
  }
  const prefix = last[1] ?? '';
  return xml.slice(0, last.index) + withPrefix(inner, prefix) + xml.slice(last.index);
}

/** Puts `prefix` on every element of unprefixed markup. */
export function withPrefix(markup: string, prefix: string): string {
  return prefix === '' ? markup : markup.replace(/<(\/?)(?![\w.-]+:)([A-Za-z])/g, `<$1${prefix}$2`);
}

/** A relative target from `source` to `part` (both package paths). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A relationship element. */
export function relXml(id: string, type: string, target: string): string {
  return `<Relationship Id="${xmlAttr(id)}" Type="${xmlAttr(type)}" Target="${xmlAttr(target)}"/>`;
}

/** A new relationships part. */
export function relsPart(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`;
}

/**
 * Fresh relationship ids: `rId{n}` above every numbered id already in use.
 * @example freshIds(['rId1', 'rId7', 'x'], 2) // => ['rId8', 'rId9']
 */
export function freshIds(taken: string[], count: number): string[] {
  let max = 0;
  for (const id of taken) {
    const m = /^rId(\d+)$/i.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  const used = new Set(taken.map((id) => id.toLowerCase()));
  const out: string[] = [];
  for (let n = max + 1; out.length < count; n++) if (!used.has(`rid${n}`)) out.push(`rId${n}`);
  return out;
}

/**
 * `[Content_Types].xml` with the overrides of `removed` parts dropped, overrides for
 * `added` parts inserted, and a Default for each extension in `defaults` not yet listed.
 * Cost: O(part size).
 */
export function editContentTypes(
  xml: string,
  edit: { removed: string[]; added: { part: string; type: string }[]; defaults: { extension: string; type: string }[] },
): string {
  const removed = new Set(edit.removed.map((p) => `/${p}`.toLowerCase()));
  const overrides = elements(xml, 'Override').filter(({ tag }) => removed.has((attributes(tag).PartName ?? '').toLowerCase()));
  let out = cut(xml, overrides);
  const known = new Set(elements(out, 'Default').map(({ tag }) => (attributes(tag).Extension ?? '').toLowerCase()));
  const inserts = [
    ...edit.defaults.filter((d) => !known.has(d.extension.toLowerCase())).map((d) => `<Default Extension="${xmlAttr(d.extension)}" ContentType="${xmlAttr(d.type)}"/>`),
    ...edit.added.map((a) => `<Override PartName="/${xmlAttr(a.part)}" ContentType="${xmlAttr(a.type)}"/>`),
  ];
  if (inserts.length > 0) out = insertBeforeClose(out, 'Types', inserts.join(''));
  return out;
}
