/**
 * A minimal OLE compound file (the container of .xls and of encrypted .xlsx): a header,
 * one FAT sector, one directory sector listing the given stream names, and the stream data
 * in the following sectors (sizes recorded; no mini stream, so streams are ≥ 4 KiB or the
 * reader simply trusts the directory). Enough for file-type detection.
 */
export function buildOle(names: string[], payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const dataSectors = Math.ceil(payload.length / 512);
  const b = new Uint8Array(512 * (3 + dataSectors));
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const dv = new DataView(b.buffer);
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory in sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  dv.setUint32(0x4c, 0, true); // FAT in sector 0
  for (let i = 1; i < 109; i++) dv.setUint32(0x4c + i * 4, 0xffffffff, true);
  const fat = 512;
  dv.setUint32(fat, 0xfffffffd, true); // sector 0: FAT
  dv.setUint32(fat + 4, 0xfffffffe, true); // sector 1: directory, end of chain
  for (let s = 0; s < dataSectors; s++) dv.setUint32(fat + (2 + s) * 4, s + 1 < dataSectors ? 3 + s : 0xfffffffe, true);
  for (let s = 2 + dataSectors; s < 128; s++) dv.setUint32(fat + s * 4, 0xffffffff, true);
  ['Root Entry', ...names].forEach((name, i) => {
    const at = 1024 + i * 128;
    for (let c = 0; c < name.length; c++) dv.setUint16(at + c * 2, name.charCodeAt(c), true);
    dv.setUint16(at + 0x40, (name.length + 1) * 2, true);
    b[at + 0x42] = i === 0 ? 5 : 2; // root storage, then streams
    dv.setUint32(at + 0x44, 0xffffffff, true); // left sibling
    dv.setUint32(at + 0x48, i > 0 && i < names.length ? i + 1 : 0xffffffff, true); // right sibling
    dv.setUint32(at + 0x4c, i === 0 && names.length > 0 ? 1 : 0xffffffff, true); // child
    if (i === names.length && payload.length) {
      dv.setUint32(at + 0x74, 2, true);
      dv.setUint32(at + 0x78, payload.length, true);
    }
  });
  b.set(payload, 512 * 3);
  return b;
}
