// Proves the Web Test Runner setup: mocha globals, chai, TS via esbuild, static fixtures.
import { expect } from 'chai';

// Mocha's BDD globals, typed locally so this file type-checks without @types/mocha.
type Fn = (this: unknown) => void | Promise<void>;
const { describe, it } = globalThis as unknown as {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: Fn) => void;
};

// Lit installs reactive-property accessors on the prototype; a class field must then be
// compiled as an assignment (useDefineForClassFields:false) so it hits the accessor
// instead of shadowing it with an own property.
class Fielded {
  value = 5;
}
const seen: number[] = [];
Object.defineProperty(Fielded.prototype, 'value', {
  configurable: true,
  get: () => 0,
  set: (v: number) => void seen.push(v),
});

describe('web-test-runner setup', () => {
  it('runs TypeScript in a real browser', () => {
    expect(typeof document.createElement).to.equal('function');
    expect(navigator.userAgent).to.match(/Chrome\//);
  });

  it('compiles class fields with useDefineForClassFields:false', () => {
    const f = new Fielded();
    expect(seen).to.deep.equal([5]);
    expect(Object.prototype.hasOwnProperty.call(f, 'value')).to.equal(false);
  });

  it('serves files from the repo root', async () => {
    const res = await fetch('/package.json');
    expect(res.ok).to.equal(true);
    const pkg = (await res.json()) as { name: string };
    expect(pkg.name).to.equal('session-player-monorepo');
  });
});
