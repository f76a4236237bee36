/**
 * Test support for the package writer: a zip read independently of the product's reader
 * (fflate for the contents; the central directory walked by hand for the stored bytes),
 * so a writer bug cannot hide behind a reader bug.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { PackageSource } from '../../../src/io/xlsx/writePackage';
import type { StoredEntry } from '../../../src/io/xlsx/zipWrite';

/** Every entry as stored: central record and local record (header + data + descriptor). */
export function storedEntries(bytes: Uint8Array): Map<string, StoredEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = bytes.length - 22;
  while (eocd >= 0 && view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const out = new Map<string, StoredEntry>();
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const central = bytes.subarray(at, at + 46 + nameLength + extraLength + commentLength);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const flags = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 20, true);
    const offset = view.getUint32(at + 42, true);
    const localName = view.getUint16(offset + 26, true);
    const localExtra = view.getUint16(offset + 28, true);
    let end = offset + 30 + localName + localExtra + compressed;
    if (flags & 8) end += view.getUint32(end, true) === 0x08074b50 ? 16 : 12;
    out.set(name, { name, central, local: bytes.subarray(offset, end) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** A PackageSource over .xlsx bytes. */
export function bytesSource(bytes: Uint8Array): PackageSource {
  const stored = storedEntries(bytes);
  const files = unzipSync(bytes);
  return {
    names: () => [...stored.keys()],
    text: (name) => (files[name] ? strFromU8(files[name]) : null),
    copyTo: (name, zip) => {
      const entry = stored.get(name);
      if (!entry) throw new Error(`no entry ${name}`);
      zip.copy(entry);
    },
  };
}

/** The text of every entry. */
export function partsOf(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}
