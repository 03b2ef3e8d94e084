/**
 * Calls `onTick` about `fps` times a second, also while the tab is hidden:
 * through a worker's timer, or a page timer when the worker cannot run.
 * Returns a function that stops it.
 */
export function startFrameTicker(fps: number, onTick: () => void): () => void {
  const interval = Math.round(1000 / fps);
  let fallback: ReturnType<typeof setInterval> | undefined;
  let worker: Worker | undefined;
  let stopped = false;
  const useTimer = () => {
    if (stopped) return;
    worker?.terminate();
    worker = undefined;
    fallback ??= setInterval(onTick, interval);
  };
  try {
    worker = new Worker(new URL('./ticker.worker.ts', import.meta.url), { type: 'module', name: 'agent-frame-ticker' });
    let ticked = false;
    worker.onmessage = () => {
      ticked = true;
      onTick();
    };
    worker.onerror = useTimer;
    worker.postMessage(interval);
    setTimeout(() => ticked || useTimer(), 1000);
  } catch {
    useTimer();
  }
  return () => {
    stopped = true;
    worker?.terminate();
    clearInterval(fallback);
  };
}
