/**
 * Decodes the first keyframe (in decode order) of a media file held in
 * memory — for fMP4 the init segment followed by one media segment, or one
 * MPEG-TS segment — to an `ImageBitmap` `width` pixels wide, keeping the
 * display aspect ratio.
 *
 * mediabunny is imported here, on first use, so it stays out of the
 * player's main bundle; naming what is used lets bundlers drop the rest.
 *
 * Resolves null when the bytes have no decodable video. Aborting `signal`
 * disposes the input, which cancels reading and closes the decoder.
 */
export async function decodeFirstKeyframe(
  bytes: Uint8Array,
  width: number,
  signal: AbortSignal,
): Promise<ImageBitmap | null> {
  const { BufferSource, CanvasSink, EncodedPacketSink, Input, MP4, MPEG_TS } = await import('mediabunny');
  signal.throwIfAborted();
  const input = new Input({ source: new BufferSource(bytes), formats: [MP4, MPEG_TS] });
  const dispose = (): void => input.dispose();
  signal.addEventListener('abort', dispose);
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track || !(await track.canDecode())) return null;
    const key = await new EncodedPacketSink(track).getFirstKeyPacket({ metadataOnly: true });
    if (!key) return null;
    // Asking for the keyframe's own timestamp makes the sink decode that one
    // packet only. CanvasSink applies rotation and pixel aspect, downscales
    // with mipmapping and closes the VideoSample it draws.
    const frame = await new CanvasSink(track, { width }).getCanvas(key.timestamp);
    signal.throwIfAborted();
    if (!frame) return null;
    const bitmap = await createImageBitmap(frame.canvas);
    frame.canvas.width = 0; // release the canvas backing store now rather than at GC
    return bitmap;
  } finally {
    signal.removeEventListener('abort', dispose);
    input.dispose();
  }
}
