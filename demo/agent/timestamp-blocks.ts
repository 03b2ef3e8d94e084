/**
 * A machine-readable wall-clock timestamp burned into every frame of the
 * simulated desktop, for the live-view latency bench: a viewer reads it back
 * from a decoded frame and compares it with its own `Date.now()`.
 *
 * Layout, in desktop pixels (the 1280×720 frame), from the frame's top-left corner:
 *
 *     x = 0      12     24     36                                  600
 *     ┌──────┬──────┬──────┬──────┬─ … ─┬──────┐  y = 0
 *     │ sync │ sync │ bit  │ bit  │     │ bit  │
 *     │  1   │  0   │  47  │  46  │     │  0   │
 *     └──────┴──────┴──────┴──────┴─ … ─┴──────┘  y = 12
 *
 * - 50 square blocks of 12×12 px in one row at (0, 0): 600×12 px in all.
 * - Blocks 0–1 are the sync pattern: white, black.
 * - Blocks 2–49 carry `Date.now()` (epoch ms, integer) as a 48-bit unsigned
 *   binary number, most significant bit first (block 2 = bit 47, block 49 = bit 0).
 * - White (#ffffff) = 1, black (#000000) = 0.
 *
 * The value is the instant the frame was drawn, the same number the agent sends
 * as `capturedAt` in the frame's binary header (live-protocol.ts).
 */

export const TIMESTAMP_BLOCK_SIZE = 12;
/** Leading sync blocks, 1 = white, 0 = black. */
export const TIMESTAMP_SYNC: readonly number[] = [1, 0];
export const TIMESTAMP_BITS = 48;
export const TIMESTAMP_BLOCK_COUNT = TIMESTAMP_SYNC.length + TIMESTAMP_BITS;
/** The pixel area the blocks cover, from the frame's top-left corner, in desktop pixels. */
export const TIMESTAMP_REGION = { x: 0, y: 0, width: TIMESTAMP_BLOCK_COUNT * TIMESTAMP_BLOCK_SIZE, height: TIMESTAMP_BLOCK_SIZE } as const;

/** The block values (1/0) for `ms`, sync blocks included. */
export function timestampBits(ms: number): number[] {
  let v = Math.max(0, Math.floor(ms));
  const data: number[] = new Array<number>(TIMESTAMP_BITS);
  // Not with bitwise operators: they truncate to 32 bits.
  for (let i = TIMESTAMP_BITS - 1; i >= 0; i--) {
    data[i] = v % 2;
    v = Math.floor(v / 2);
  }
  return [...TIMESTAMP_SYNC, ...data];
}

/** Draws the block row for `ms` at the top-left of a desktop-sized 2D context. */
export function drawTimestampBlocks(ctx: CanvasRenderingContext2D, ms: number): void {
  const bits = timestampBits(ms);
  const s = TIMESTAMP_BLOCK_SIZE;
  ctx.fillStyle = '#000000';
  ctx.fillRect(TIMESTAMP_REGION.x, TIMESTAMP_REGION.y, TIMESTAMP_REGION.width, TIMESTAMP_REGION.height);
  ctx.fillStyle = '#ffffff';
  for (let i = 0; i < bits.length; i++) {
    if (bits[i] === 1) ctx.fillRect(TIMESTAMP_REGION.x + i * s, TIMESTAMP_REGION.y, s, s);
  }
}

/** What `decodeTimestampBlocks` reads: an `ImageData` or anything shaped like one. */
export interface PixelsLike {
  readonly data: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/**
 * Reads the timestamp (epoch ms) back from pixels whose (0, 0) is the frame's
 * top-left corner. `scale` is image pixels per desktop pixel (1 for a frame at
 * its native 1280×720, 0.5 for one drawn at 640×360).
 *
 * Samples the inner half of each block (edges blur under compression and
 * scaling). Returns null unless every block is clearly black or white and the
 * sync blocks match, so a frame without the pattern never yields a number.
 */
export function decodeTimestampBlocks(imageData: PixelsLike, scale = 1): number | null {
  const block = TIMESTAMP_BLOCK_SIZE * scale;
  if (!(block >= 2)) return null;
  if (imageData.width < Math.ceil(TIMESTAMP_REGION.width * scale) || imageData.height < Math.ceil(TIMESTAMP_REGION.height * scale)) return null;
  const px = imageData.data;
  const half = Math.max(1, Math.floor(block / 4));
  const cy = Math.floor((TIMESTAMP_REGION.y + TIMESTAMP_BLOCK_SIZE / 2) * scale);
  let value = 0;
  for (let i = 0; i < TIMESTAMP_BLOCK_COUNT; i++) {
    const cx = Math.floor((TIMESTAMP_REGION.x + (i + 0.5) * TIMESTAMP_BLOCK_SIZE) * scale);
    let sum = 0;
    let n = 0;
    for (let y = cy - half; y < cy + half; y++) {
      for (let x = cx - half; x < cx + half; x++) {
        const o = (y * imageData.width + x) * 4;
        sum += 0.299 * (px[o] ?? 0) + 0.587 * (px[o + 1] ?? 0) + 0.114 * (px[o + 2] ?? 0);
        n++;
      }
    }
    const luma = sum / n;
    // The blocks are pure black or white; mid-grey is not our pattern.
    if (luma > 64 && luma < 192) return null;
    const bit = luma >= 128 ? 1 : 0;
    if (i < TIMESTAMP_SYNC.length) {
      if (bit !== TIMESTAMP_SYNC[i]) return null;
    } else {
      value = value * 2 + bit;
    }
  }
  return value;
}
