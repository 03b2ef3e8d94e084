import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { toBase64 } from '../format/bytes.js';
import { createRecording, sealSegment } from '../sealing.js';
import { parseMediaPlaylist, PlaylistSyntaxError, segmentTimes } from '../playlist/media-playlist.js';
import { sealedPlaylist, type SealedPlaylistEntry } from '../playlist/sealed-playlist.js';
import { CliError } from './cli-error.js';
import { findPlaylist, listedFile, prepareOutputFolder, requireFolder } from './folders.js';

export interface EncryptFolderOptions {
  inDir: string;
  outDir: string;
  passphrase: string;
  recordingId?: string;
  /** First segment's instant (epoch ms) when the playlist has no PROGRAM-DATE-TIME before it. */
  start?: number;
  firstIndex?: number;
  iterations?: number;
  playlist?: string;
}

export interface FolderSummary {
  recordingId: string;
  segments: number;
  bytes: number;
  durationMs: number;
}

/** Seals an fMP4 HLS folder: header.bin/.b64, init-<n>.sps, seg-<index>.sps and recording.m3u8. */
export async function encryptFolder(o: EncryptFolderOptions): Promise<FolderSummary> {
  const inDir = await requireFolder(o.inDir, 'input');
  const playlistPath = await findPlaylist(inDir, o.playlist);
  const playlist = parseMediaPlaylist(await readFile(playlistPath, 'utf8'));
  if (!playlist.map) throw new CliError(`${basename(playlistPath)} has no #EXT-X-MAP init segment; only fragmented MP4 playlists are supported`);
  if (playlist.entries.length === 0) throw new CliError(`${basename(playlistPath)} lists no segments`);
  if (o.start !== undefined && playlist.entries[0]!.programDateTime !== undefined) {
    throw new CliError(`${basename(playlistPath)} gives its own #EXT-X-PROGRAM-DATE-TIME; leave out --start`);
  }
  let times: { start: number; durationMs: number }[];
  try {
    times = segmentTimes(playlist.entries, o.start);
  } catch (e) {
    if (!(e instanceof PlaylistSyntaxError)) throw e;
    throw new CliError(`${basename(playlistPath)} has no #EXT-X-PROGRAM-DATE-TIME; give the first segment's start with --start (e.g. --start 2024-05-01T09:30:00Z)`);
  }
  const initPath = await listedFile(playlistPath, playlist.map.uri);
  const segmentPaths: string[] = [];
  for (const entry of playlist.entries) segmentPaths.push(await listedFile(playlistPath, entry.uri));

  const recordingId = o.recordingId ?? basename(inDir);
  const firstIndex = o.firstIndex ?? 0;
  const initIndex = playlist.map.initIndex ?? 0;
  const outDir = await prepareOutputFolder(o.outDir);
  const { header, key } = await createRecording({
    recordingId,
    secret: { passphrase: o.passphrase },
    ...(o.iterations === undefined ? {} : { iterations: o.iterations }),
  });
  await writeFile(join(outDir, 'header.bin'), header.bytes);
  await writeFile(join(outDir, 'header.b64'), toBase64(header.bytes) + '\n');

  let bytes = header.bytes.length;
  const initUri = `init-${initIndex}.sps`;
  const sealedInit = await sealSegment(key, { kind: 'init', index: initIndex, start: 0, data: await readFile(initPath) });
  await writeFile(join(outDir, initUri), sealedInit);
  bytes += sealedInit.length;

  const entries: SealedPlaylistEntry[] = [];
  for (const [i, path] of segmentPaths.entries()) {
    const index = firstIndex + i;
    const { start, durationMs } = times[i]!;
    const uri = `seg-${index}.sps`;
    const sealed = await sealSegment(key, { kind: 'media', index, start, data: await readFile(path) });
    await writeFile(join(outDir, uri), sealed);
    bytes += sealed.length;
    entries.push({ uri, index, start, durationMs });
  }
  await writeFile(join(outDir, 'recording.m3u8'), sealedPlaylist({ initUri, initIndex, segments: entries }));
  return { recordingId, segments: entries.length, bytes, durationMs: times.reduce((sum, t) => sum + t.durationMs, 0) };
}
