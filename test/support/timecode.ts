// Decoder for the timecode burned into every fixture frame by
// demo/fixtures/make-fixtures.mjs (layout: demo/fixtures/lib/timecode.mjs, also
// published as pool.json's "timecode"). The value is the frame's pool frame number
// F = round(poolMediaTime * fps), so a test can tell exactly which frame is on screen.

export interface TimecodeLayout {
  /** Top-left of the block row, in native video pixels. */
  readonly x: number;
  readonly y: number;
  /** Blocks are square and aligned to the 16-px macroblock grid. */
  readonly blockSize: number;
  /** Leading sync blocks, 1 = white, 0 = black. */
  readonly sync: readonly number[];
  /** Data blocks, most significant bit first. */
  readonly dataBits: number;
  /** Whether dataBits more blocks follow carrying the bitwise complement. */
  readonly complement: boolean;
}

export const TIMECODE_LAYOUT: TimecodeLayout = {
  x: 0,
  y: 0,
  blockSize: 16,
  sync: [1, 0, 1, 0],
  dataBits: 16,
  complement: true,
};

const blockCount = (l: TimecodeLayout): number => l.sync.length + l.dataBits * (l.complement ? 2 : 1);

/** Pixel area the decoder needs, measured from the frame's top-left corner. */
export const timecodeRegion = (l: TimecodeLayout = TIMECODE_LAYOUT): { width: number; height: number } => ({
  width: l.x + blockCount(l) * l.blockSize,
  height: l.y + l.blockSize,
});

/**
 * Decode F from pixels whose (0,0) is the video frame's top-left, at native size.
 * Returns null unless every block is clearly black or white and sync and complement
 * bits agree: a scaled, blended or missing frame must not yield a plausible number.
 */
export function decodeTimecodeFromImageData(data: ImageData, layout: TimecodeLayout = TIMECODE_LAYOUT): number | null {
  const { width, height } = timecodeRegion(layout);
  if (data.width < width || data.height < height) return null;
  const px = data.data;
  const half = layout.blockSize / 4; // sample the inner half: edges may be deblocked
  const bits: number[] = [];
  for (let i = 0; i < blockCount(layout); i++) {
    const cx = layout.x + i * layout.blockSize + layout.blockSize / 2;
    const cy = layout.y + layout.blockSize / 2;
    let sum = 0;
    for (let y = cy - half; y < cy + half; y++) {
      for (let x = cx - half; x < cx + half; x++) {
        const o = (y * data.width + x) * 4;
        sum += 0.299 * (px[o] ?? 0) + 0.587 * (px[o + 1] ?? 0) + 0.114 * (px[o + 2] ?? 0);
      }
    }
    const luma = sum / (4 * half * half);
    // Encoded blocks decode to ~0 or ~255; anything mid-grey is not our pattern.
    if (luma > 64 && luma < 192) return null;
    bits.push(luma >= 128 ? 1 : 0);
  }
  if (layout.sync.some((b, i) => bits[i] !== b)) return null;
  let value = 0;
  for (let i = 0; i < layout.dataBits; i++) {
    const bit = bits[layout.sync.length + i] ?? 0;
    if (layout.complement && bits[layout.sync.length + layout.dataBits + i] === bit) return null;
    value = value * 2 + bit;
  }
  return value;
}

let canvas: OffscreenCanvas | HTMLCanvasElement | null = null;

/**
 * Decode the frame the video element currently presents. Draws at native resolution
 * (videoWidth x videoHeight), independent of the element's CSS size, because any
 * scaling would blur block edges and move block centres.
 */
export function decodeTimecodeFromVideo(video: HTMLVideoElement, layout: TimecodeLayout = TIMECODE_LAYOUT): number | null {
  const w = video.videoWidth, h = video.videoHeight;
  if (!w || !h || video.readyState < 2 /* HAVE_CURRENT_DATA */) return null;
  canvas ??= typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(w, h) : document.createElement('canvas');
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
    | OffscreenCanvasRenderingContext2D
    | CanvasRenderingContext2D
    | null;
  if (!ctx) return null;
  ctx.drawImage(video, 0, 0, w, h);
  const region = timecodeRegion(layout);
  return decodeTimecodeFromImageData(ctx.getImageData(0, 0, Math.min(w, region.width), Math.min(h, region.height)), layout);
}
