import { expect } from 'chai';
import { clientToDesktop } from './desktop-mapping.js';

describe('clientToDesktop', () => {
  const desktop = { width: 1280, height: 720 };

  it('scales and offsets through vertical letterbox bars (a box taller than 16:9)', () => {
    const box = { left: 100, top: 50, width: 640, height: 600 }; // scale 0.5, bars of 120 px above and below
    expect(clientToDesktop(box, desktop, 100, 170)).to.deep.equal({ x: 0, y: 0 });
    expect(clientToDesktop(box, desktop, 420, 350)).to.deep.equal({ x: 640, y: 360 });
    expect(clientToDesktop(box, desktop, 739.9, 529.9)).to.deep.equal({ x: 1279, y: 719 });
    expect(clientToDesktop(box, desktop, 300, 100), 'on the bar above').to.equal(null);
  });

  it('scales and offsets through pillar bars (a box wider than 16:9)', () => {
    const box = { left: 0, top: 0, width: 1000, height: 360 }; // scale 0.5, bars of 180 px left and right
    expect(clientToDesktop(box, desktop, 180, 0)).to.deep.equal({ x: 0, y: 0 });
    expect(clientToDesktop(box, desktop, 179, 10)).to.equal(null);
    expect(clientToDesktop(box, desktop, 500, 180)).to.deep.equal({ x: 640, y: 360 });
  });
});
