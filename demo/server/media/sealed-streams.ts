import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
// The demo server runs from TypeScript sources without a build step, so it
// imports the package's sources; a host backend imports '@session-player/e2ee'.
import {
  createRecording,
  E2eeError,
  headerToBase64,
  parseHeader,
  sealSegment,
  unlock,
} from '../../../packages/e2ee/src/index.js';
import type { IndexedPool } from './media-pool.js';
import { segmentsOfRecording, type PlacedSegment, type RecordingMedia } from './media-timeline.js';

/** The passphrase of the demo's sealed streams when `DEMO_PASSPHRASE` is not set (see README). */
export const DEMO_PASSPHRASE = 'correct horse battery staple';

/** What the API needs to serve one end-to-end encrypted stream. */
export interface SealedStream {
  /** The recording header, base64 (`SessionInfo.encryption`). */
  header: string;
  /** URL path of the stream's sealed files, with a trailing slash. */
  mediaBase: string;
  /** Index of each recording's first segment in the stream's one index space. */
  firstIndex: ReadonlyMap<string, number>;
}

export interface SealOptions {
  streams: readonly { userId: string; computerId: string }[];
  /** Every recording of a stream, oldest first. */
  recordingsOf: (userId: string, computerId: string) => Promise<RecordingMedia[]>;
  pool: IndexedPool;
  poolDir: string;
  /** Folder the sealed files are written to. */
  sealedDir: string;
  /** URL path `sealedDir` is served under, with a trailing slash. */
  urlBase: string;
  passphrase: string;
  /** PBKDF2 iterations of new headers (the format's minimum by default). */
  iterations?: number;
}

const streamKey = (userId: string, computerId: string) => `${userId}/${computerId}`;

/**
 * Seals the demo's encrypted streams from the media pool, the way a
 * recording agent would: one data key per stream, every init and media
 * segment sealed into an immutable file. Files from an earlier start are
 * reused while the recordings and the passphrase are unchanged. Afterwards
 * the backend keeps only ciphertext and headers, never a key.
 */
export async function sealStreams(opts: SealOptions): Promise<Map<string, SealedStream>> {
  const poolFiles = new Map<string, Uint8Array>();
  const poolFile = async (name: string) => {
    let bytes = poolFiles.get(name);
    if (!bytes) {
      bytes = new Uint8Array(await readFile(join(opts.poolDir, name)));
      poolFiles.set(name, bytes);
    }
    return bytes;
  };

  const out = new Map<string, SealedStream>();
  for (const { userId, computerId } of opts.streams) {
    const recordings = await opts.recordingsOf(userId, computerId);
    const firstIndex = new Map<string, number>();
    let next = 0;
    for (const r of recordings) {
      firstIndex.set(r.id, next);
      next += r.segmentCount;
    }
    const fingerprint = await sha256Hex(
      JSON.stringify({ format: 1, pool: opts.pool.fingerprint, recordings: recordings.map((r) => [r.id, r.start, r.poolOffset, r.segmentCount]) }),
    );
    const streamDir = join(opts.sealedDir, userId, computerId);
    const dir = join(streamDir, fingerprint);
    let header = await reusableHeader(dir, opts.passphrase);
    if (!header) {
      header = await sealStream(opts, userId, computerId, recordings, firstIndex, dir, poolFile);
    }
    // Older seals of this stream are no longer served.
    for (const name of await readdir(streamDir)) {
      if (name !== fingerprint) await rm(join(streamDir, name), { recursive: true, force: true });
    }
    out.set(streamKey(userId, computerId), {
      header,
      mediaBase: `${opts.urlBase}${userId}/${computerId}/${fingerprint}/`,
      firstIndex,
    });
  }
  return out;
}

/** The header of a complete earlier seal that the passphrase still opens, else null. */
async function reusableHeader(dir: string, passphrase: string): Promise<string | null> {
  let text: string;
  try {
    text = (await readFile(join(dir, 'header.b64'), 'utf8')).trim();
  } catch {
    return null;
  }
  try {
    await unlock(parseHeader(text), { passphrase });
    return text;
  } catch (error) {
    if (error instanceof E2eeError) return null;
    throw error;
  }
}

async function sealStream(
  opts: SealOptions,
  userId: string,
  computerId: string,
  recordings: readonly RecordingMedia[],
  firstIndex: ReadonlyMap<string, number>,
  dir: string,
  poolFile: (name: string) => Promise<Uint8Array>,
): Promise<string> {
  const { header, key } = await createRecording({
    recordingId: streamKey(userId, computerId),
    secret: { passphrase: opts.passphrase },
    ...(opts.iterations ? { iterations: opts.iterations } : {}),
  });
  // Written next to the final folder and renamed into place, so a crash
  // never leaves a half-sealed stream that looks complete.
  const work = `${dir}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(
    join(work, 'init-0.sps'),
    await sealSegment(key, { kind: 'init', index: 0, start: 0, data: await poolFile(opts.pool.init) }),
  );
  for (const rec of recordings) {
    for (const seg of segmentsOfRecording(opts.pool, rec, -Infinity, Infinity)) {
      const index = segmentIndex(firstIndex, seg);
      const sealed = await sealSegment(key, { kind: 'media', index, start: seg.start, data: await poolFile(seg.file) });
      await writeFile(join(work, sealedSegmentFile(index)), sealed);
    }
  }
  const base64 = headerToBase64(header);
  await writeFile(join(work, 'header.b64'), `${base64}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(work, dir);
  return base64;
}

/** The segment's index in its stream's index space. */
export function segmentIndex(firstIndex: ReadonlyMap<string, number>, seg: PlacedSegment): number {
  const first = firstIndex.get(seg.recordingId);
  if (first === undefined) throw new Error(`recording ${seg.recordingId} was not sealed`);
  return first + seg.ordinal;
}

export const sealedSegmentFile = (index: number) => `seg-${index}.sps`;
export const SEALED_INIT_FILE = 'init-0.sps';

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex').slice(0, 16);
}
