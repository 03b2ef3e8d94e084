import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The media pool: one continuous fMP4 encoding cut into short segments
 * (`demo/fixtures/pool/pool.json`). Every demo recording is played by walking
 * these segments, so all media is a set of immutable files any CDN can serve.
 */
export interface PoolSegment {
  file: string;
  /** Pool media time of the first frame, seconds. */
  start: number;
  /** Seconds. */
  duration: number;
}

export interface MediaPool {
  fps: number;
  width: number;
  height: number;
  codecs: string;
  init: string;
  totalDuration: number;
  segments: PoolSegment[];
}

/** A pool with lookup tables for walking it in wall-clock milliseconds. */
export interface IndexedPool extends MediaPool {
  /** `startMs[i]` = pool time of segment i in ms; `startMs[n]` = cycle length. */
  startMs: number[];
  durationMs: number[];
  cycleMs: number;
  maxDurationS: number;
  /** Changes whenever segment timing changes; recordings are timed against it. */
  fingerprint: string;
}

export class MediaPoolError extends Error {
  readonly code = 'media-pool-invalid';
}

function fail(message: string): never {
  throw new MediaPoolError(message);
}

/** Checks the pool description and builds the lookup tables. */
export function indexPool(raw: unknown): IndexedPool {
  if (typeof raw !== 'object' || raw === null) fail('pool.json is not an object');
  const pool = raw as Partial<MediaPool>;
  for (const key of ['fps', 'width', 'height', 'totalDuration'] as const) {
    if (typeof pool[key] !== 'number' || !(pool[key] > 0)) fail(`pool.json: ${key} must be a positive number`);
  }
  if (typeof pool.init !== 'string' || !pool.init) fail('pool.json: init must name the init segment');
  if (typeof pool.codecs !== 'string') fail('pool.json: codecs must be a string');
  if (!Array.isArray(pool.segments) || pool.segments.length === 0) fail('pool.json: segments must be a non-empty list');

  const startMs: number[] = [];
  const durationMs: number[] = [];
  let cursor = 0;
  pool.segments.forEach((s, i) => {
    if (typeof s?.file !== 'string' || !/^[\w.-]+$/.test(s.file)) fail(`pool.json: segment ${i} has a bad file name`);
    const ms = Math.round(s.duration * 1000);
    if (!(ms > 0)) fail(`pool.json: segment ${i} has no duration`);
    if (Math.round(s.start * 1000) !== cursor) {
      fail(`pool.json: segment ${i} starts at ${s.start}s but the previous one ends at ${cursor / 1000}s`);
    }
    startMs.push(cursor);
    durationMs.push(ms);
    cursor += ms;
  });
  if (cursor !== Math.round(pool.totalDuration! * 1000)) {
    fail(`pool.json: segments add up to ${cursor / 1000}s, totalDuration says ${pool.totalDuration}s`);
  }
  startMs.push(cursor);
  const p = pool as MediaPool;
  return {
    ...p,
    startMs,
    durationMs,
    cycleMs: cursor,
    maxDurationS: Math.max(...p.segments.map((s) => s.duration)),
    fingerprint: `${p.segments.length}:${durationMs.join(',')}`,
  };
}

export async function loadMediaPool(poolDir: string): Promise<IndexedPool> {
  const file = join(poolDir, 'pool.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new MediaPoolError(`media pool not found at ${file} (run \`npm run fixtures\`)`, { cause });
  }
  return indexPool(JSON.parse(text));
}
