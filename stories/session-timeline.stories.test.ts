import { expect } from 'chai';
import { render, type TemplateResult } from 'lit';
import type { SessionTimeline } from '@session-player/timeline';
import { axeViolations } from '../test/support/axe.js';
import meta, * as stories from './session-timeline.stories.js';

type StoryArgs = NonNullable<typeof meta.args>;
type StoryExport = { args?: Partial<StoryArgs>; render: (args: StoryArgs) => TemplateResult };

const named = Object.entries(stories).filter(([name]) => name !== 'default') as unknown as [string, StoryExport][];
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

async function mount(story: StoryExport): Promise<SessionTimeline> {
  const host = document.createElement('div');
  host.style.width = '900px';
  document.body.append(host);
  render(story.render({ ...meta.args, ...story.args } as StoryArgs), host);
  const el = host.querySelector('session-timeline')!;
  await el.updateComplete;
  // The element learns its width from a ResizeObserver, which reports before the next paint.
  await nextFrame();
  await nextFrame();
  await el.updateComplete;
  return el;
}

describe('session-timeline stories', () => {
  afterEach(() => document.body.replaceChildren());

  it('has every story the catalogue promises', () => {
    expect(named.map(([name]) => name)).to.have.members([
      'EmptyDay',
      'FullyRecorded',
      'Fragmented',
      'TenThousandMarkers',
      'DarkTheme',
      'NarrowWidth',
      'German',
      'WithPreview',
    ]);
  });

  for (const [name, story] of named) {
    it(`${name}: paints without a backend and passes axe`, async () => {
      const el = await mount(story);
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      expect(canvas.width, 'canvas width').to.be.greaterThan(0);
      // Something other than the background: at least the coverage bar.
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const colours = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4 * 7) colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      expect(colours.size, 'distinct colours on the canvas').to.be.greaterThan(2);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('moves the playhead where a seek-request asks', async () => {
    const el = await mount(stories.Fragmented as unknown as StoryExport);
    const slider = el.shadowRoot!.querySelector<HTMLElement>('[role="slider"]')!;
    const before = el.value!;
    slider.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    expect(el.value).to.equal(before + 5_000);
    await el.updateComplete;
    expect(Number(slider.getAttribute('aria-valuenow'))).to.equal(before + 5_000);
  });
});
