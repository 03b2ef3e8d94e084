import { expect } from 'chai';
import { TAG_NAME_MAX, TAG_NOTES_MAX, tagFormValues, tagPatch, textLength, validateTagDraft } from './tag-draft.js';

const ZONE = 'Europe/Berlin';
const values = (over: Partial<Record<'name' | 'date' | 'time' | 'notes', string>> = {}) => ({
  name: 'USB stick',
  date: '2026-03-17',
  time: '14:05:09',
  notes: '',
  ...over,
});

describe('validateTagDraft', () => {
  it('turns a valid form into a draft, trimming the name and keeping notes as typed', () => {
    expect(validateTagDraft(values({ name: '  USB stick ', notes: ' line 1\nline 2 ' }), ZONE)).to.deep.equal({
      ok: true,
      draft: { at: Date.parse('2026-03-17T13:05:09Z'), name: 'USB stick', notes: ' line 1\nline 2 ' },
    });
  });

  it('names one problem per field', () => {
    expect(validateTagDraft(values({ name: '   ', date: '17.3.2026', time: '25:00', notes: 'n'.repeat(TAG_NOTES_MAX + 1) }), ZONE)).to.deep.equal({
      ok: false,
      errors: { name: 'name-empty', date: 'date-format', notes: 'notes-too-long' },
    });
    expect(validateTagDraft(values({ time: '25:00' }), ZONE)).to.deep.equal({ ok: false, errors: { time: 'time-format' } });
    expect(validateTagDraft(values({ date: '2026-03-29', time: '02:30:00' }), ZONE)).to.deep.equal({ ok: false, errors: { time: 'time-gap' } });
    expect(validateTagDraft(values(), 'Nowhere/Else')).to.deep.equal({ ok: false, errors: { time: 'zone-unknown' } });
  });

  it('counts characters as code points, at the backend limits', () => {
    expect(textLength('😀é')).to.equal(2);
    expect(validateTagDraft(values({ name: 'x'.repeat(TAG_NAME_MAX) }), ZONE).ok).to.equal(true);
    expect(validateTagDraft(values({ name: '😀'.repeat(TAG_NAME_MAX) }), ZONE).ok).to.equal(true);
    expect(validateTagDraft(values({ name: 'x'.repeat(TAG_NAME_MAX + 1) }), ZONE)).to.deep.equal({ ok: false, errors: { name: 'name-too-long' } });
    expect(validateTagDraft(values({ notes: 'n'.repeat(TAG_NOTES_MAX) }), ZONE).ok).to.equal(true);
  });

  it('keeps the prefilled instant exactly while date and time are untouched', () => {
    const origin = Date.parse('2026-03-17T13:05:09.640Z');
    const form = tagFormValues({ at: origin }, ZONE);
    expect(form).to.deep.equal({ name: '', notes: '', date: '2026-03-17', time: '14:05:09' });
    const same = validateTagDraft({ ...form, name: 'x' }, ZONE, origin);
    expect(same.ok && same.draft.at).to.equal(origin);
    const moved = validateTagDraft({ ...form, name: 'x', time: '14:05:10' }, ZONE, origin);
    expect(moved.ok && moved.draft.at).to.equal(Date.parse('2026-03-17T13:05:10Z'));
    // The first 02:30 of the night clocks go back reads like the second; untouched, it stays the first.
    const firstOfTwo = Date.parse('2026-10-25T00:30:00Z');
    const repeated = validateTagDraft({ ...tagFormValues({ at: firstOfTwo }, ZONE), name: 'x' }, ZONE, firstOfTwo);
    expect(repeated.ok && repeated.draft.at).to.equal(firstOfTwo);
  });
});

describe('tagPatch', () => {
  const tag = { at: 1_000, name: 'a', notes: 'n' };
  it('holds only what changed', () => {
    expect(tagPatch(tag, { ...tag })).to.deep.equal({});
    expect(tagPatch(tag, { ...tag, name: 'b' })).to.deep.equal({ name: 'b' });
    expect(tagPatch(tag, { at: 2_000, name: 'a', notes: '' })).to.deep.equal({ at: 2_000, notes: '' });
  });
});
