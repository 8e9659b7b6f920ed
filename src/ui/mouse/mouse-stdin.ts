// The stdin Ink reads: the terminal's input with mouse reports taken out (sgr.ts). Ink reads
// through `readable` + `read()`, so this wrapper offers the same and forwards raw mode, encoding
// and ref counting to the real stream. Mouse events go to 'mouse' listeners.
import { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { createMouseFilter, type MouseEvent } from './sgr.js';

/** What Ink needs of its stdin (process.stdin, or a test's fake). */
export interface InputSource extends EventEmitter {
  isTTY?: boolean;
  read(): string | Buffer | null;
  setRawMode?(mode: boolean): unknown;
  setEncoding?(encoding: BufferEncoding): unknown;
  ref?(): unknown;
  unref?(): unknown;
}

/** How long a bare ESC waits for the rest of a report before it is the Escape key. */
export const ESC_WAIT_MS = 30;

export interface MouseStdin extends EventEmitter {
  isTTY: boolean;
  read(): string | null;
  setRawMode(mode: boolean): void;
  setEncoding(encoding: BufferEncoding): void;
  ref(): void;
  unref(): void;
  resume(): void;
  pause(): void;
  /** Pointer events: `on('mouse', (e: MouseEvent) => …)`. */
  on(event: 'mouse', listener: (e: MouseEvent) => void): this;
  on(event: string | symbol, listener: (...args: never[]) => void): this;
}

export function mouseStdin(source: InputSource): MouseStdin {
  const out = new EventEmitter() as MouseStdin;
  const filter = createMouseFilter();
  const decoder = new StringDecoder('utf8');
  let queue = '';
  let timer: NodeJS.Timeout | undefined;
  let attached = false;

  const deliver = (text: string) => {
    if (!text) return;
    queue += text;
    out.emit('readable');
  };
  const onReadable = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    let chunk: string | Buffer | null;
    let text = '';
    const events: MouseEvent[] = [];
    while ((chunk = source.read()) !== null) {
      const r = filter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk));
      text += r.text;
      events.push(...r.events);
    }
    deliver(text);
    for (const e of events) out.emit('mouse', e);
    if (filter.pendingKey()) {
      timer = setTimeout(() => {
        timer = undefined;
        deliver(filter.flush());
      }, ESC_WAIT_MS);
      timer.unref?.();
    }
  };
  // Read the source only while Ink listens, as Ink itself would.
  out.on('newListener', (event) => {
    if (event === 'readable' && !attached) {
      attached = true;
      source.on('readable', onReadable);
    }
  });
  out.on('removeListener', (event) => {
    if (event === 'readable' && attached && out.listenerCount('readable') === 0) {
      attached = false;
      source.off('readable', onReadable);
    }
  });

  out.isTTY = source.isTTY === true;
  out.read = () => {
    if (!queue) return null;
    const q = queue;
    queue = '';
    return q;
  };
  out.setRawMode = (mode) => void source.setRawMode?.(mode);
  out.setEncoding = (encoding) => void source.setEncoding?.(encoding);
  out.ref = () => void source.ref?.();
  out.unref = () => void source.unref?.();
  out.resume = () => undefined;
  out.pause = () => undefined;
  return out;
}
