/**
 * Packs a folder into a .zip whose single top-level entry is the folder itself, so that
 * unpacking gives `kaohe-<version>/…` ready to copy onto the server.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import { listFiles } from './files';

/**
 * Writes `zipPath` from `folder` (DEFLATE, fixed dates so equal input gives equal entries).
 * Cost: reads and compresses every file; a few seconds for the bundled Office.js copy.
 * @example await zipFolder('pkg/kaohe-1.0.1.0', 'pkg/kaohe-1.0.1.0.zip')
 */
export async function zipFolder(folder: string, zipPath: string): Promise<void> {
  const zip = new JSZip();
  const top = basename(folder);
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const path of listFiles(folder)) {
    zip.file(`${top}/${path}`, readFileSync(join(folder, ...path.split('/'))), { date });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  writeFileSync(zipPath, bytes);
}
