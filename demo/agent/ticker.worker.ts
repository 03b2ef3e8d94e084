/**
 * A dedicated worker that posts a tick every `interval` ms (the number each
 * message sets; 0 stops). Timers in a worker keep their rate while the agent's
 * tab is hidden, where the page's own timers are throttled to once a second
 * and requestAnimationFrame stops.
 */
let timer: ReturnType<typeof setInterval> | undefined;

self.onmessage = (e: MessageEvent<number>) => {
  clearInterval(timer);
  if (e.data > 0) timer = setInterval(() => self.postMessage(0), e.data);
};
