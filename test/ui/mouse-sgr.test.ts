// The mouse filter: SGR reports become events and never keys, however the terminal splits them,
// and nothing a hostile or broken terminal sends can grow its buffer or leak report bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMouseFilter, decodeSgr, type MouseEvent } from '../../src/ui/mouse/sgr.js';

const ESC = '\u001b';
const sgr = (b: number, x: number, y: number, final: 'M' | 'm' = 'M') => `${ESC}[<${b};${x};${y}${final}`;

/** Feeds chunks in turn; flushes held key bytes at the end, as the stream does after a pause. */
function run(chunks: string[]) {
  const f = createMouseFilter();
  let text = '';
  const events: MouseEvent[] = [];
  for (const c of chunks) {
    const r = f.push(c);
    text += r.text;
    events.push(...r.events);
  }
  return { text: text + f.flush(), events };
}

describe('decodeSgr', () => {
  it('reads a left press and release at 0-based cells', () => {
    expect(decodeSgr('0;12;5', 'M')).toEqual({ kind: 'press', button: 0, x: 11, y: 4, shift: false, meta: false, ctrl: false });
    expect(decodeSgr('0;12;5', 'm')).toMatchObject({ kind: 'release', button: 0, x: 11, y: 4 });
    expect(decodeSgr('2;1;1', 'M')).toMatchObject({ kind: 'press', button: 2, x: 0, y: 0 });
  });

  it('reads the wheel (64 up, 65 down, 66/67 sideways); a wheel "release" is nothing', () => {
    expect(decodeSgr('64;3;4', 'M')).toMatchObject({ kind: 'wheel', wheel: 'up', x: 2, y: 3 });
    expect(decodeSgr('65;3;4', 'M')).toMatchObject({ kind: 'wheel', wheel: 'down' });
    expect(decodeSgr('66;3;4', 'M')).toMatchObject({ kind: 'wheel', wheel: 'left' });
    expect(decodeSgr('67;3;4', 'M')).toMatchObject({ kind: 'wheel', wheel: 'right' });
    expect(decodeSgr('65;3;4', 'm')).toBeNull();
  });

  it('reads the modifier bits: shift 4, meta 8, ctrl 16', () => {
    expect(decodeSgr('4;1;1', 'M')).toMatchObject({ shift: true, meta: false, ctrl: false, button: 0 });
    expect(decodeSgr('8;1;1', 'M')).toMatchObject({ shift: false, meta: true, ctrl: false });
    expect(decodeSgr('16;1;1', 'M')).toMatchObject({ ctrl: true, button: 0, kind: 'press' });
    expect(decodeSgr('28;1;1', 'M')).toMatchObject({ shift: true, meta: true, ctrl: true });
    expect(decodeSgr('81;1;1', 'M')).toMatchObject({ kind: 'wheel', wheel: 'down', ctrl: true });
  });

  it('motion with a button held is a drag; motion without one, extra buttons and nonsense are nothing', () => {
    expect(decodeSgr('32;5;5', 'M')).toMatchObject({ kind: 'drag', button: 0 });
    expect(decodeSgr('35;5;5', 'M')).toBeNull();
    expect(decodeSgr('128;5;5', 'M')).toBeNull();
    expect(decodeSgr('0;0;5', 'M')).toBeNull();
    expect(decodeSgr('0;5', 'M')).toBeNull();
    expect(decodeSgr('0;5;5;5', 'M')).toBeNull();
    expect(decodeSgr(';;', 'M')).toBeNull();
    expect(decodeSgr('999;5;5', 'M')).toBeNull();
  });
});

