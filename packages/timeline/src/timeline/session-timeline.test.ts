import { expect } from 'chai';
import '../index.js';
import type { SeekRequestDetail, SessionTimeline } from '../index.js';

const DAY = Date.parse('2026-03-17T00:00:00Z');
const H = 3_600_000;

async function mount(): Promise<SessionTimeline> {
  const el = document.createElement('session-timeline');
  el.style.width = '800px';
  el.zone = 'UTC';
  el.range = { start: DAY, end: DAY + 24 * H };
  el.spans = [
    { start: DAY + 8 * H, end: DAY + 12 * H },
    { start: DAY + 13 * H, end: DAY + 18 * H },
  ];
  el.value = DAY + 9 * H;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Colour of the track at a horizontal fraction of its width. */
function colourAt(el: SessionTimeline, fraction: number): string {
  const track = el.shadowRoot!.querySelector<HTMLElement>('[part="track"]')!;
  const box = track.getBoundingClientRect();
  const x = box.left + fraction * box.width;
  const y = box.top + box.height / 2;
  const hit = el.shadowRoot!.elementsFromPoint(x, y).find((e) => e === track || e.classList.contains('span'))!;
  return getComputedStyle(hit).backgroundColor;
}

describe('<session-timeline>', () => {
  afterEach(() => document.querySelectorAll('session-timeline').forEach((e) => e.remove()));

  it('draws recorded spans grey and missing time black', async () => {
    const el = await mount();
    expect(colourAt(el, 10 / 24)).to.equal('rgb(154, 160, 166)');
    expect(colourAt(el, 15 / 24)).to.equal('rgb(154, 160, 166)');
    expect(colourAt(el, 3 / 24)).to.equal('rgb(0, 0, 0)');
    expect(colourAt(el, 12.5 / 24)).to.equal('rgb(0, 0, 0)');
  });

  it('is a keyboard slider whose value text names the instant and whether it was recorded', async () => {
    const el = await mount();
    const slider = el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
    expect(slider.getAttribute('aria-valuetext')).to.equal('09:00:00, Tuesday 17 March 2026 — recorded');
    const seeks: SeekRequestDetail[] = [];
    el.addEventListener('seek-request', (e) => seeks.push((e as CustomEvent<SeekRequestDetail>).detail));
    slider.focus();
    for (const [key, shiftKey] of [['ArrowRight', false], ['ArrowLeft', true], ['PageUp', false], ['Home', false]] as const) {
      slider.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, composed: true }));
    }
    expect(seeks.map((s) => s.at - DAY)).to.deep.equal([9 * H + 5_000, 9 * H - 60_000, 9 * H + 600_000, 0]);
  });

  it('turns a click on the track into a seek request for that instant', async () => {
    const el = await mount();
    const track = el.shadowRoot!.querySelector<HTMLElement>('[part="track"]')!;
    const box = track.getBoundingClientRect();
    const seeks: SeekRequestDetail[] = [];
    el.addEventListener('seek-request', (e) => seeks.push((e as CustomEvent<SeekRequestDetail>).detail));
    const init = { clientX: box.left + box.width / 2, clientY: box.top + 5, button: 0, pointerId: 1, bubbles: true, composed: true };
    track.dispatchEvent(new PointerEvent('pointerdown', init));
    track.dispatchEvent(new PointerEvent('pointerup', init));
    expect(seeks).to.have.length(1);
    expect(seeks[0]!.final).to.equal(true);
    expect(Math.abs(seeks[0]!.at - (DAY + 12 * H))).to.be.below(2 * 60_000);
  });
});
