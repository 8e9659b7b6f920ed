// The schema works in a real editor: the yaml-language-server (what VS Code, Neovim, Helix and
// Zed run for YAML) is spoken to over LSP on stdio, as an editor would, on a plan copied out of
// this repository with the modeline `init`/`import` write. It must load the schema, offer the
// plan's keys inside an issue, and flag an unknown key and a bad estimate with our messages.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schemaModeline, schemaPath } from '../../src/core/plan/schema-location.js';

const require = createRequire(import.meta.url);

type Message = { id?: number; method?: string; params?: any; result?: any; error?: any };

/** A minimal LSP client: Content-Length framing over the server's stdio. */
class LspClient {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private waiting = new Map<number, (m: Message) => void>();
  readonly notes: Message[] = [];
  private listeners: Array<() => void> = [];

  constructor(private proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      for (;;) {
        const head = this.buf.indexOf('\r\n\r\n');
        if (head < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString())?.[1]);
        if (this.buf.length < head + 4 + len) return;
        const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString()) as Message;
        this.buf = this.buf.subarray(head + 4 + len);
        this.receive(msg);
      }
    });
  }

  private receive(msg: Message): void {
    if (msg.id !== undefined && msg.method) {
      // A request from the server: answer configuration with our settings, anything else empty.
      const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => SETTINGS.yaml) : null;
      this.write({ id: msg.id, result });
    } else if (msg.id !== undefined) {
      this.waiting.get(msg.id)?.(msg);
      this.waiting.delete(msg.id);
    } else {
      this.notes.push(msg);
      for (const l of this.listeners) l();
    }
  }

  private write(msg: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${method} within 15 s`)), 15000);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else resolve(m.result);
      });
      this.write({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.write({ method, params });
  }

  /** The first notification that satisfies `pred`, waiting up to 15 s. */
  until(pred: (m: Message) => boolean): Promise<Message> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.notes.find(pred);
        if (!hit) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => reject(new Error('timed out waiting for the language server')), 15000);
      if (!check()) this.listeners.push(check);
    });
  }
}

const SETTINGS = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } } };

let dir: string;
let proc: ChildProcessWithoutNullStreams;
let lsp: LspClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planboard-lsp-'));
  const server = require.resolve('yaml-language-server/bin/yaml-language-server');
  proc = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe' });
  lsp = new LspClient(proc);
  await lsp.request('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } }, workspace: { configuration: true } },
  });
  lsp.notify('initialized', {});
  lsp.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
}, 30000);

afterAll(() => {
  proc?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A plan outside this repository, with the modeline that init and import write for it. */
function openPlan(name: string, body: string): { uri: string; text: string } {
  const file = join(dir, name);
  const text = `${schemaModeline(file)}\n${body}`;
  const uri = pathToFileURL(file).href;
  lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  return { uri, text };
}

const PLAN = `planboard: 1
title: Release 2
lanes:
  - id: alice
    capacity: 8h/w
issues:
  - id: R-1
    title: Ship the installer
    estimate: 2 days please
    lane: alice
    colour: red
  - id: R-2
    title: Write the changelog
    logged: 2026-13-01
`;

describe('the plan schema in yaml-language-server', () => {
  it('a copied plan names the installed schema by an absolute path', () => {
    const line = schemaModeline(join(dir, 'plan.yaml'));
    expect(line).toBe(`# yaml-language-server: $schema=${schemaPath()}`);
    expect(JSON.parse(readFileSync(schemaPath(), 'utf8')).$id).toBe('https://planboard.dev/schema/plan.schema.json');
  });

  it('flags an unknown key and a bad estimate on their lines, with readable messages', async () => {
    const { uri, text } = openPlan('diagnostics.yaml', PLAN);
    const note = await lsp.until((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0);
    const lines = text.split('\n');
    const found = note.params.diagnostics.map((d: any) => ({ line: lines[d.range.start.line].trim(), message: d.message as string }));
    expect(found).toContainEqual({ line: 'estimate: 2 days please', message: expect.stringContaining('Expected a duration such as 2h') });
    expect(found).toContainEqual({ line: 'colour: red', message: expect.stringMatching(/colour.*not allowed/i) });
    expect(found).toContainEqual({ line: 'logged: 2026-13-01', message: expect.stringMatching(/logged.*not allowed/i) });
  });

  it('flags a date that is not on the calendar', async () => {
    const { uri, text } = openPlan('dates.yaml', 'planboard: 1\ntitle: T\nas_of: 2026-02-30\n');
    const note = await lsp.until((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length > 0);
    const lines = text.split('\n');
    expect(note.params.diagnostics.map((d: any) => [lines[d.range.start.line], d.message])).toContainEqual([
      'as_of: 2026-02-30',
      'Expected a calendar date YYYY-MM-DD, e.g. 2026-03-31.',
    ]);
  });

  it('offers the issue keys, with their descriptions, inside an issue', async () => {
    const body = 'planboard: 1\ntitle: T\nissues:\n  - id: A-1\n    title: First\n    \n';
    const { uri, text } = openPlan('completion.yaml', body);
    const line = text.split('\n').indexOf('    ');
    const result = await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    const items: Array<{ label: string; documentation?: unknown }> = Array.isArray(result) ? result : result.items;
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['estimate', 'depends_on', 'lane', 'status', 'sprint', 'log']));
    expect(labels).not.toContain('planboard');
    const estimate = items.find((i) => i.label === 'estimate');
    expect(JSON.stringify(estimate?.documentation ?? '')).toContain('A duration or range');
  });
});
