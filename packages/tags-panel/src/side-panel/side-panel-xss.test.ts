import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { expect } from 'chai';
import { axeViolations } from '../../../../test/support/axe.js';
import type { PanelEvent } from '../types.js';
import type { SessionSidePanel } from './session-side-panel.js';
import './session-side-panel.define.js';
import type { PanelTab } from './types.js';

setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

const DAY = Date.parse('2026-03-17T09:00:00Z');
const LONG = 'A'.repeat(9_990) + ' long tail';
const CORPUS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  '\u202Eevil',
  LONG,
  '"><svg onload=window.__xss=1>',
];

/** Every corpus string in every backend field, across all three kinds. */
function hostileEvents(): PanelEvent[] {
  const out: PanelEvent[] = [];
  CORPUS.forEach((s, i) => {
    const at = DAY + i * 1_000;
    out.push({ id: `n${i}`, kind: 'notification', at, app: s, window: s, title: s, rule: s, severity: 'high' });
    out.push({ id: `a${i}`, kind: 'activity', at, app: s, window: s, title: s, url: s, durationMs: 1 });
    out.push({ id: `k${i}`, kind: 'keystroke', at: at + i * 120_000, app: s, window: s, text: s });
  });
  // A URL field holding a javascript: URL, and a severity that is not one.
  out.push({ id: 'js', kind: 'activity', at: DAY + 10_000, app: 'Chrome', window: 'w', title: 'link', url: 'javascript:window.__xss=1', durationMs: 1 });
  out.push({ id: 'sev', kind: 'notification', at: DAY + 11_000, app: 'x', window: 'w', title: 't', rule: 'r', severity: '"><img src=x onerror=window.__xss=1>' as never });
  return out;
}

describe('<session-side-panel> renders backend text as text', () => {
  let alerts: unknown[];
  const originalAlert = window.alert;
  beforeEach(() => {
    alerts = [];
    window.alert = (...args: unknown[]) => void alerts.push(args);
  });
  afterEach(() => {
    window.alert = originalAlert;
    document.querySelectorAll('session-side-panel').forEach((el) => el.remove());
  });

  async function show(tab: PanelTab, search = ''): Promise<SessionSidePanel> {
    document.querySelectorAll('session-side-panel').forEach((el) => el.remove());
    const el = document.createElement('session-side-panel');
    el.style.height = '600px';
    el.style.width = '500px';
    el.zone = 'UTC';
    el.events = hostileEvents();
    el.value = DAY + 2_500;
    el.tab = tab;
    document.body.append(el);
    await el.updateComplete;
    if (search) {
      el.shadowRoot!.querySelector<HTMLInputElement>('[part="all-tabs"] input')!.click();
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
      input.value = search;
      input.dispatchEvent(new Event('input'));
    }
    for (let i = 0; i < 4; i++) {
      await el.updateComplete;
      await new Promise((r) => requestAnimationFrame(r));
    }
    return el;
  }

  function expectInert(el: SessionSidePanel): void {
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('script, img, svg, iframe, object, embed')).to.have.length(0);
    expect(root.querySelectorAll('a[href], [href], [src], [onerror], [onload]')).to.have.length(0);
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
    expect(alerts).to.deep.equal([]);
    const requests = performance.getEntriesByType('resource').map((e) => e.name);
    expect(requests.filter((url) => url.startsWith('javascript:') || new URL(url).origin !== location.origin)).to.deep.equal([]);
    // Right-to-left overrides stay inside the <bdi> they came in.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent!.includes('\u202E')) continue;
      const isolated = node.parentElement!.closest('bdi') !== null || /^\u2068[^]*\u2069$/.test(node.textContent!);
      expect(isolated, `U+202E not isolated in <${node.parentElement!.localName}>`).to.equal(true);
    }
  }

  for (const tab of ['notification', 'activity', 'keystroke'] as const) {
    it(`on the ${tab} tab`, async () => {
      const el = await show(tab);
      const text = el.shadowRoot!.querySelector('lit-virtualizer')!.textContent!;
      for (const s of CORPUS) expect(text, JSON.stringify(s.slice(0, 40))).to.contain(s);
      expectInert(el);
      // The times before the text still read left to right.
      for (const time of el.shadowRoot!.querySelectorAll('.row time')) expect(time.textContent).to.match(/^\d\d:\d\d:\d\d$/);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }

  it('with search marks inside the hostile strings, across all tabs', async () => {
    const el = await show('notification', 'xss');
    const marks = el.shadowRoot!.querySelectorAll('mark');
    expect(marks.length).to.be.greaterThan(10);
    const text = el.shadowRoot!.querySelector('lit-virtualizer')!.textContent!;
    for (const s of CORPUS.filter((c) => c.includes('xss'))) expect(text).to.contain(s);
    expectInert(el);
  });

  it('shows the 10 000-character title whole in the DOM, clipped on screen', async () => {
    const el = await show('notification');
    const row = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')].find((r) => r.textContent!.includes(LONG))!;
    expect(row).to.exist;
    expect(row.getBoundingClientRect().height).to.be.below(120);
    expect(row.getBoundingClientRect().width).to.be.at.most(500);
  });

  it('an unknown severity is shown as text, not used as markup or a class', async () => {
    const el = await show('notification');
    const severity = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="severity"]')].find((s) => s.textContent!.includes('onerror'))!;
    expect(severity.dataset.severity).to.equal('unknown');
    expectInert(el);
  });
});
