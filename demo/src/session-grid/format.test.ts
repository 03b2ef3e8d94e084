import { expect } from 'chai';
import { formatDuration, formatSessionStart } from './format.js';

describe('formatDuration', () => {
  it('writes h:mm:ss', () => {
    expect(formatDuration(3_723_000)).to.equal('1:02:03');
    expect(formatDuration(59_999)).to.equal('0:00:59');
    expect(formatDuration(26 * 3_600_000)).to.equal('26:00:00');
  });

  it('treats nonsense as zero', () => {
    expect(formatDuration(-5)).to.equal('0:00:00');
    expect(formatDuration(Number.NaN)).to.equal('0:00:00');
  });
});

describe('formatSessionStart', () => {
  const instant = Date.UTC(2025, 2, 30, 1, 30); // 03:30 CEST, just after the spring-forward jump

  it("shows the instant on the user's own clock", () => {
    expect(formatSessionStart(instant, 'Europe/Berlin')).to.deep.equal({
      dateTime: 'Sun, Mar 30, 2025 03:30',
      zone: 'GMT+2',
      timeZone: 'Europe/Berlin',
    });
    expect(formatSessionStart(instant, 'America/New_York').dateTime).to.equal('Sat, Mar 29, 2025 21:30');
  });

  it('falls back to UTC for a zone the browser does not know', () => {
    const start = formatSessionStart(instant, 'Not/A_Zone');
    expect(start.timeZone).to.equal('UTC');
    expect(start.dateTime).to.equal('Sun, Mar 30, 2025 01:30');
  });
});
