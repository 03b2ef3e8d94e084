/** Frame boundaries for page-side timings in the bench pages. */

export const nextAnimationFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

// A message posted during a frame is delivered as a task after that frame has rendered.
const channel = new MessageChannel();
const pendingAfterFrame: (() => void)[] = [];
channel.port1.onmessage = () => pendingAfterFrame.shift()?.();

/** Resolves in the first task after the current frame has been rendered. */
export const afterFrame = () =>
  new Promise<void>((resolve) => {
    pendingAfterFrame.push(resolve);
    channel.port2.postMessage(null);
  });