describe('the mouse filter', () => {
  it('takes a report out of the keys around it', () => {
    const r = run([`j${sgr(0, 12, 5)}${sgr(0, 12, 5, 'm')}k`]);
    expect(r.text).toBe('jk');
    expect(r.events.map((e) => e.kind)).toEqual(['press', 'release']);
  });

  it('leaves every other key and escape sequence as it was', () => {
    const keys = `abc${ESC}[A${ESC}[1;5C${ESC}[2~${ESC}OP${ESC}x\r\t${ESC}${ESC}[B<>;M m 0;1`;
    expect(run([keys])).toEqual({ text: keys, events: [] });
  });

  it('joins a report split at any byte, with no key leaking from either part', () => {
    const report = sgr(64, 120, 33);
    for (let cut = 1; cut < report.length; cut++) {
      const r = run([`q${report.slice(0, cut)}`, `${report.slice(cut)}w`]);
      expect(r.text, `split at ${cut}`).toBe('qw');
      expect(r.events, `split at ${cut}`).toHaveLength(1);
    }
  });

  it('holds a bare ESC at the end of a read until flush, then gives it up as the Escape key', () => {
    const f = createMouseFilter();
    expect(f.push(`j${ESC}`)).toEqual({ text: 'j', events: [] });
    expect(f.pendingKey()).toBe(true);
    expect(f.flush()).toBe(ESC);
    expect(f.pendingKey()).toBe(false);
  });

  it('when the rest of a report comes after its ESC was given up, the rest is still no key', () => {
    const f = createMouseFilter();
    f.push(ESC);
    expect(f.flush()).toBe(ESC);
    expect(f.push('[<0;3')).toEqual({ text: '', events: [] });
    expect(f.push(';4Mk')).toMatchObject({ text: 'k', events: [{ kind: 'press', x: 2, y: 3 }] });
    // but a key typed after an Escape is a key
    f.push(ESC);
    f.flush();
    expect(f.push('[').text).toBe('[');
    expect(f.push('<').text).toBe('<');
  });

  it('never gives up the start of a report as keys: flush keeps it for the rest', () => {
    const f = createMouseFilter();
    f.push(`${ESC}[<0;12`);
    expect(f.pendingKey()).toBe(false);
    expect(f.flush()).toBe('');
    expect(f.push(';5M')).toMatchObject({ text: '', events: [{ kind: 'press', x: 11, y: 4 }] });
  });

  it('drops legacy X10 reports (ESC [ M and three bytes of any value), even split', () => {
    expect(run([`a${ESC}[M !!b`])).toEqual({ text: 'ab', events: [] });
    expect(run([`a${ESC}[M`, ' q', 'Mb'])).toEqual({ text: 'ab', events: [] });
    expect(run([`${ESC}[M\u00ff\u00ff\u00ffz`])).toEqual({ text: 'z', events: [] });
    // an unfinished one is dropped after the pause, so it cannot eat the keys typed next
    const f = createMouseFilter();
    f.push(`${ESC}[M `);
    expect(f.pendingKey()).toBe(true);
    expect(f.flush()).toBe('');
    expect(f.push('jk').text).toBe('jk');
  });

  it('drops urxvt reports (ESC [ b;x;y M) and keeps keys that merely look alike', () => {
    expect(run([`${ESC}[32;10;5Mx`])).toEqual({ text: 'x', events: [] });
    expect(run([`${ESC}[1;5Ax`]).text).toBe(`${ESC}[1;5Ax`);
  });

  it('drops garbage that claims to be a report, and the keys after it survive', () => {
    expect(run([`${ESC}[<1;2xk`])).toEqual({ text: 'k', events: [] });
    expect(run([`${ESC}[<;;Mk`])).toEqual({ text: 'k', events: [] });
    expect(run([`${ESC}[<0;5\rk`])).toEqual({ text: '\rk', events: [] });
  });

  it('a hostile endless report is dropped as it streams: nothing held grows, nothing leaks', () => {
    const f = createMouseFilter();
    let text = f.push(`${ESC}[<`).text;
    for (let n = 0; n < 1000; n++) text += f.push('1234567890;'.repeat(10)).text;
    text += f.push('Mjk').text;
    expect(text).toBe('jk');
    expect(f.flush()).toBe('');
    // ... and a report after it still works
    expect(f.push(sgr(0, 1, 1)).events).toHaveLength(1);
  });

  it('property: keys and reports in any order, split anywhere, give the keys back whole and every report once', () => {
    const key = fc.constantFrom('j', 'k', 'M', 'm', ';', '0', '<', '[', ' ', '\r', `${ESC}[A`, `${ESC}[1;5B`, 'é', '日');
    const report = fc.tuple(fc.constantFrom(0, 1, 2, 4, 16, 32, 64, 65), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 300 }), fc.constantFrom<'M' | 'm'>('M', 'm'));
    const part = fc.oneof(key.map((k) => ({ k })), report.map(([b, x, y, f]) => ({ r: sgr(b, x, y, f), b, f })));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const whole = parts.map((p) => ('k' in p ? p.k : p.r)).join('');
        const at = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, n, all) => whole.slice(from, all[n + 1] ?? whole.length));
        const r = run(chunks);
        expect(r.text).toBe(parts.map((p) => ('k' in p ? p.k : '')).join(''));
        const expected = parts.filter((p) => 'r' in p && decodeSgr(p.r.slice(3, -1), p.f) !== null).length;
        expect(r.events).toHaveLength(expected);
      }),
    );
  });
});
