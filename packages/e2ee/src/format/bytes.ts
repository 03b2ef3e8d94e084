/**
 * Byte helpers for the format: hex and base64 text forms, UTF-8, big-endian integers wider
 * than 32 bits. Plain functions without Node's Buffer so they run the same in browsers.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const TWO_32 = 0x1_0000_0000;

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
}

/** Lower- or upper-case hex, even length, nothing else (whitespace is not skipped). */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new SyntaxError('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_VALUE[B64.charCodeAt(i)] = i;

/** Standard base64 with padding (RFC 4648 §4). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + '==';
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + '=';
  }
  return out;
}

/**
 * Standard padded base64. Surrounding whitespace (a trailing newline in a `.b64` file) is
 * ignored; anything else that is not base64 throws a SyntaxError.
 */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = text.trim();
  if (s.length % 4 !== 0) throw new SyntaxError('base64 length is not a multiple of 4');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = s.charCodeAt(i + j);
      const isPad = c === 61 /* = */ && i + 4 === s.length && j >= 4 - pad;
      const v = isPad ? 0 : c < 128 ? B64_VALUE[c]! : -1;
      if (v < 0) throw new SyntaxError(`not base64 at character ${i + j + 1}`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = n >> 16;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/** Throws a TypeError on malformed UTF-8. */
export function fromUtf8(bytes: Uint8Array): string {
  return strictDecoder.decode(bytes);
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** An unsigned 64-bit integer; exact below 2^53 (larger values come back inexact, never equal to a safe integer). */
export function readU64(view: DataView, offset: number): number {
  return view.getUint32(offset) * TWO_32 + view.getUint32(offset + 4);
}

/** A signed 64-bit integer (two's complement); exact within ±2^53. */
export function readI64(view: DataView, offset: number): number {
  return view.getInt32(offset) * TWO_32 + view.getUint32(offset + 4);
}

/** `value` must be a safe integer ≥ 0; `highBit` sets bit 63 (the nonce's kind flag). */
export function writeU64(view: DataView, offset: number, value: number, topBits = 0): void {
  const high = Math.floor(value / TWO_32);
  view.setUint32(offset, (high | topBits) >>> 0);
  view.setUint32(offset + 4, value >>> 0);
}

/** `value` must be a safe integer. */
export function writeI64(view: DataView, offset: number, value: number): void {
  const high = Math.floor(value / TWO_32);
  view.setInt32(offset, high);
  view.setUint32(offset + 4, value - high * TWO_32);
}

/** The view as WebCrypto's `BufferSource`; copies only if it sits on a SharedArrayBuffer. */
export function bufferSource(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return view.buffer instanceof ArrayBuffer ? (view as Uint8Array<ArrayBuffer>) : new Uint8Array(view);
}

export function asBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  if (input instanceof Uint8Array) return input;
  // Also views from another realm (an iframe's Uint8Array), without copying.
  return ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : new Uint8Array(input);
}
