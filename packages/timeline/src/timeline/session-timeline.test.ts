import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import { expect } from 'chai';
import { axeViolations } from '../../../../test/support/axe.js';
import '../index.js';
import type { MarkerSelectDetail, SeekRequestDetail, SessionTimeline, TimelineMarker, TimelinePreview, ViewChangeDetail } from '../index.js';

const DAY = Date.parse('2026-03-17T00:00:00Z');
const H = 3_600_000;
const MIN = 60_000;
const GREY = [0x9a, 0xa0, 0xa6];
const BLACK = [0, 0, 0];

/** A fragmented working day: long spans, short ones and short gaps. */
const SPANS = [
  { start: DAY + 8 * H, end: DAY + 12 * H },
  { start: DAY + 12 * H + 20 * MIN, end: DAY + 12 * H + 21 * MIN },
  { start: DAY + 13 * H, end: DAY + 15 * H },
  { start: DAY + 15 * H + 3 * MIN, end: DAY + 18 * H },
];

const MARKERS: TimelineMarker[] = [
  { id: 'n1', at: DAY + 9 * H, kind: 'notification', title: 'USB storage connected', severity: 'high' },
  { id: 't1', at: DAY + 14 * H, kind: 'tag', title: 'Check this' },
  // Three within seconds of each other: one badge at day zoom.
  { id: 'c1', at: DAY + 16 * H, kind: 'notification', title: 'A', severity: 'low' },
  { id: 'c2', at: DAY + 16 * H + 5_000, kind: 'notification', title: 'B', severity: 'critical' },
  { id: 'c3', at: DAY + 16 * H + 9_000, kind: 'notification', title: 'C', severity: 'medium' },
];

const mounted: HTMLElement[] = [];

async function mount(props: Partial<SessionTimeline> = {}, width = 800): Promise<SessionTimeline> {
  const el = document.createElement('session-timeline');
  el.style.width = `${width}px`;
  el.style.marginTop = '160px'; // room for the hover card above
  el.zone = 'UTC';
  el.range = { start: DAY, end: DAY + 24 * H };
  el.spans = SPANS;
  el.markers = MARKERS;
  el.value = DAY + 9 * H + 30 * MIN;
  Object.assign(el, props);
  document.body.append(el);
  mounted.push(el);
  await settle(el);
  return el;
}

/** Waits for the element's update and one frame (ResizeObserver delivers the width). */
async function settle(el: SessionTimeline): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await el.updateComplete;
}

function area(el: SessionTimeline): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('.area')!;
}

/** Viewport position of instant `at` on the coverage bar (or another lane). */
function pointAt(el: SessionTimeline, at: number, lane: 'track' | 'marker' = 'track'): [number, number] {
  const box = area(el).getBoundingClientRect();
  const view = el.visibleView!;
  const x = box.left + ((at - view.start) / (view.end - view.start)) * box.width;
  return [Math.round(x), Math.round(box.top + (lane === 'track' ? 32 : 8))];
}

/** RGB of the canvas at instant `at` on the coverage bar, read back in device pixels. */
function pixelAt(el: SessionTimeline, at: number): number[] {
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!;
  const view = el.visibleView!;
  const dpr = window.devicePixelRatio;
  const x = Math.floor(((at - view.start) / (view.end - view.start)) * canvas.width);
  const y = Math.round(32 * dpr);
  return [...canvas.getContext('2d')!.getImageData(x, y, 1, 1).data.slice(0, 3)];
}

function events<T>(el: EventTarget, type: string): T[] {
  const out: T[] = [];
  el.addEventListener(type, (e) => out.push((e as CustomEvent<T>).detail));
  return out;
}

afterEach(async () => {
  for (const el of mounted.splice(0)) el.remove();
  await sendMouse({ type: 'move', position: [0, 0] });
});

