import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseHeader } from '../format/header.js';
import { decryptSegment, unlock } from '../recording.js';
import { findMissingSegments, parseSealedPlaylist } from '../playlist/sealed-playlist-reader.js';
import { plainPlaylist, type SealedPlaylistEntry } from '../playlist/sealed-playlist.js';
import { CliError } from './cli-error.js';
import type { FolderSummary } from './encrypt-folder.js';
import { findPlaylist, listedFile, prepareOutputFolder, requireFolder } from './folders.js';

export interface DecryptFolderOptions {
  inDir: string;
  outDir: string;
  passphrase: string;
  playlist?: string;
}

/** The reverse of encryptFolder: init.mp4, seg-<index>.m4s and a plain recording.m3u8 with the same instants. */
export async function decryptFolder(o: DecryptFolderOptions): Promise<FolderSummary> {
  const inDir = await requireFolder(o.inDir, 'input');
  const header = await readHeaderFile(inDir);
  const playlistPath = await findPlaylist(inDir, o.playlist, 'recording.m3u8');
  const playlist = parseSealedPlaylist(await readFile(playlistPath, 'utf8'));
  const gap = findMissingSegments(playlist.segments)[0];
  if (gap) throw gap;
  const initPath = await listedFile(playlistPath, playlist.initUri);
  const segmentPaths: string[] = [];
  for (const entry of playlist.segments) segmentPaths.push(await listedFile(playlistPath, entry.uri));

  const key = await unlock(header, { passphrase: o.passphrase });
  const outDir = await prepareOutputFolder(o.outDir);
  const init = await decryptSegment(key, await readFile(initPath), { kind: 'init', index: playlist.initIndex, start: 0 });
  await writeFile(join(outDir, 'init.mp4'), init);
  let bytes = init.length;
  const entries: SealedPlaylistEntry[] = [];
  for (const [i, path] of segmentPaths.entries()) {
    const { index, start, durationMs } = playlist.segments[i]!;
    const plain = await decryptSegment(key, await readFile(path), { kind: 'media', index, start });
    const uri = `seg-${index}.m4s`;
    await writeFile(join(outDir, uri), plain);
    bytes += plain.length;
    entries.push({ uri, index, start, durationMs });
  }
  await writeFile(join(outDir, 'recording.m3u8'), plainPlaylist({ initUri: 'init.mp4', initIndex: playlist.initIndex, segments: entries }));
  return { recordingId: header.recordingId, segments: entries.length, bytes, durationMs: entries.reduce((sum, e) => sum + e.durationMs, 0) };
}

async function readHeaderFile(dir: string) {
  const bin = join(dir, 'header.bin');
  if ((await stat(bin).catch(() => undefined))?.isFile()) return parseHeader(await readFile(bin));
  const b64 = join(dir, 'header.b64');
  if ((await stat(b64).catch(() => undefined))?.isFile()) return parseHeader(await readFile(b64, 'utf8'));
  throw new CliError(`no header.bin or header.b64 in ${dir}: not a sealed recording folder (${basename(dir)})`);
}