describe('<session-timeline>', () => {
  it('is accessible', async () => {
    const el = await mount();
    expect(await axeViolations(el)).to.deep.equal([]);
    el.setAttribute('theme', 'dark');
    await settle(el);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  for (const scale of [1, 2]) {
    it(`paints recorded spans grey and missing time black at three zoom levels, DPR ${scale}`, async () => {
      await executeServerCommand('set-device-scale-factor', { scale, width: 1000, height: 700 });
      try {
        expect(window.devicePixelRatio).to.equal(scale);
        const el = await mount({ density: { start: DAY, end: DAY + 24 * H, values: Array.from({ length: 96 }, (_, i) => i % 7) } });
        const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="canvas"]')!;
        // Crisp: one canvas pixel per device pixel.
        expect(canvas.width).to.equal(Math.round(canvas.getBoundingClientRect().width * scale));
        const views = [
          { start: DAY, end: DAY + 24 * H }, // day
          { start: DAY + 11 * H + 30 * MIN, end: DAY + 13 * H + 30 * MIN }, // two hours around lunch
          { start: DAY + 15 * H, end: DAY + 15 * H + 4 * MIN }, // minutes: the 3-minute gap
        ];
        const samples: Record<number, [number, number[]][]> = {
          0: [[DAY + 4 * H, BLACK], [DAY + 10 * H, GREY], [DAY + 12 * H + 40 * MIN, BLACK], [DAY + 14 * H, GREY], [DAY + 21 * H, BLACK]],
          1: [[DAY + 11 * H + 45 * MIN, GREY], [DAY + 12 * H + 10 * MIN, BLACK], [DAY + 12 * H + 20.5 * MIN, GREY], [DAY + 12 * H + 40 * MIN, BLACK], [DAY + 13 * H + 15 * MIN, GREY]],
          2: [[DAY + 15 * H + 30_000, BLACK], [DAY + 15 * H + 90_000, BLACK], [DAY + 15 * H + 3.5 * MIN, GREY]],
        };
        for (const [i, view] of views.entries()) {
          el.view = view;
          await settle(el);
          for (const [at, colour] of samples[i]!) {
            expect(pixelAt(el, at), `view ${i} at ${new Date(at).toISOString()}`).to.deep.equal(colour);
          }
        }
      } finally {
        await executeServerCommand('set-device-scale-factor', { scale: 1 });
      }
    });
  }

  it('reads its colours from custom properties', async () => {
    const el = await mount();
    el.style.setProperty('--sp-recorded', 'rgb(0, 128, 0)');
    el.refreshTheme();
    await settle(el);
    expect(pixelAt(el, DAY + 10 * H)).to.deep.equal([0, 128, 0]);
    expect(pixelAt(el, DAY + 4 * H)).to.deep.equal(BLACK);
  });

  it('zooms around the pointer on wheel and reports the new view', async () => {
    const el = await mount();
    const changes = events<ViewChangeDetail>(el, 'view-change');
    const anchor = DAY + 10 * H;
    const [x, y] = pointAt(el, anchor);
    area(el).dispatchEvent(new WheelEvent('wheel', { deltaY: -300, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    await settle(el);
    expect(changes).to.have.length(1);
    expect(changes[0]!.reason).to.equal('zoom');
    const view = el.visibleView!;
    expect(view.end - view.start).to.be.below(24 * H);
    // The instant under the pointer stays under it (within a pixel).
    expect(Math.abs(pointAt(el, anchor)[0] - x)).to.be.at.most(1);
  });

  it('pans when dragged away from the playhead', async () => {
    const el = await mount();
    const changes = events<ViewChangeDetail>(el, 'view-change');
    const seeks = events<SeekRequestDetail>(el, 'seek-request');
    const [x, y] = pointAt(el, DAY + 16 * H);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x - 100, y] });
    await sendMouse({ type: 'up' });
    await settle(el);
    expect(changes.at(-1)!.reason).to.equal('pan');
    // 100 px of an 800 px day is 3 hours later.
    expect(el.visibleView!.start).to.be.closeTo(DAY + 3 * H, 2 * MIN);
    expect(seeks, 'a drag is not a click').to.have.length(0);
  });

  it('has Day, Hour and Fit buttons and zooms in on double-click', async () => {
    const el = await mount();
    const button = (name: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${name}-button"]`)!;
    button('hour').click();
    await settle(el);
    expect(el.visibleView).to.deep.equal({ start: DAY + 9 * H, end: DAY + 10 * H });
    button('day').click();
    await settle(el);
    expect(el.visibleView).to.deep.equal({ start: DAY, end: DAY + 24 * H });
    button('fit').click();
    await settle(el);
    const fitted = el.visibleView!;
    expect(fitted.start).to.be.within(DAY + 7.5 * H, DAY + 8 * H);
    expect(fitted.end).to.be.within(DAY + 18 * H, DAY + 18.5 * H);
    const [x, y] = pointAt(el, DAY + 12 * H);
    await sendMouse({ type: 'move', position: [x, y] });
    area(el).dispatchEvent(new MouseEvent('dblclick', { clientX: x, clientY: y, bubbles: true }));
    await settle(el);
    expect(el.visibleView!.end - el.visibleView!.start).to.be.below((fitted.end - fitted.start) * 0.5);
  });

  it('selects a marker on click and seeks to its instant', async () => {
    const el = await mount();
    const selected = events<MarkerSelectDetail>(el, 'marker-select');
    const seeks = events<SeekRequestDetail>(el, 'seek-request');
    await sendMouse({ type: 'click', position: pointAt(el, MARKERS[1]!.at, 'marker') });
    expect(selected.map((d) => d.marker.id)).to.deep.equal(['t1']);
    expect(seeks).to.deep.equal([{ at: MARKERS[1]!.at, final: true }]);
  });

  it('clusters dense markers into a badge that expands on click', async () => {
    const el = await mount();
    const selected = events<MarkerSelectDetail>(el, 'marker-select');
    await sendMouse({ type: 'move', position: pointAt(el, DAY + 16 * H, 'marker') });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('3 markers');
    await sendMouse({ type: 'click', position: pointAt(el, DAY + 16 * H, 'marker') });
    await settle(el);
    expect(selected, 'a badge zooms, it does not select').to.have.length(0);
    const view = el.visibleView!;
    expect(view.end - view.start).to.be.below(5 * MIN);
    // Zoomed in, the three markers are apart: hovering the critical one names it.
    await sendMouse({ type: 'move', position: pointAt(el, MARKERS[3]!.at, 'marker') });
    await settle(el);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('B');
  });

  it('shows marker titles as text', async () => {
    const title = '<img src=x onerror="window.__xss=1">‮evil';
    const el = await mount({ markers: [{ id: 'x', at: DAY + 9 * H, kind: 'notification', title, severity: 'high' }] });
    await sendMouse({ type: 'move', position: pointAt(el, DAY + 9 * H, 'marker') });
    await settle(el);
    const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!;
    expect(tip.textContent).to.contain(title);
    expect(tip.querySelector('img')).to.equal(null);
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('scrubs with throttled seeks while dragging the playhead and an exact one on release', async () => {
    const el = await mount();
    const seeks = events<SeekRequestDetail>(el, 'seek-request');
    const [x, y] = pointAt(el, el.value!);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 10; i++) await sendMouse({ type: 'move', position: [x + i * 8, y] });
    await sendMouse({ type: 'up' });
    const drags = seeks.filter((s) => !s.final);
    expect(drags.length).to.be.within(1, 10);
    const last = seeks.at(-1)!;
    expect(last.final).to.equal(true);
    // 80 px at 800 px per day is 2.4 hours.
    expect(last.at).to.be.closeTo(DAY + 11.9 * H, 3 * MIN);
  });

  it('goes to the nearest recording when a missing span is clicked', async () => {
    const el = await mount();
    const seeks = events<SeekRequestDetail>(el, 'seek-request');
    await sendMouse({ type: 'click', position: pointAt(el, DAY + 19 * H) });
    expect(seeks).to.have.length(1);
    expect(seeks[0]!.at).to.equal(DAY + 18 * H - 1);
    await sendMouse({ type: 'click', position: pointAt(el, DAY + 7 * H) });
    expect(seeks[1]!.at).to.equal(DAY + 8 * H);
  });

  it('steps with the keyboard and reads the value in words', async () => {
    const el = await mount({ locale: 'en' });
    const seeks = events<SeekRequestDetail>(el, 'seek-request');
    const slider = el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('09:30:00, Tuesday 17 March 2026 — recorded');
    slider.focus();
    const start = el.value!;
    const expected: [string, number][] = [
      ['ArrowRight', start + 5_000],
      ['ArrowLeft', start - 5_000],
      ['Shift+ArrowRight', start + 60_000],
      ['PageUp', start + 10 * MIN],
      ['PageDown', start - 10 * MIN],
      ['Home', DAY + 8 * H],
      ['End', DAY + 18 * H - 1],
      [']', MARKERS[1]!.at],
      ['[', MARKERS[0]!.at],
    ];
    for (const [key, at] of expected) {
      if (key.startsWith('Shift+')) {
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: key.slice(6) });
        await sendKeys({ up: 'Shift' });
      } else await sendKeys({ press: key });
      expect(seeks.at(-1), key).to.deep.equal({ at, final: true });
    }
    el.value = DAY + 5 * H;
    await settle(el);
    expect(slider.getAttribute('aria-valuetext')).to.equal('05:00:00, Tuesday 17 March 2026 — not recorded');
  });

  it('follows playback when the playhead leaves a zoomed view', async () => {
    const el = await mount({ view: { start: DAY + 9 * H, end: DAY + 10 * H }, value: DAY + 9 * H + 59 * MIN });
    const changes = events<ViewChangeDetail>(el, 'view-change');
    el.value = DAY + 10 * H + 1_000;
    await settle(el);
    expect(changes.map((c) => c.reason)).to.deep.equal(['follow']);
    const view = el.visibleView!;
    expect(el.value).to.be.within(view.start, view.end);
    expect(view.end - view.start).to.equal(H);
  });

  it('shows the hover time and a preview from the provider, none in a gap', async () => {
    const asked: number[] = [];
    const preview = async (at: number): Promise<TimelinePreview> => {
      asked.push(at);
      const canvas = new OffscreenCanvas(160, 90);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = 'rgb(255, 0, 0)';
      ctx.fillRect(0, 0, 160, 90);
      return { at, image: canvas.transferToImageBitmap(), width: 160, height: 90 };
    };
    const el = await mount({ preview });
    await sendMouse({ type: 'move', position: pointAt(el, DAY + 10 * H) });
    let thumb: HTMLCanvasElement | null = null;
    for (let i = 0; i < 50 && !thumb; i++) {
      await new Promise((r) => setTimeout(r, 20));
      thumb = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part="preview"]');
    }
    expect(thumb, 'preview shown').to.not.equal(null);
    expect(asked).to.have.length(1);
    expect(asked[0]).to.be.closeTo(DAY + 10 * H, 2 * MIN);
    expect([...thumb!.getContext('2d')!.getImageData(80, 45, 1, 1).data.slice(0, 3)]).to.deep.equal([255, 0, 0]);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.match(/(09:5\d|10:0\d):\d\d/);
    await sendMouse({ type: 'move', position: pointAt(el, DAY + 20 * H) });
    await new Promise((r) => setTimeout(r, 150));
    await el.updateComplete;
    expect(asked, 'no preview asked in a gap').to.have.length(1);
    expect(el.shadowRoot!.querySelector('canvas[part="preview"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('not recorded');
  });

  it('labels in German', async () => {
    const el = await mount({ locale: 'de' });
    const slider = el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('09:30:00, Dienstag 17 März 2026 — aufgezeichnet');
    expect(el.shadowRoot!.querySelector('[part~="day-button"]')!.textContent).to.equal('Tag');
  });
});
